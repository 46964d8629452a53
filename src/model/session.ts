import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { VeriSpecError } from './errors.js';
import type { ModelManifest } from './manifest.js';
import { isOutOfMemory } from './memory.js';
import { DEFAULT_KV_PAGE, int64, PromptState } from './prompt-state.js';

/** The parts of onnxruntime (web or node) the model needs: pass either module. */
export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  Tensor: new (type: 'int64' | 'float32', data: BigInt64Array | Float32Array, dims: readonly number[]) => Tensor;
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
    /** The kv_commit graph's session, only where the caches live in device buffers (in CPU memory the engine copies). */
    readonly kvCommit: InferenceSession | null,
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
    const count = graphs.heads.size + (setup.deviceResident ? 3 : 2);
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
      setup.deviceResident ? await create('kv commit', graphs.kvCommit, onDevice(['key', 'value'], setup.graphOptions?.kvCommit)) : null,
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
    await Promise.all([this.encoder.release(), this.step.release(), this.kvCommit?.release(), ...[...this.headSessions.values()].map((s) => s.release())]);
  }
}
