import type { LoadProgress } from '../model/progress.js';

const MIB = 2 ** 20;

/**
 * A size in the unit and precision its scale needs: "0.9 MiB", "12.4 MiB",
 * "250 MiB", "1.25 GiB". `scale` (the total, for a pair) sets the
 * precision, so both numbers of "123 of 250 MiB" read alike.
 */
export function formatSize(bytes: number, scale = bytes): string {
  if (scale >= 1024 * MIB) return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
  return `${(bytes / MIB).toFixed(scale >= 100 * MIB ? 0 : 1)} MiB`;
}

/** "123 of 250 MiB (49%)": the unit once, a percentage that reaches 100 only when all is there. */
export function formatProgress(loaded: number, total: number): string {
  if (total <= 0) return `${formatSize(loaded)} of …`;
  const pair = formatSize(total).split(' ');
  const unit = pair[1]!;
  const part = formatSize(loaded, total).split(' ')[0]!;
  const percent = Math.min(100, Math.floor((loaded / total) * 100));
  return `${part} of ${pair[0]} ${unit} (${percent}%)`;
}

/** The model bar's line for a load in progress. */
export function loadingLabel(progress: LoadProgress): string {
  switch (progress.phase) {
    case 'download':
      return `downloading ${progress.file}: ${formatProgress(progress.loaded, progress.total)}`;
    case 'compiling': {
      const step = progress.sessions ? `: ${progress.file} (${progress.sessions.done + 1} of ${progress.sessions.count})` : '';
      return `compiling the model for this device${step}, ${formatSize(progress.total)} downloaded or cached…`;
    }
    case 'warm-up':
      return 'warming up: a short untimed race, so the first one you run is timed fairly…';
  }
}
