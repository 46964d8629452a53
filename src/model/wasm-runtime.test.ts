import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileCache } from './package.js';
import { runtimeKey, wasmRuntimeDownload, type OrtWasmEnv } from './wasm-runtime.js';

const URL_ = 'https://example.test/assets/ort-wasm-simd-threaded.jsep-MDYUKy93.wasm';

function memoryCache(): FileCache & { keys: string[] } {
  const store = new Map<string, Uint8Array>();
  return {
    keys: [] as string[],
    async get(key) { return store.get(key); },
    async put(key, bytes) { this.keys.push(key); store.set(key, bytes); },
  };
}

const freshOrt = (): OrtWasmEnv => ({ env: { wasm: {} } });

afterEach(() => vi.unstubAllGlobals());

describe('wasmRuntimeDownload', () => {
  it('keys the runtime by its content-hashed file name', () => {
    expect(runtimeKey(URL_)).toBe('runtime/ort-wasm-simd-threaded.jsep-MDYUKy93.wasm');
    expect(runtimeKey('/assets/a-1.wasm')).toBe('runtime/a-1.wasm');
  });

  it('downloads once, keeps the bytes, and a later load (offline) reads them from the cache', async () => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    const fetchMock = vi.fn(async () => new Response(bytes, { headers: { 'content-length': String(bytes.byteLength) } }));
    vi.stubGlobal('fetch', fetchMock);
    const cache = memoryCache();
    const first = freshOrt();
    const download = await wasmRuntimeDownload(first, URL_, cache)!.open();
    await download.read(() => undefined);
    expect(Array.from(first.env.wasm.wasmBinary as Uint8Array)).toEqual(Array.from(bytes));
    expect(cache.keys).toEqual([runtimeKey(URL_)]);

    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const second = freshOrt();
    const progress: number[] = [];
    const again = await wasmRuntimeDownload(second, URL_, cache)!.open();
    expect(again.bytes).toBe(bytes.byteLength);
    await again.read((n) => progress.push(n));
    expect(Array.from(second.env.wasm.wasmBinary as Uint8Array)).toEqual(Array.from(bytes));
    expect(progress).toEqual([bytes.byteLength]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('offline with nothing kept, says the runtime could not be downloaded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(wasmRuntimeDownload(freshOrt(), URL_, memoryCache())!.open()).rejects.toThrow(/runtime could not be downloaded/);
  });
});
