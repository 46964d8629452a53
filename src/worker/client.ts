import type { DecodeResult, StepEvent } from '../engine/decode.js';
import type { LaneSpec, RaceSettings } from '../engine/race.js';
import type { SpecReading } from '../engine/spec-names.js';
import type { BackendPreference } from '../model/backend.js';
import type { ModelErrorCode } from '../model/errors.js';
import type { LoadProgress } from '../model/package.js';
import type { CostResult, FinalResponse, ModelInfo, ModelSource, SegmentResult, WorkerRequest, WorkerResponse } from './protocol.js';

/** An error the worker reported, with the engine's code when it has one. */
export class WorkerRequestError extends Error {
  constructor(name: string, message: string, readonly code?: ModelErrorCode) {
    super(message);
    this.name = name;
  }
}

type Pending = {
  resolve: (r: FinalResponse) => void;
  reject: (e: Error) => void;
  onProgress?: (r: WorkerResponse) => void;
  worker: Worker;
};

/** A race in flight: its id (for `cancel`) and its end. */
export interface RaceHandle {
  id: number;
  done: Promise<DecodeResult[]>;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The page's handle on the worker: requests become promises, progress becomes callbacks.
 * Every model after the first loads in a fresh worker, which replaces the current one only once
 * the model has loaded (a bad URL loses nothing): onnxruntime-web's WebGPU backend computed other
 * tokens for a model loaded after another in the same instance (measured in Node on Dawn, docs/
 * benchmarking.md), and a WASM heap never shrinks.
 */
export class WorkerClient {
  private worker: Worker;
  /** Whether `worker` has been asked to load: a failed load may leave it broken (onnxruntime aborted), so the next load spawns afresh. */
  private tried = false;
  /** Fresh workers still loading, which `terminate` must stop too. */
  private readonly loading = new Set<Worker>();
  private terminated = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'verispec' });
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const p = this.pending.get(message.id);
      if (!p) return;
      if (message.type === 'progress' || message.type === 'step') {
        p.onProgress?.(message);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'error') p.reject(new WorkerRequestError(message.error.name, message.error.message, message.error.code));
      else p.resolve(message);
    });
    worker.addEventListener('error', (event) => this.rejectPending(worker, new Error(`worker failed: ${event.message || 'could not start'}`)));
    return worker;
  }

  private rejectPending(worker: Worker, error: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }

  async segment(code: string): Promise<SegmentResult> {
    const response = await this.request({ type: 'segment', code }).done;
    if (response.type !== 'segment') throw new Error(`unexpected worker response ${response.type}`);
    return response.result;
  }

  /** Loads a model package from a URL or a picked folder (replacing the current one only if this one loads). */
  async load(source: ModelSource, backend: BackendPreference, onProgress?: (progress: LoadProgress) => void, quantization?: string): Promise<ModelInfo> {
    if (this.terminated) throw new WorkerRequestError('VeriSpecError', 'the page closed its worker', 'cancelled');
    const target = this.tried ? this.spawn() : this.worker;
    if (target === this.worker) this.tried = true;
    else this.loading.add(target);
    try {
      const response = await this.request({ type: 'load', source, backend, quantization }, (m) => {
        if (m.type !== 'progress') return;
        const { id: _id, type: _type, ...progress } = m;
        onProgress?.(progress);
      }, target).done;
      if (response.type !== 'loaded') throw new Error(`unexpected worker response ${response.type}`);
      if (this.terminated) throw new WorkerRequestError('VeriSpecError', 'the page closed its worker', 'cancelled');
      if (target !== this.worker) {
        const previous = this.worker;
        this.worker = target;
        this.rejectPending(previous, new WorkerRequestError('VeriSpecError', 'another model was loaded', 'cancelled'));
        previous.terminate();
      }
      return response.info;
    } catch (error) {
      if (target !== this.worker) target.terminate();
      throw error;
    } finally {
      this.loading.delete(target);
    }
  }

  /** The spec's length in the loaded model's tokens, the most the encoder reads, and what names from the spec read in it. */
  async countTokens(spec: string): Promise<{ count: number; limit: number; reading: SpecReading }> {
    const response = await this.request({ type: 'count-tokens', spec }).done;
    if (response.type !== 'tokens') throw new Error(`unexpected worker response ${response.type}`);
    return { count: response.count, limit: response.limit, reading: response.reading };
  }

  /** Times the loaded model on this device (engine/cost.ts): seconds for a small model, minutes for a large one. */
  async measureCost(): Promise<CostResult> {
    const response = await this.request({ type: 'measure-cost' }).done;
    if (response.type !== 'cost') throw new Error(`unexpected worker response ${response.type}`);
    return response.result;
  }

  /** Starts a race; `onStep` sees every lane's steps as they happen. */
  race(spec: string, lanes: LaneSpec[], settings: Omit<RaceSettings, 'signal'>, onStep: (lane: number, event: StepEvent) => void): RaceHandle {
    const { id, done } = this.request({ type: 'race', spec, lanes, settings }, (m) => {
      if (m.type === 'step') onStep(m.lane, m.event);
    });
    return {
      id,
      done: done.then((r) => {
        if (r.type !== 'race-done') throw new Error(`unexpected worker response ${r.type}`);
        return r.results;
      }),
    };
  }

  /** Stops a race at its next step; its `done` then rejects with code `cancelled`. */
  async cancel(raceId: number): Promise<void> {
    await this.request({ type: 'cancel', target: raceId }).done;
  }

  /** Stops every worker, a fresh one still loading included; whatever is pending rejects as cancelled. */
  terminate(): void {
    this.terminated = true;
    for (const worker of [this.worker, ...this.loading]) {
      worker.terminate();
      this.rejectPending(worker, new WorkerRequestError('VeriSpecError', 'the page closed its worker', 'cancelled'));
    }
    this.loading.clear();
  }

  private request(message: Request, onProgress?: (r: WorkerResponse) => void, worker = this.worker): { id: number; done: Promise<FinalResponse> } {
    const id = this.nextId++;
    const done = new Promise<FinalResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress, worker });
      worker.postMessage({ ...message, id } as WorkerRequest);
    });
    return { id, done };
  }
}
