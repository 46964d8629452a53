import { describe, expect, test } from 'vitest';
import { formatProgress, formatSize, loadingLabel } from './loading.js';

const MIB = 2 ** 20;

describe("the model bar's words for it", () => {
  test('sizes in the precision their scale needs', () => {
    expect(formatSize(954198)).toBe('0.9 MiB');
    expect(formatSize(12.44 * MIB)).toBe('12.4 MiB');
    expect(formatSize(250 * MIB)).toBe('250 MiB');
    expect(formatSize(1.25 * 1024 * MIB)).toBe('1.25 GiB');
    expect(formatProgress(123.4 * MIB, 250 * MIB)).toBe('123 of 250 MiB (49%)');
    expect(formatProgress(5.55 * MIB, 12.4 * MIB)).toBe('5.5 of 12.4 MiB (44%)');
    expect(formatProgress(0.6 * 1024 * MIB, 1.5 * 1024 * MIB)).toBe('0.60 of 1.50 GiB (40%)');
    // 100% only when every byte is there.
    expect(formatProgress(250 * MIB - 1, 250 * MIB)).toBe('250 of 250 MiB (99%)');
    expect(formatProgress(3 * MIB, 0)).toBe('3.0 MiB of …');
  });

  test('a line for each phase: the download, each session compiling, the warm-up', () => {
    expect(loadingLabel({ phase: 'download', file: 'encoder.int8.onnx', loaded: 100 * MIB, total: 368 * MIB })).toBe('downloading encoder.int8.onnx: 100 of 368 MiB (27%)');
    expect(loadingLabel({ phase: 'compiling', file: 'decoder step', loaded: 368 * MIB, total: 368 * MIB, sessions: { done: 3, count: 5 } }))
      .toBe('compiling the model for this device: decoder step (4 of 5), 368 MiB downloaded or cached…');
    expect(loadingLabel({ phase: 'compiling', file: '', loaded: 0, total: 12 * MIB })).toBe('compiling the model for this device, 12.0 MiB downloaded or cached…');
    expect(loadingLabel({ phase: 'warm-up', file: '', loaded: 0, total: 0 })).toMatch(/^warming up/);
  });
});
