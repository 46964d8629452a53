import { VeriSpecError } from './errors.js';
import type { PackageFile } from './manifest.js';
import { isOutOfMemory } from './memory.js';

/** Where a package's files come from: a base URL (the page, the CLI), a folder (Node), or a folder the person picked (the page). */
export interface FileSource {
  /** Human-readable location, for messages. */
  readonly location: string;
  read(path: string, onProgress?: (loaded: number) => void): Promise<Uint8Array>;
  /** Whether the source holds `path`, where it can tell without reading (a picked folder). */
  has?(path: string): boolean;
}

/** One file of a folder the person picked: its path inside the package folder, and its contents. */
export interface LocalFile {
  path: string;
  file: Blob;
}

/** A folder picked with `<input type="file" webkitdirectory>`: its name, and its files by path inside it. */
export interface LocalFolder {
  name: string;
  files: LocalFile[];
}

/**
 * The files of a picked folder by their path inside it: `webkitRelativePath`
 * less the top folder's name ("verispec-small/model.json" is "model.json"),
 * so the folder may have any name.
 */
export function pickedFolder(files: Iterable<File>): LocalFolder {
  let name = '';
  const out: LocalFile[] = [];
  for (const file of files) {
    const parts = (file.webkitRelativePath || file.name).split('/');
    if (parts.length > 1) name ||= parts[0]!;
    out.push({ path: parts.length > 1 ? parts.slice(1).join('/') : parts[0]!, file });
  }
  return { name: name || 'the chosen folder', files: out };
}

/** A folder the person picked, read in the page (or its worker: a File crosses postMessage). */
export function localFolderSource(folder: LocalFolder): FileSource {
  const byPath = new Map(folder.files.map((f) => [f.path, f.file]));
  const location = `${folder.name}/`;
  return {
    location,
    has: (path) => byPath.has(path),
    async read(path, onProgress) {
      const file = byPath.get(path);
      if (!file && path === 'model.json') {
        const nested = [...byPath.keys()].filter((p) => p.endsWith('/model.json')).map((p) => `${folder.name}/${p.slice(0, -'model.json'.length)}`);
        const hint = nested.length ? ` (there is one in ${nested.slice(0, 3).join(', ')}: open that folder)` : ': open the folder that holds the package\'s model.json';
        throw new VeriSpecError('bad-manifest', `the folder ${folder.name} has no model.json${hint}`);
      }
      if (!file) throw new VeriSpecError('missing-file', `the folder ${folder.name} has no ${path}, which its model.json lists: copy the whole package folder`);
      try {
        if (!onProgress) return new Uint8Array(await file.arrayBuffer());
        return await readBody(file.stream() as ReadableStream<Uint8Array>, onProgress);
      } catch (error) {
        if (isOutOfMemory(error)) throw error;
        throw new VeriSpecError('fetch-failed', `cannot read ${location}${path} (${error instanceof Error ? error.message : String(error)}): was it moved or changed after the folder was chosen?`);
      }
    },
  };
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
