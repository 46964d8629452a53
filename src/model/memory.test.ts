import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { FileSource } from './files.js';
import { parseManifest, quantizationGraphs, type ModelManifest } from './manifest.js';
import { browserMemoryLimit, checkMemory, estimateLoad, isOutOfMemory, memoryShortfall, WASM_MEMORY_LIMIT } from './memory.js';
import { loadModel } from './package.js';
import { ModelSessions, type OrtModule } from './session.js';

const MIB = 2 ** 20;
const SHIPPED = parseManifest(JSON.parse(readFileSync(new URL('../../public/models/verispec-small/model.json', import.meta.url), 'utf8')));

/** A package shaped like CodeT5p-220m with 10 MEDUSA heads: sizes only (MiB per graph). */
function largePackage(sizes: Record<string, Record<string, number>>): ModelManifest {
  const files = [{ path: 'tokenizer.json', bytes: 2 * MIB, sha256: '0'.repeat(64) }, { path: 'kv_commit.onnx', bytes: 623, sha256: '0'.repeat(64) }];
  const quantizations: ModelManifest['quantizations'] = {};
  for (const [q, graphs] of Object.entries(sizes)) {
    for (const [name, mib] of Object.entries(graphs)) files.push({ path: `${name}.${q}.onnx`, bytes: Math.round(mib * MIB), sha256: '0'.repeat(64) });
    quantizations[q] = { encoder: `encoder.${q}.onnx`, decoder_step: `decoder_step.${q}.onnx`, heads: { vanilla: `heads-vanilla.${q}.onnx`, syntax: `heads-syntax.${q}.onnx` } };
  }
  return { ...SHIPPED, id: 'codet5p-220m-medusa', files, quantizations, default_quantization: Object.keys(sizes)[0]! };
}

const CODET5P = largePackage({
  // The sizes `verispec_train.scale --shape codet5p-220m` exports (MiB).
  int8: { encoder: 153.6, decoder_step: 180, 'heads-vanilla': 29.6, 'heads-syntax': 29.6 },
  q4: { encoder: 106.3, decoder_step: 121, 'heads-vanilla': 16.5, 'heads-syntax': 16.5 },
});
const CODET5P_770M = largePackage({
  int8: { encoder: 390, decoder_step: 470, 'heads-vanilla': 60, 'heads-syntax': 60 },
  q4: { encoder: 220, decoder_step: 270, 'heads-vanilla': 32, 'heads-syntax': 32 },
});
const estimate = (m: ModelManifest, q: string) => estimateLoad(m, q, quantizationGraphs(m, q));

