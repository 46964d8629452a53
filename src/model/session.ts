import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { VeriSpecError } from './errors.js';
import type { ModelManifest } from './manifest.js';

/** The parts of onnxruntime (web or node) the model needs: pass either module. */
export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  Tensor: new (type: 'int64' | 'float32', data: BigInt64Array | Float32Array, dims: readonly number[]) => Tensor;
}

/** One tree-verify step's inputs (see README, "Model package"). */
export interface StepInputs {
  tokens: readonly number[];
  positions: readonly number[];
  parents: Int32Array;
  treeBias: Float32Array;
  temperature: number;
  uniforms: Float32Array;
}

/** Per node: the base's argmax, entropy, own token's log-prob under its parent, a sample; and hidden states. */
export interface StepOutputs {
  argmax: Int32Array;
  entropy: Float32Array;
  parentLogprob: Float32Array;
  sample: Int32Array;
  /** [T, d_model] row-major. */
  hidden: Float32Array;
}

export interface HeadCandidates {
  /** [K, top_k]: head k's candidates, best first. */
  ids: Int32Array;
  logprobs: Float32Array;
  heads: number;
  topK: number;
}

const int64 = (ort: OrtModule, values: ArrayLike<number>, dims: readonly number[] = [values.length]) =>
  new ort.Tensor('int64', BigInt64Array.from(Array.from(values, (v) => BigInt(v))), dims);
const toInt32 = (t: Tensor) => Int32Array.from(t.data as BigInt64Array, (v) => Number(v));

/**
 * One prompt being decoded: its cross-attention K/V and the committed
 * tokens' KV cache. Both stay in onnxruntime tensors (GPU buffers on WebGPU,
 * see `deviceResident`); the kv_commit graph appends to the cache, so only
 * the small per-node outputs are ever read back.
 */
export class PromptState {
  private pastKey: Tensor;
  private pastValue: Tensor;
  private length = 0;
  private lastPresent?: { key: Tensor; value: Tensor };

  constructor(private readonly model: ModelSessions, private readonly crossKey: Tensor, private readonly crossValue: Tensor) {
    const a = model.manifest.architecture;
    const empty = [a.num_decoder_layers, a.num_heads, 0, a.d_kv];
    this.pastKey = new model.ort.Tensor('float32', new Float32Array(0), empty);
    this.pastValue = new model.ort.Tensor('float32', new Float32Array(0), empty);
  }

  /** Tokens whose KV is cached (positions 0..length-1). */
  get cachedLength(): number {
    return this.length;
  }

  async step(inputs: StepInputs): Promise<StepOutputs> {
    const { ort } = this.model;
    const t = inputs.tokens.length;
    this.releasePresent();
    const out = await this.model.step.run({
      tokens: int64(ort, inputs.tokens),
      positions: int64(ort, inputs.positions),
      parents: int64(ort, inputs.parents),
      tree_bias: new ort.Tensor('float32', inputs.treeBias, [t, t]),
      past_key: this.pastKey,
      past_value: this.pastValue,
      cross_key: this.crossKey,
      cross_value: this.crossValue,
      temperature: new ort.Tensor('float32', Float32Array.of(inputs.temperature), [1]),
      uniforms: new ort.Tensor('float32', inputs.uniforms, [t]),
    });
    this.lastPresent = { key: out.present_key!, value: out.present_value! };
    return {
      argmax: toInt32(out.argmax!),
      entropy: out.entropy!.data as Float32Array,
      parentLogprob: out.parent_logprob!.data as Float32Array,
      sample: toInt32(out.sample!),
      hidden: out.hidden!.data as Float32Array,
    };
  }

  /** Appends the K/V of `nodes` (of the last step, in path order) to the cache. */
  async commit(nodes: readonly number[]): Promise<void> {
    if (!this.lastPresent) throw new Error('commit before any step');
    const out = await this.model.kvCommit.run({
      past_key: this.pastKey, past_value: this.pastValue,
      present_key: this.lastPresent.key, present_value: this.lastPresent.value,
      nodes: int64(this.model.ort, nodes),
    });
    this.pastKey.dispose();
    this.pastValue.dispose();
    this.pastKey = out.key!;
    this.pastValue = out.value!;
    this.length += nodes.length;
  }

