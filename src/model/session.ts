import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { VeriSpecError } from './errors.js';
import type { ModelManifest } from './manifest.js';
import { appendRows, commitSlots } from './kv-cache.js';
import { isOutOfMemory } from './memory.js';

/** The parts of onnxruntime (web or node) the model needs: pass either module. */
export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  Tensor: new (type: 'int64' | 'float32', data: BigInt64Array | Float32Array, dims: readonly number[]) => Tensor;
}

/** One tree-verify step's inputs (see README, "Model package"). */
export interface StepInputs {
  tokens: readonly number[];
  /** Each node's depth in the tree (the root, node 0, is the last committed token, at depth 0). */
  depths: ArrayLike<number>;
  parents: Int32Array;
  treeBias: Float32Array;
  temperature: number;
  uniforms: Float32Array;
  /** [nodes, vocab] added to the logits (-inf rules a token out); only where `PromptState.takesLogitBias`. */
  logitBias?: Float32Array;
}

/** Per node: the base's argmax, entropy, own token's log-prob under its parent, a sample; and hidden states. */
export interface StepOutputs {
  argmax: Int32Array;
  entropy: Float32Array;
  parentLogprob: Float32Array;
  sample: Int32Array;
  /** [T, d_model] row-major. */
  hidden: Float32Array;
  /** Each node's best tokens, best first ([T, k] row-major); packages exported before the step had it lack it. */
  ranked?: { ids: Int32Array; k: number };
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
 * Cache slots a page of capacity holds: the buffer grows a page at a time,
 * so on a GPU its shape rarely changes (WebGPU uses 256). On the CPU
 * backends the default page is one slot, the exact fit: measured with
 * `bench --kv-page` (node, int8, 20 prompts), NTP ran at 566.9 tok/s with
 * 1, 549.2 with 16 and 499.3 with 64, since spare slots cost attention and
 * copying and onnxruntime's CPU allocator handles changing shapes well.
 */
export const DEFAULT_KV_PAGE = 1;

interface KvBuffers {
  key: Tensor;
  value: Tensor;
}

/**
 * One prompt being decoded: its cross-attention K/V and the committed
 * tokens' KV cache. Both stay in onnxruntime tensors (GPU buffers on WebGPU,
 * see `deviceResident`), so only the small per-node outputs are read back.
 * The cache is a buffer of fixed capacity with a length: the decoder step
 * sees the same shapes step after step. In CPU memory a commit copies the
 * committed rows in JavaScript; in GPU buffers the kv_commit graph gathers
 * them, and with `reuseOutputs` writes the next buffer into the one the
 * commit before last wrote (ping-pong). With `reuseOutputs` the step writes
 * its node K/V into the last step's, so onnxruntime allocates nothing while
 * the capacity holds.
 */
export class PromptState {
  private cache: KvBuffers;
  /** The previous buffer pair, written again by the next commit of the same capacity. */
  private spare?: KvBuffers;
  private length = 0;
  private present?: KvBuffers;

  constructor(private readonly model: ModelSessions, private readonly crossKey: Tensor, private readonly crossValue: Tensor) {
    const a = model.manifest.architecture;
    const size = a.num_decoder_layers * a.num_heads * model.kvPage * a.d_kv;
    const dims = [a.num_decoder_layers, a.num_heads, model.kvPage, a.d_kv];
    // Zeros, not garbage: unused slots are masked, and 0 * NaN would still poison the sum.
    this.cache = { key: new model.ort.Tensor('float32', new Float32Array(size), dims), value: new model.ort.Tensor('float32', new Float32Array(size), dims) };
  }

  /** Slots the cache buffer holds. */
  private get capacity(): number {
    return this.cache.key.dims[2]!;
  }

  /** Whether the step graph reads a logit bias (packages exported before it had none). */
  get takesLogitBias(): boolean {
    return this.model.step.inputNames.includes('logit_bias');
  }

  /** Tokens whose KV is cached (positions 0..length-1). */
  get cachedLength(): number {
    return this.length;
  }

