import { VeriSpecError } from './errors.js';
import type { PackageFile } from './manifest.js';

/** Where a package's files come from: a base URL (the page, the CLI) or a folder (Node). */
export interface FileSource {
  /** Human-readable location, for messages. */
  readonly location: string;
  read(path: string, onProgress?: (loaded: number) => void): Promise<Uint8Array>;
}

/** Files under a URL, with fetch (browser and Node). */
export function urlSource(baseUrl: string, fetchImpl: typeof fetch = fetch): FileSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    location: base,
    async read(path, onProgress) {
      const url = new URL(path, base).toString();
      let response: Response;
      try {
        response = await fetchImpl(url);
      } catch (error) {
        throw new VeriSpecError('fetch-failed', `cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!response.ok) throw new VeriSpecError('fetch-failed', `${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
      return readBody(response.body, onProgress);
    },
  };
}

/** A response body read to its end, reporting the bytes read so far after each chunk. */
export async function readBody(body: ReadableStream<Uint8Array>, onProgress: (loaded: number) => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    loaded += r.value.byteLength;
    onProgress(loaded);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads one listed file and checks its size and sha256 against model.json. */
export async function readVerified(source: FileSource, file: PackageFile, onProgress?: (loaded: number) => void): Promise<Uint8Array> {
  const bytes = await source.read(file.path, onProgress);
  if (bytes.byteLength !== file.bytes) {
    throw new VeriSpecError('file-mismatch', `${source.location}${file.path}: ${bytes.byteLength} bytes, model.json says ${file.bytes} (truncated or replaced)`);
  }
  const hash = await sha256Hex(bytes);
  if (hash !== file.sha256) throw new VeriSpecError('file-mismatch', `${source.location}${file.path}: sha256 ${hash.slice(0, 12)}..., model.json says ${file.sha256.slice(0, 12)}...`);
  return bytes;
}
