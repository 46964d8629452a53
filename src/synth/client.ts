import type { SynthMessage, SynthProgress, SynthVerdict } from './protocol.js';

export type { SynthVerdict } from './protocol.js';
export type YosysDownload = SynthProgress['progress'];

const TIMEOUT_MS = 90_000;

/**
 * The page's handle on the synthesis worker: created on the first request
 * (so yosys is downloaded only when a lane finishes), one design at a time.
 * A request that runs past the time limit ends the worker (generated code
 * can hang a synthesizer too) and says so; the next request starts afresh.
 */
export class SynthClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** Recent verdicts by code: greedy lanes write the same code, and yosys need not run thrice. */
  private readonly recent = new Map<string, Promise<SynthVerdict>>();
  private readonly listeners = new Set<(download: YosysDownload) => void>();

  /** Follows yosys's first download (bytes so far); returns the unsubscribe. */
  onDownload(listener: (download: YosysDownload) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  synthesize(code: string): Promise<SynthVerdict> {
    const known = this.recent.get(code);
    if (known) return known;
    const run = this.queue.then(() => this.run(code));
    this.queue = run.catch(() => undefined);
    this.recent.set(code, run);
    if (this.recent.size > 16) this.recent.delete(this.recent.keys().next().value!);
    return run;
  }

  private run(code: string): Promise<SynthVerdict> {
    this.worker ??= new Worker(new URL('./yosys.worker.ts', import.meta.url), { type: 'module', name: 'verispec-yosys' });
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (verdict: SynthVerdict) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        resolve(verdict);
      };
      const onMessage = (event: MessageEvent<SynthMessage>) => {
        if ('progress' in event.data) {
          for (const listener of this.listeners) listener(event.data.progress);
          return;
        }
        if (event.data.id === id) {
          const { id: _, ...verdict } = event.data;
          // No verdict (yosys missing) is not remembered: the next request tries again.
          if (verdict.ok === null) this.recent.delete(code);
          done(verdict);
        }
      };
      const onError = (event: ErrorEvent) => {
        this.reset();
        this.recent.delete(code);
        done({ ok: null, message: `the synthesis worker could not start${navigator.onLine ? '' : ' (offline)'}: ${event.message || 'no message'}` });
      };
      const timer = setTimeout(() => {
        this.reset();
        done({ ok: false, message: `yosys did not finish within ${TIMEOUT_MS / 1000} s` });
      }, TIMEOUT_MS);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ id, code });
    });
  }

  private reset(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  terminate(): void {
    this.reset();
  }
}