  async step(inputs: StepInputs): Promise<StepOutputs> {
    const { ort } = this.model;
    const t = inputs.tokens.length;
    // The last step's node K/V are free once committed: the next step of the same tree size writes into them.
    const reuse = this.model.reuseOutputs && this.present?.key.dims[2] === t ? this.present : undefined;
    if (!reuse) this.releasePresent();
    const fetches = {
      argmax: null, entropy: null, parent_logprob: null, sample: null, hidden: null, present_key: reuse?.key ?? null, present_value: reuse?.value ?? null,
      ...(this.ranks ? { ranked: null } : {}),
    };
    const out = await this.model.step.run({
      tokens: int64(ort, inputs.tokens),
      positions: int64(ort, Array.from(inputs.depths, (d) => this.length + d)),
      parents: int64(ort, inputs.parents),
      tree_bias: new ort.Tensor('float32', inputs.treeBias, [t, t]),
      past_key: this.cache.key,
      past_value: this.cache.value,
      past_length: int64(ort, [this.length]),
      cross_key: this.crossKey,
      cross_value: this.crossValue,
      temperature: new ort.Tensor('float32', Float32Array.of(inputs.temperature), [1]),
      uniforms: new ort.Tensor('float32', inputs.uniforms, [t]),
      ...this.logitBias(inputs.logitBias, t),
    }, fetches);
    this.present = { key: out.present_key!, value: out.present_value! };
    return {
      argmax: toInt32(out.argmax!),
      entropy: out.entropy!.data as Float32Array,
      parentLogprob: out.parent_logprob!.data as Float32Array,
      sample: toInt32(out.sample!),
      hidden: out.hidden!.data as Float32Array,
      ...(out.ranked ? { ranked: { ids: out.ranked.type === 'int32' ? (out.ranked.data as Int32Array) : toInt32(out.ranked), k: out.ranked.dims[1]! } } : {}),
    };
  }

  /** Whether the step graph ranks each node's best tokens. */
  private get ranks(): boolean {
    return this.model.step.outputNames.includes('ranked');
  }

  /** The step's logit_bias feed: the rows given, or one row of zeros (broadcast to every node). */
  private logitBias(bias: Float32Array | undefined, nodes: number): Record<string, Tensor> {
    const vocab = this.model.manifest.architecture.vocab_size;
    if (!this.takesLogitBias) {
      if (bias) throw new VeriSpecError('bad-option', 'this package\'s decoder step takes no logit bias (export it again for names from the spec)');
      return {};
    }
    if (bias && bias.length !== nodes * vocab) throw new VeriSpecError('bad-option', `logit bias of ${bias.length} values for ${nodes} nodes of ${vocab} tokens`);
    return { logit_bias: new this.model.ort.Tensor('float32', bias ?? new Float32Array(vocab), [bias ? nodes : 1, vocab]) };
  }

  /** Appends the K/V of `nodes` (of the last step, in path order) to the cache. */
  async commit(nodes: readonly number[]): Promise<void> {
    if (!this.present) throw new Error('commit before any step');
    if (this.model.deviceResident) await this.commitOnDevice(nodes, this.present);
    else this.commitInMemory(nodes, this.present);
    this.length += nodes.length;
  }

  /** The cache in CPU memory: the rows are copied in JavaScript (kv-cache.ts). */
  private commitInMemory(nodes: readonly number[], present: KvBuffers): void {
    const { ort, manifest, kvPage } = this.model;
    const a = manifest.architecture;
    const rows = a.num_decoder_layers * a.num_heads;
    const capacity = this.capacity;
    const append = (past: Tensor, present: Tensor): Tensor => {
      const { data, capacity: next } = appendRows(past.data as Float32Array, capacity, this.length, present.data as Float32Array, nodes, rows, a.d_kv, kvPage);
      return next === capacity ? past : new ort.Tensor('float32', data, [a.num_decoder_layers, a.num_heads, next, a.d_kv]);
    };
    this.cache = { key: append(this.cache.key, present.key), value: append(this.cache.value, present.value) };
  }

  /** The cache in device buffers: the kv_commit graph gathers the next buffer there. */
  private async commitOnDevice(nodes: readonly number[], present: KvBuffers): Promise<void> {
    const { slots, capacity } = commitSlots(this.length, this.capacity, nodes, this.model.kvPage);
    const into = this.model.reuseOutputs && this.spare?.key.dims[2] === capacity ? this.spare : undefined;
    if (!into) this.releaseSpare();
    const out = await this.model.kvCommit.run({
      past_key: this.cache.key, past_value: this.cache.value,
      present_key: present.key, present_value: present.value,
      slots: int64(this.model.ort, slots),
    }, { key: into?.key ?? null, value: into?.value ?? null });
    // The old buffer becomes the spare only if the kv_commit graph wrote it (any commit before this one
    // did: a commit keeps at least one node), so that it lives where the graph's outputs live.
    const old = this.cache;
    const reusable = this.model.reuseOutputs && this.length > 0 && old.key.dims[2] === capacity;
    this.cache = { key: out.key!, value: out.value! };
    this.spare = reusable ? old : undefined;
    if (!reusable) {
      old.key.dispose();
      old.value.dispose();
    }
  }

  /** Frees the device buffers this prompt holds. */
  dispose(): void {
    this.releasePresent();
    this.releaseSpare();
    for (const t of [this.cache.key, this.cache.value, this.crossKey, this.crossValue]) t.dispose();
  }

  private releasePresent(): void {
    this.present?.key.dispose();
    this.present?.value.dispose();
    this.present = undefined;
  }

