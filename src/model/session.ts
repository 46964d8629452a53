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
 * The committed tokens' KV cache ([L, H, P, d_kv] per keys and values), kept
 * with spare capacity so committing a few tokens does not reallocate.
 */
class KvCache {
  private keys: Float32Array;
  private values: Float32Array;
  length = 0;

  constructor(private readonly layers: number, private readonly heads: number, private readonly dKv: number, private capacity = 64) {
    this.keys = new Float32Array(layers * heads * capacity * dKv);
    this.values = new Float32Array(this.keys.length);
  }

  /** Appends nodes `nodes` of a step's present K/V ([L, H, T, d_kv]). */
  append(presentKey: Float32Array, presentValue: Float32Array, treeSize: number, nodes: readonly number[]): void {
    const { layers, heads, dKv } = this;
    if (this.length + nodes.length > this.capacity) this.grow(Math.max(this.capacity * 2, this.length + nodes.length));
    for (let l = 0; l < layers; l++) {
      for (let h = 0; h < heads; h++) {
        const row = l * heads + h;
        nodes.forEach((node, i) => {
          const from = (row * treeSize + node) * dKv;
          const to = (row * this.capacity + this.length + i) * dKv;
          this.keys.set(presentKey.subarray(from, from + dKv), to);
          this.values.set(presentValue.subarray(from, from + dKv), to);
        });
      }
    }
    this.length += nodes.length;
  }

  /** Contiguous [L, H, P, d_kv] copies for the next step. */
  tensors(ort: OrtModule): [Tensor, Tensor] {
    const { layers, heads, dKv, length } = this;
    const k = new Float32Array(layers * heads * length * dKv);
    const v = new Float32Array(k.length);
    for (let row = 0; row < layers * heads; row++) {
      k.set(this.keys.subarray(row * this.capacity * dKv, (row * this.capacity + length) * dKv), row * length * dKv);
      v.set(this.values.subarray(row * this.capacity * dKv, (row * this.capacity + length) * dKv), row * length * dKv);
    }
    const dims = [layers, heads, length, dKv];
    return [new ort.Tensor('float32', k, dims), new ort.Tensor('float32', v, dims)];
  }

  private grow(capacity: number): void {
    const { layers, heads, dKv } = this;
    const keys = new Float32Array(layers * heads * capacity * dKv);
    const values = new Float32Array(keys.length);
    for (let row = 0; row < layers * heads; row++) {
      keys.set(this.keys.subarray(row * this.capacity * dKv, (row * this.capacity + this.length) * dKv), row * capacity * dKv);
      values.set(this.values.subarray(row * this.capacity * dKv, (row * this.capacity + this.length) * dKv), row * capacity * dKv);
    }
    this.keys = keys;
    this.values = values;
    this.capacity = capacity;
  }
}

/** One prompt being decoded: its cross-attention K/V and KV cache. */
export class PromptState {
  private readonly cache: KvCache;
  private lastPresent?: { key: Float32Array; value: Float32Array; size: number };

  constructor(private readonly model: ModelSessions, private readonly crossKey: Tensor, private readonly crossValue: Tensor) {
    const a = model.manifest.architecture;
    this.cache = new KvCache(a.num_decoder_layers, a.num_heads, a.d_kv);
  }

  /** Tokens whose KV is cached (positions 0..length-1). */
  get cachedLength(): number {
    return this.cache.length;
  }

  async step(inputs: StepInputs): Promise<StepOutputs> {
    const { ort } = this.model;
    const t = inputs.tokens.length;
    const [pastKey, pastValue] = this.cache.tensors(ort);
    const out = await this.model.step.run({
      tokens: int64(ort, inputs.tokens),
      positions: int64(ort, inputs.positions),
      parents: int64(ort, inputs.parents),
      tree_bias: new ort.Tensor('float32', inputs.treeBias, [t, t]),
      past_key: pastKey,
      past_value: pastValue,
      cross_key: this.crossKey,
      cross_value: this.crossValue,
      temperature: new ort.Tensor('float32', Float32Array.of(inputs.temperature), [1]),
      uniforms: new ort.Tensor('float32', inputs.uniforms, [t]),
    });
    this.lastPresent = { key: out.present_key!.data as Float32Array, value: out.present_value!.data as Float32Array, size: t };
    return {
      argmax: toInt32(out.argmax!),
      entropy: out.entropy!.data as Float32Array,
      parentLogprob: out.parent_logprob!.data as Float32Array,
      sample: toInt32(out.sample!),
      hidden: out.hidden!.data as Float32Array,
    };
  }

  /** Moves the K/V of `nodes` (of the last step, in path order) into the cache. */
  commit(nodes: readonly number[]): void {
    if (!this.lastPresent) throw new Error('commit before any step');
    this.cache.append(this.lastPresent.key, this.lastPresent.value, this.lastPresent.size, nodes);
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
    readonly headSessions: Map<string, InferenceSession>,
  ) {}

  static async create(ort: OrtModule, manifest: ModelManifest, graphs: { encoder: Uint8Array; step: Uint8Array; heads: Map<string, Uint8Array> }, options: InferenceSession.SessionOptions = {}): Promise<ModelSessions> {
    const create = async (name: string, bytes: Uint8Array) => {
      try {
        return await ort.InferenceSession.create(bytes, options);
      } catch (error) {
        throw new VeriSpecError('bad-graph', `onnxruntime cannot load the ${name} graph: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const heads = new Map<string, InferenceSession>();
    for (const [variant, bytes] of graphs.heads) heads.set(variant, await create(`heads (${variant})`, bytes));
    return new ModelSessions(ort, manifest, await create('encoder', graphs.encoder), await create('decoder step', graphs.step), heads);
  }

  /** Runs the encoder once; refuses (never truncates) a prompt longer than the model takes. */
  async prompt(inputIds: readonly number[]): Promise<PromptState> {
    const limit = this.manifest.architecture.max_source_tokens;
    if (inputIds.length > limit) throw new VeriSpecError('prompt-too-long', `the spec is ${inputIds.length} tokens; this model reads at most ${limit}`);
    const out = await this.encoder.run({ input_ids: int64(this.ort, inputIds, [1, inputIds.length]) });
    return new PromptState(this, out.cross_key!, out.cross_value!);
  }

  async release(): Promise<void> {
    await Promise.all([this.encoder.release(), this.step.release(), ...[...this.headSessions.values()].map((s) => s.release())]);
  }
}