describe('what loading a package needs', () => {
  test('the shipped package: its graph bytes, and about what onnxruntime-web measured (120 MiB int8, 33 MiB q4)', () => {
    const int8 = estimate(SHIPPED, 'int8');
    // The graphs the int8 quantization loads: encoder, decoder step, both heads, kv_commit.
    const files = new Map(SHIPPED.files.map((f) => [f.path, f.bytes]));
    const graphs = ['encoder.int8.onnx', 'decoder_step.int8.onnx', 'heads-vanilla.int8.onnx', 'heads-syntax.int8.onnx', 'kv_commit.onnx'];
    expect(int8.graphBytes).toBe(graphs.reduce((sum, g) => sum + files.get(g)!, 0));
    expect(int8.wasmBytes / MIB).toBeGreaterThan(110);
    expect(int8.wasmBytes / MIB).toBeLessThan(160);
    const q4 = estimate(SHIPPED, 'q4');
    expect(q4.wasmBytes / MIB).toBeGreaterThan(25);
    expect(q4.wasmBytes / MIB).toBeLessThan(45);
    expect(int8.totalBytes).toBe(int8.wasmBytes + int8.graphBytes);
    expect(memoryShortfall(int8, browserMemoryLimit({ deviceMemory: 0.5 }))).toBeNull();
  });

  test('a 220M package: int8 fits the 4 GiB WebAssembly memory, but not a 4 GB device; q4 fits there', () => {
    const int8 = estimate(CODET5P, 'int8');
    expect(int8.graphBytes / MIB).toBeCloseTo(392.8, 0);
    expect(int8.wasmBytes).toBeLessThan(WASM_MEMORY_LIMIT);
    expect(() => checkMemory(CODET5P, int8, browserMemoryLimit({}))).not.toThrow();
    // Chrome says 8 for any machine with 8 GB or more: no limit beyond WebAssembly's.
    expect(() => checkMemory(CODET5P, int8, browserMemoryLimit({ deviceMemory: 8 }))).not.toThrow();
    let error: unknown;
    try {
      checkMemory(CODET5P, int8, browserMemoryLimit({ deviceMemory: 4 }));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'out-of-memory' });
    const message = (error as Error).message;
    expect(message).toMatch(/^too large for this device: this package's int8 graphs are 393 MiB; loading them needs about [\d,]+ MiB of memory, and this device reports 4 GiB \(navigator.deviceMemory\), of which a page can count on about 2,048 MiB/);
    expect(message).toMatch(/its q4 graphs \(about [\d,]+ MiB\) would fit: choose that quantization/);
  });

  test('a 770M package: its int8 graphs cannot fit WebAssembly memory on any machine', () => {
    const int8 = estimate(CODET5P_770M, 'int8');
    expect(int8.wasmBytes).toBeGreaterThan(WASM_MEMORY_LIMIT);
    expect(() => checkMemory(CODET5P_770M, int8, browserMemoryLimit({}))).toThrow(
      /this package's int8 graphs are 980 MiB; creating their sessions needs about [\d,]+ MiB of WebAssembly memory, and the WASM backend can hold about 4,096 MiB .*its q4 graphs/);
  });

  test('navigator.deviceMemory is used only when the browser gives a number', () => {
    expect(browserMemoryLimit(undefined)).toEqual({ wasmBytes: WASM_MEMORY_LIMIT });
    expect(browserMemoryLimit({})).toEqual({ wasmBytes: WASM_MEMORY_LIMIT });
    expect(browserMemoryLimit({ deviceMemory: 2 })).toEqual({ wasmBytes: WASM_MEMORY_LIMIT, deviceMemoryGiB: 2 });
  });
});

describe("onnxruntime's out-of-memory failures", () => {
  test('are recognised in their many wordings, and other errors are not', () => {
    for (const message of ['Aborted(OOM)', "Can't create a session. ERROR_CODE: 6, ERROR_MESSAGE: std::bad_alloc", 'Out of memory', 'failed to allocate a buffer of size 268435456']) {
      expect(isOutOfMemory(new Error(message)), message).toBe(true);
    }
    expect(isOutOfMemory(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory('RangeError: WebAssembly.Memory(): could not allocate memory')).toBe(true);
    expect(isOutOfMemory(new Error('Load model from buffer failed: Protobuf parsing failed.'))).toBe(false);
    expect(isOutOfMemory(new Error('Only 2b and 4b quantization is supported'))).toBe(false);
  });

  /** An onnxruntime whose session creation fails with `message` from the `failAt`-th session on. */
  function failingOrt(message: string, failAt = 0): OrtModule {
    let n = 0;
    return {
      InferenceSession: { create: async () => {
        if (n++ >= failAt) throw new Error(message);
        return { release: async () => undefined } as never;
      } },
      Tensor: class {} as never,
    };
  }
  const graphs = { encoder: new Uint8Array(1), step: new Uint8Array(1), kvCommit: new Uint8Array(1), heads: new Map([['vanilla', new Uint8Array(1)]]) };

  test('during session creation become code out-of-memory, anything else stays bad-graph', async () => {
    await expect(ModelSessions.create(failingOrt('Aborted(OOM)', 1), SHIPPED, graphs)).rejects.toMatchObject({
      code: 'out-of-memory', message: expect.stringMatching(/ran out of memory creating the encoder session \(Aborted\(OOM\)\); onnxruntime stopped, so reload the page/),
    });
    await expect(ModelSessions.create(failingOrt('std::bad_alloc'), SHIPPED, graphs)).rejects.toMatchObject({ code: 'out-of-memory' });
    await expect(ModelSessions.create(failingOrt('Protobuf parsing failed'), SHIPPED, graphs)).rejects.toMatchObject({ code: 'bad-graph' });
  });

  /** The shipped package's files, from disk, counting which were read. */
  function shippedSource(reads: string[]): FileSource {
    const dir = new URL('../../public/models/verispec-small/', import.meta.url).pathname;
    return { location: dir, async read(path) {
      reads.push(path);
      return new Uint8Array(readFileSync(dir + path));
    } };
  }

  test('loading explains an out-of-memory failure with the estimate; a load that cannot fit downloads nothing', async () => {
    const reads: string[] = [];
    await expect(loadModel(shippedSource(reads), failingOrt('RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded', 3), { memory: { wasmBytes: WASM_MEMORY_LIMIT } })).rejects.toMatchObject({
      code: 'out-of-memory',
      message: expect.stringMatching(/creating the decoder step session .*: this package's int8 graphs are 12 MiB and creating their sessions needs about \d+ MiB of memory; the WASM backend can hold about 4,096 MiB/),
    });
    reads.length = 0;
    await expect(loadModel(shippedSource(reads), failingOrt('unreachable'), { memory: { wasmBytes: 64 * MIB } })).rejects.toMatchObject({ code: 'out-of-memory', message: expect.stringMatching(/^too large for this device: .*its q4 graphs/) });
    expect(reads).toEqual(['model.json']);
  });
});