  private releaseSpare(): void {
    this.spare?.key.dispose();
    this.spare?.value.dispose();
    this.spare = undefined;
  }

  /**
   * Each head's top-k candidates from one node's hidden state. `root` is the
   * token that node commits next: chained heads (model.json `chained`) draft
   * on from it, MEDUSA's heads do not read it.
   */
  async heads(variant: string, hidden: Float32Array, root: number): Promise<HeadCandidates> {
    const session = this.model.headSessions.get(variant);
    if (!session) throw new VeriSpecError('bad-option', `no head variant '${variant}' (this model has: ${[...this.model.headSessions.keys()].join(', ') || 'none'})`);
    const { ort } = this.model;
    const out = await session.run({
      hidden: new ort.Tensor('float32', hidden, [1, hidden.length]),
      ...(session.inputNames.includes('root') ? { root: int64(ort, [root]) } : {}),
    });
    const [heads, , topK] = out.head_ids!.dims as [number, number, number];
    return { ids: toInt32(out.head_ids!), logprobs: out.head_logprobs!.data as Float32Array, heads, topK };
  }
}

/** How a model's sessions run. */
export interface SessionSetup {
  sessionOptions?: InferenceSession.SessionOptions;
  /**
   * Options of the other graphs' sessions, where they differ from the step's
   * (on WebGPU the heads run on WASM; on onnxruntime-node only the step spins).
   */
  graphOptions?: Partial<Record<'encoder' | 'kvCommit' | 'heads', InferenceSession.SessionOptions>>;
  /**
   * Keep the cross K/V and the KV cache where the backend computed them (GPU
   * buffers on WebGPU) instead of reading them back.
   */
  deviceResident?: boolean;
  /** KV cache slots added at a time (default DEFAULT_KV_PAGE). */
  kvPage?: number;
  /**
   * Have the step and kv_commit graphs write into the buffers of an earlier
   * run (pre-allocated outputs) instead of new ones. Not for onnxruntime-web's
   * WASM backend: it leaves pre-allocated CPU outputs unwritten (onnxruntime
   * #25786, as of 1.30).
   */
  reuseOutputs?: boolean;
  /** Called before each session is created (`done` of `count` are), for a progress bar: a large graph takes seconds. */
  onSession?: (name: string, done: number, count: number) => void;
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
    readonly kvPage: number,
    readonly reuseOutputs: boolean,
    /** Whether the caches live in device (GPU) buffers rather than CPU memory. */
    readonly deviceResident: boolean,
  ) {}

  static async create(ort: OrtModule, manifest: ModelManifest, graphs: { encoder: Uint8Array; step: Uint8Array; kvCommit: Uint8Array; heads: Map<string, Uint8Array> }, setup: SessionSetup = {}): Promise<ModelSessions> {
    const options = setup.sessionOptions ?? {};
    const kvPage = setup.kvPage ?? DEFAULT_KV_PAGE;
    if (!(Number.isInteger(kvPage) && kvPage >= 1)) throw new VeriSpecError('bad-option', `kvPage must be a positive integer, got ${kvPage}`);
    const onDevice = (names: string[], own = options): InferenceSession.SessionOptions =>
      setup.deviceResident ? { ...own, preferredOutputLocation: Object.fromEntries(names.map((n) => [n, 'gpu-buffer' as const])) } : own;
    const count = graphs.heads.size + 3;
    let done = 0;
    const create = async (name: string, bytes: Uint8Array, sessionOptions: InferenceSession.SessionOptions) => {
      setup.onSession?.(name, done, count);
      try {
        return await ort.InferenceSession.create(bytes, sessionOptions);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Out of memory is the device's limit, not a bad graph (and not worth a retry on another backend).
        if (isOutOfMemory(error)) {
          const stopped = /Aborted\(/.test(message) ? '; onnxruntime stopped, so reload the page to load a model again' : '';
          throw new VeriSpecError('out-of-memory', `onnxruntime ran out of memory creating the ${name} session (${message})${stopped}`);
        }
        throw new VeriSpecError('bad-graph', `onnxruntime cannot load the ${name} graph: ${message}`);
      } finally {
        done++;
      }
    };
    const heads = new Map<string, InferenceSession>();
    for (const [variant, bytes] of graphs.heads) heads.set(variant, await create(`heads (${variant})`, bytes, setup.graphOptions?.heads ?? options));
    return new ModelSessions(ort, manifest,
      await create('encoder', graphs.encoder, onDevice(['cross_key', 'cross_value'], setup.graphOptions?.encoder)),
      await create('decoder step', graphs.step, onDevice(['present_key', 'present_value'])),
      await create('kv commit', graphs.kvCommit, onDevice(['key', 'value'], setup.graphOptions?.kvCommit)),
      heads, kvPage, setup.reuseOutputs ?? false, setup.deviceResident ?? false);
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