  /** Frees the device buffers this prompt holds. */
  dispose(): void {
    this.releasePresent();
    for (const t of [this.pastKey, this.pastValue, this.crossKey, this.crossValue]) t.dispose();
  }

  private releasePresent(): void {
    this.lastPresent?.key.dispose();
    this.lastPresent?.value.dispose();
    this.lastPresent = undefined;
  }

  /** Each head's top-k candidates from one node's hidden state. */
  async heads(variant: string, hidden: Float32Array): Promise<HeadCandidates> {
    const session = this.model.headSessions.get(variant);
    if (!session) throw new VeriSpecError('bad-option', `no head variant '${variant}' (this model has: ${[...this.model.headSessions.keys()].join(', ') || 'none'})`);
    const out = await session.run({ hidden: new this.model.ort.Tensor('float32', hidden, [1, hidden.length]) });
    const [heads, , topK] = out.head_ids!.dims as [number, number, number];
    return { ids: toInt32(out.head_ids!), logprobs: out.head_logprobs!.data as Float32Array, heads, topK };
  }
}

/** The inference sessions of one quantization of a model package. */
export class ModelSessions {
  private constructor(
    readonly ort: OrtModule,
    readonly manifest: ModelManifest,
    readonly encoder: InferenceSession,
    readonly step: InferenceSession,
    readonly kvCommit: InferenceSession,
    readonly headSessions: Map<string, InferenceSession>,
  ) {}

  /**
   * `deviceResident`: keep the cross K/V and the KV cache where the backend
   * computed them (GPU buffers on WebGPU) instead of reading them back.
   */
  static async create(ort: OrtModule, manifest: ModelManifest, graphs: { encoder: Uint8Array; step: Uint8Array; kvCommit: Uint8Array; heads: Map<string, Uint8Array> }, options: InferenceSession.SessionOptions = {}, deviceResident = false, headsOptions = options): Promise<ModelSessions> {
    const onDevice = (names: string[]): InferenceSession.SessionOptions =>
      deviceResident ? { ...options, preferredOutputLocation: Object.fromEntries(names.map((n) => [n, 'gpu-buffer' as const])) } : options;
    const create = async (name: string, bytes: Uint8Array, sessionOptions: InferenceSession.SessionOptions) => {
      try {
        return await ort.InferenceSession.create(bytes, sessionOptions);
      } catch (error) {
        throw new VeriSpecError('bad-graph', `onnxruntime cannot load the ${name} graph: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const heads = new Map<string, InferenceSession>();
    for (const [variant, bytes] of graphs.heads) heads.set(variant, await create(`heads (${variant})`, bytes, headsOptions));
    return new ModelSessions(ort, manifest,
      await create('encoder', graphs.encoder, onDevice(['cross_key', 'cross_value'])),
      await create('decoder step', graphs.step, onDevice(['present_key', 'present_value'])),
      await create('kv commit', graphs.kvCommit, onDevice(['key', 'value'])),
      heads);
  }

  /** Runs the encoder once; refuses (never truncates) a prompt longer than the model takes. */
  async prompt(inputIds: readonly number[]): Promise<PromptState> {
    const limit = this.manifest.architecture.max_source_tokens;
    if (inputIds.length > limit) throw new VeriSpecError('prompt-too-long', `the spec is ${inputIds.length} tokens; this model reads at most ${limit}`);
    const out = await this.encoder.run({ input_ids: int64(this.ort, inputIds, [1, inputIds.length]) });
    return new PromptState(this, out.cross_key!, out.cross_value!);
  }

  async release(): Promise<void> {
    await Promise.all([this.encoder.release(), this.step.release(), this.kvCommit.release(), ...[...this.headSessions.values()].map((s) => s.release())]);
  }
}
