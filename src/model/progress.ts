/** Where a load is: one bar over all its downloads, then onnxruntime compiling, then (the page only) a warm-up race. */
export interface LoadProgress {
  /**
   * `download`: `loaded` of `total` bytes, over every file the load reads
   * (cached ones count when they are read); `compiling`: onnxruntime
   * creating the sessions (`file` the graph at hand, `sessions` how many
   * are done); `warm-up`: the page's first, untimed race.
   */
  phase: 'download' | 'compiling' | 'warm-up';
  file: string;
  loaded: number;
  total: number;
  sessions?: { done: number; count: number };
}

type Listener = ((event: LoadProgress) => void) | undefined;

/**
 * One progress bar over several files read one after another: each file's
 * bytes count once, a file never adds more than its size (a body served
 * compressed reports more than its Content-Length), and one of unknown size
 * (0) adds nothing, so `loaded` only grows and never passes `total`.
 */
export class DownloadProgress {
  private done = 0;
  private last = 0;

  constructor(readonly total: number, private readonly onProgress: Listener) {}

  /** A reporter for the next file, of `bytes` (0: unknown): call it with the bytes read of this file so far. */
  file(name: string, bytes: number): (loaded: number) => void {
    const start = this.done;
    this.done += bytes;
    return (loaded) => this.report(name, start + Math.max(0, Math.min(loaded, bytes)));
  }

  /** The phase after the downloads: `total` is then all the bytes read (or found in the cache). */
  compiling(file: string, sessions?: { done: number; count: number }): void {
    this.onProgress?.({ phase: 'compiling', file, loaded: this.total, total: this.total, ...(sessions ? { sessions } : {}) });
  }

  private report(file: string, loaded: number): void {
    this.last = Math.min(this.total, Math.max(this.last, loaded));
    this.onProgress?.({ phase: 'download', file, loaded: this.last, total: this.total });
  }
}

const order = { download: 0, compiling: 1, 'warm-up': 2 } as const;

/**
 * A listener that only moves forward across the loads of one request (a
 * WebGPU attempt, then the WASM one): the phase never goes back, and the
 * downloaded fraction never shrinks. A retry reads its files from the cache
 * while the bar stays at "compiling".
 */
export function forwardOnly(onProgress: Listener): Listener {
  if (!onProgress) return undefined;
  let phase = 0;
  let fraction = 0;
  return (event) => {
    if (order[event.phase] < phase) return;
    phase = order[event.phase];
    if (event.phase !== 'download' || event.total <= 0) return onProgress(event);
    fraction = Math.max(fraction, Math.min(1, event.loaded / event.total));
    onProgress({ ...event, loaded: Math.min(event.total, Math.max(event.loaded, Math.ceil(fraction * event.total))) });
  };
}
