/** One prompt being decoded: its tree-verify steps, KV cache and heads (the sessions are session.ts's). */
import type { Tensor } from 'onnxruntime-common';
import { VeriSpecError } from './errors.js';
import { appendRows, commitSlots } from './kv-cache.js';
import type { ModelSessions, OrtModule } from './session.js';

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

export const int64 = (ort: OrtModule, values: ArrayLike<number>, dims: readonly number[] = [values.length]) =>
  new ort.Tensor('int64', BigInt64Array.from(Array.from(values, (v) => BigInt(v))), dims);
const toInt32 = (t: Tensor) => Int32Array.from(t.data as BigInt64Array, (v) => Number(v));

/**
 * Cache slots a page of capacity holds: the buffer grows a page at a time,
 * so on a GPU its shape rarely changes (WebGPU uses 256). In CPU memory a
 * commit that outgrows the buffer copies the whole cache (appendRows), so a
 * page of one slot copied it every step: measured with `bench --kv-page`
 * (node, int8, 20 eval/user specs, twice each), the commit took 0.12-0.17 ms
 * a step with pages of 1 slot and 0.02-0.05 with 16 or 64, and NTP's step
 * 1.88 and 2.33 ms against 1.70 and 1.71 with 16. Spare slots are masked,
 * and attending to them costs far less than the copies.
 */
export const DEFAULT_KV_PAGE = 16;

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
    if (!this.model.kvCommit) throw new Error('no kv_commit session: the caches are in CPU memory');
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
