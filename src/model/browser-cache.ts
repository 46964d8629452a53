import type { FileCache } from './package.js';

const CACHE_NAME = 'verispec-model-files-v1';
/** Cache Storage keys are requests: a reserved host that is never fetched. */
const keyOf = (key: string) => `https://files.verispec.invalid/${/^[0-9a-f]{64}$/.test(key) ? `sha256/${key}` : key}`;

/**
 * Package files in the browser's Cache Storage, keyed by sha256: a second
 * visit reads them without downloading, and a package that changes a file
 * changes its hash, so nothing stale is ever used. Null where the browser
 * offers no Cache Storage (it is only there in secure contexts).
 */
export function browserFileCache(): FileCache | null {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return null;
  const open = () => storage.open(CACHE_NAME);
  return {
    async get(key) {
      const response = await (await open()).match(keyOf(key));
      return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
    },
    async put(key, bytes) {
      await (await open()).put(keyOf(key), new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } }));
    },
  };
}
