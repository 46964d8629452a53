import { VeriSpecError } from './errors.js';
import { readBody } from './files.js';
import type { FileCache, RuntimeDownload } from './package.js';

/** The part of onnxruntime-web's settings this touches: the WebAssembly binary it compiles. */
export interface OrtWasmEnv {
  env: { wasm: { wasmBinary?: ArrayBufferLike | Uint8Array } };
}

/**
 * onnxruntime-web's .wasm (about 27 MiB), fetched by the loader instead of by
 * onnxruntime itself, so the page's one progress bar counts it with the model's
 * files; onnxruntime then compiles these bytes (`env.wasm.wasmBinary`) and
 * fetches nothing. Undefined once the bytes are there (a second model load).
 * The bytes are kept in `cache` under the file's content-hashed name, so a
 * page that visited once loads offline without its service worker having
 * seen this download.
 */
export function wasmRuntimeDownload(ort: OrtWasmEnv, url: string, cache?: FileCache): RuntimeDownload | undefined {
  if (ort.env.wasm.wasmBinary) return undefined;
  return {
    file: 'onnxruntime-web (WebAssembly)',
    async open() {
      // A retry on another backend within one load: the bytes are already there.
      if (ort.env.wasm.wasmBinary) return { bytes: 0, read: async () => undefined };
      const key = runtimeKey(url);
      const cached = await cache?.get(key).catch(() => undefined);
      if (cached) {
        return {
          bytes: cached.byteLength,
          async read(onProgress) {
            ort.env.wasm.wasmBinary = cached;
            onProgress(cached.byteLength);
          },
        };
      }
      const response = await fetch(url).catch((e: Error) => {
        throw new VeriSpecError('fetch-failed', `the onnxruntime-web runtime could not be downloaded (${url}): ${e.message}`);
      });
      if (!response.ok || !response.body) throw new VeriSpecError('fetch-failed', `the onnxruntime-web runtime could not be downloaded (${url}: HTTP ${response.status})`);
      // Served compressed, Content-Length counts the compressed bytes: the progress is clamped to it.
      const bytes = Number(response.headers.get('content-length')) || 0;
      return {
        bytes,
        async read(onProgress) {
          const binary = await readBody(response.body!, onProgress);
          ort.env.wasm.wasmBinary = binary;
          // A full or unavailable cache only costs the next visit a download.
          await cache?.put(key, binary).catch(() => undefined);
        },
      };
    },
  };
}

/** The cache key of a runtime file: its name, which carries the build's content hash (`ort-wasm-…-<hash>.wasm`). */
export function runtimeKey(url: string): string {
  const name = new URL(url, 'https://runtime.invalid/').pathname.split('/').pop() ?? url;
  return `runtime/${name}`;
}
