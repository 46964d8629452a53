/** Formats seconds as `1h02m`, `3m05s` or `42s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * A progress bar on stderr: tasks done of total, the pass rate so far and
 * the time left. On a terminal it redraws one line; in a log (CI) it prints
 * a line every tenth of the run.
 */
export class ProgressBar {
  private done = 0;
  private passed = 0;
  private readonly started = Date.now();
  private lastLogged = -1;

  constructor(private readonly total: number, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  tick(passed: boolean): void {
    this.done++;
    if (passed) this.passed++;
    const line = this.line();
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\u001b[K${this.done === this.total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((10 * this.done) / this.total);
    if (tenth !== this.lastLogged) {
      this.lastLogged = tenth;
      this.stream.write(`${line}\n`);
    }
  }

  line(): string {
    const width = 24;
    const filled = Math.round((width * this.done) / this.total);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done ? (elapsed / this.done) * (this.total - this.done) : 0;
    const rate = this.done ? ((100 * this.passed) / this.done).toFixed(1) : '0.0';
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} tasks, function ${rate}% so far, ${formatDuration(elapsed)} elapsed, ETA ${formatDuration(eta)}`;
  }
}
