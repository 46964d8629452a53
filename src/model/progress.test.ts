import { describe, expect, test } from 'vitest';
import { DownloadProgress, forwardOnly, type LoadProgress } from './progress.js';

const MIB = 2 ** 20;
const CHUNK = 64 * 1024;

/** Reads `bytes` in 64 KiB chunks through `report`, as a response body or a File stream does. */
function stream(report: (loaded: number) => void, bytes: number, reported = bytes): void {
  for (let loaded = CHUNK; loaded < reported; loaded += CHUNK) report(loaded);
  report(reported);
  report(bytes);
}

/** Every event is a download that only grows and stays within its total, then compiling; no more. */
function expectForward(events: LoadProgress[]): void {
  let last = 0;
  let compiling = false;
  for (const e of events) {
    if (e.phase === 'download') {
      expect(compiling, 'a download after compiling').toBe(false);
      expect(e.loaded).toBeGreaterThanOrEqual(last);
      expect(e.loaded).toBeLessThanOrEqual(e.total);
      last = e.loaded;
    } else compiling = true;
  }
}

describe('one progress bar over a large package', () => {
  // A 220M package: the runtime (served compressed: 5 MiB on the wire, 28 MiB read), tokenizer, heads, encoder, step.
  const runtime = { name: 'onnxruntime-web (WebAssembly)', bytes: 5 * MIB, read: 28 * MIB };
  const files = [['tokenizer.json', 2 * MIB], ['heads-vanilla.int8.onnx', 31 * MIB], ['heads-syntax.int8.onnx', 31 * MIB], ['encoder.int8.onnx', 134 * MIB], ['decoder_step.int8.onnx', 165 * MIB], ['kv_commit.onnx', 623]] as const;
  const total = runtime.bytes + files.reduce((n, [, b]) => n + b, 0);

  test('bytes only grow, never pass the total, reach it, and then the sessions compile one by one', () => {
    const events: LoadProgress[] = [];
    const progress = new DownloadProgress(total, (e) => events.push(e));
    stream(progress.file(runtime.name, runtime.bytes), runtime.bytes, runtime.read);
    for (const [name, bytes] of files) stream(progress.file(name, bytes), bytes);
    for (const [i, name] of ['heads (vanilla)', 'heads (syntax)', 'encoder', 'decoder step', 'kv commit'].entries()) progress.compiling(name, { done: i, count: 5 });
    expectForward(events);
    const downloads = events.filter((e) => e.phase === 'download');
    expect(downloads.at(-1)).toEqual({ phase: 'download', file: 'kv_commit.onnx', loaded: total, total });
    // The runtime's bar stops at its transfer size however much more it decompresses to.
    expect(Math.max(...downloads.filter((e) => e.file === runtime.name).map((e) => e.loaded))).toBe(runtime.bytes);
    expect(downloads.find((e) => e.file === 'encoder.int8.onnx')!.loaded).toBeGreaterThan(runtime.bytes + 64 * MIB);
    expect(events.filter((e) => e.phase === 'compiling').map((e) => e.sessions!.done)).toEqual([0, 1, 2, 3, 4]);
    expect(events.at(-1)).toMatchObject({ phase: 'compiling', file: 'kv commit', loaded: total, total });
  });

  test('a runtime of unknown size (no Content-Length) adds nothing instead of overshooting', () => {
    const events: LoadProgress[] = [];
    const progress = new DownloadProgress(files.reduce((n, [, b]) => n + b, 0), (e) => events.push(e));
    stream(progress.file(runtime.name, 0), 0, runtime.read);
    for (const [name, bytes] of files) stream(progress.file(name, bytes), bytes);
    expectForward(events);
    expect(events.filter((e) => e.file === runtime.name).every((e) => e.loaded === 0)).toBe(true);
  });

  test('a WebGPU attempt and then a WASM one (a second load from the cache) read as one bar that never goes back', () => {
    const events: LoadProgress[] = [];
    const listener = forwardOnly((e) => events.push(e))!;
    const first = new DownloadProgress(total, listener);
    for (const [name, bytes] of files) stream(first.file(name, bytes), bytes);
    first.compiling('encoder', { done: 2, count: 5 });
    // The WASM attempt: the other quantization's files (a different total), from the cache.
    const second = new DownloadProgress(200 * MIB, listener);
    stream(second.file('encoder.q4.onnx', 200 * MIB), 200 * MIB);
    second.compiling('decoder step', { done: 3, count: 5 });
    expectForward(events);
    expect(events.filter((e) => e.phase === 'download').every((e) => e.total === total)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'compiling', file: 'decoder step' });
    // Across two totals, the fraction shown never shrinks.
    const shrinking = forwardOnly((e) => events.push(e))!;
    events.length = 0;
    shrinking({ phase: 'download', file: 'a', loaded: 90 * MIB, total: 100 * MIB });
    shrinking({ phase: 'download', file: 'b', loaded: 10 * MIB, total: 200 * MIB });
    expect(events[1]!.loaded / events[1]!.total).toBeCloseTo(0.9);
    expect(forwardOnly(undefined)).toBeUndefined();
  });
});
