import type { SegmentResult, WorkerRequest, WorkerResponse } from './protocol.js';

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };

/** The page's handle on the worker: requests become promises. */
export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'verispec' });
    this.worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(event.data.id);
      if (!p) return;
      this.pending.delete(event.data.id);
      if (event.data.type === 'error') p.reject(Object.assign(new Error(event.data.error.message), { name: event.data.error.name }));
      else p.resolve(event.data);
    });
    this.worker.addEventListener('error', (event) => {
      const error = new Error(`worker failed: ${event.message || 'could not start'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  async segment(code: string): Promise<SegmentResult> {
    const response = await this.request({ id: this.nextId++, type: 'segment', code });
    if (response.type !== 'segment') throw new Error(`unexpected worker response ${response.type}`);
    return response.result;
  }

  terminate(): void {
    this.worker.terminate();
  }

  private request(message: WorkerRequest): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }
}
