import { VeriSpecError } from './errors.js';
import { readVerified, sha256Hex, type FileSource } from './files.js';
import { parseManifest, type ModelManifest, type PackageFile } from './manifest.js';
import { checkMemory, estimateLoad, outOfMemoryError, type MemoryLimit } from './memory.js';
import { DownloadProgress, type LoadProgress } from './progress.js';
import { ModelSessions, type OrtModule, type SessionSetup } from './session.js';
import { ModelTokenizer } from './tokenizer.js';

export interface LoadedModel {
  manifest: ModelManifest;
  quantization: string;
  tokenizer: ModelTokenizer;
  sessions: ModelSessions;
}

/** Whether an encoder input is within the model's source length (what `prompt` refuses past). */
export function fitsSource(model: LoadedModel): (input: string) => boolean {
  const limit = model.manifest.architecture.max_source_tokens;
  return (input) => model.tokenizer.encodeSpec(input).length <= limit;
}

export interface LoadOptions extends SessionSetup {
  quantization?: string;
  /** Head variants to load (default: all). */
  variants?: string[];
  /** Bytes read of all the files this load needs; then a `compiling` event as each session is created. */
  onProgress?: (event: LoadProgress) => void;
  /** Where the sessions must fit (onnxruntime-web's 32-bit WebAssembly memory, the device's): a load that cannot is refused before it downloads. */
  memory?: MemoryLimit;
  /** Files kept between visits, by sha256 (the browser's Cache Storage); checked like a download. */
  cache?: FileCache;
  /** The package's model.json, when the caller has already read it. */
  manifest?: ModelManifest;
  /** A download the sessions need first (onnxruntime-web's .wasm), counted in the same progress as the package's files. */
  runtime?: RuntimeDownload;
}

/** Bytes the inference runtime needs before it can open a session, fetched by the loader so the progress covers them. */
export interface RuntimeDownload {
  /** What the progress calls it. */
  file: string;
  /** Starts the download: its size (0 when unknown), and the reading of its body. */
  open(): Promise<{ bytes: number; read(onProgress: (loaded: number) => void): Promise<void> }>;
}

export type { LoadProgress } from './progress.js';

/**
 * A content-addressed store: package files by sha256, runtime files by their
 * content-hashed name (a file that changed is a new key, so nothing is stale).
 */
export interface FileCache {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** Reads and checks a package's model.json. */
export async function readManifest(source: FileSource): Promise<ModelManifest> {
  const raw = new TextDecoder().decode(await source.read('model.json'));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new VeriSpecError('bad-manifest', `${source.location}model.json is not JSON (is this a model package URL?)`);
  }
  return parseManifest(json);
}

/** A file from the cache when it holds a copy with the right hash, else from the source (then kept). */
async function readCached(source: FileSource, file: PackageFile, cache: FileCache | undefined, onProgress: (loaded: number) => void): Promise<Uint8Array> {
  const cached = await cache?.get(file.sha256).catch(() => undefined);
  if (cached && cached.byteLength === file.bytes && (await sha256Hex(cached)) === file.sha256) return cached;
  const bytes = await readVerified(source, file, onProgress);
  // A full or unavailable cache only costs the next visit a download.
  await cache?.put(file.sha256, bytes).catch(() => undefined);
  return bytes;
}

/** Reads model.json (unless given), checks every file it loads against its size and sha256, and opens the sessions. */
export async function loadModel(source: FileSource, ort: OrtModule, options: LoadOptions = {}): Promise<LoadedModel> {
  const manifest = options.manifest ?? (await readManifest(source));
  const quantization = options.quantization ?? manifest.default_quantization;
  const graphs = manifest.quantizations[quantization];
  if (!graphs) throw new VeriSpecError('bad-option', `no quantization '${quantization}' in this package (it has: ${Object.keys(manifest.quantizations).join(', ')})`);
  const variants = options.variants ?? Object.keys(graphs.heads);
  const entry = (path: string) => manifest.files.find((f) => f.path === path)!;
  const variantFiles = variants.map((v) => {
    const file = graphs.heads[v];
    if (!file) throw new VeriSpecError('bad-option', `no head variant '${v}' (this package has: ${Object.keys(graphs.heads).join(', ')})`);
    return file;
  });
  const sessionGraphs = [...variantFiles, graphs.encoder, graphs.decoder_step, manifest.kv_commit];
  const needed = [manifest.tokenizer, ...sessionGraphs];
  // A folder the person picked says at once every file it lacks.
  const missing = source.has ? needed.filter((path) => !source.has!(path)) : [];
  if (missing.length) throw new VeriSpecError('missing-file', `${source.location} lacks ${missing.join(', ')}, which its model.json lists: copy the whole package folder`);
  const estimate = estimateLoad(manifest, quantization, sessionGraphs);
  if (options.memory) checkMemory(manifest, estimate, options.memory);
  const runtime = await options.runtime?.open();
  const progress = new DownloadProgress(needed.reduce((n, path) => n + entry(path).bytes, 0) + (runtime?.bytes ?? 0), options.onProgress);
  if (runtime) await runtime.read(progress.file(options.runtime!.file, runtime.bytes));
  const read = async (path: string) => {
    const file = entry(path);
    const report = progress.file(path, file.bytes);
    const bytes = await readCached(source, file, options.cache, report);
    report(file.bytes);
    return bytes;
  };
  const tokenizerJson = JSON.parse(new TextDecoder().decode(await read(manifest.tokenizer))) as object;
  const s = manifest.special_tokens;
  const tokenizer = new ModelTokenizer(tokenizerJson, new Set([s.pad, s.eos, s.unk, s.frag]));
  const heads = new Map<string, Uint8Array>();
  for (const [i, v] of variants.entries()) heads.set(v, await read(variantFiles[i]!));
  const encoder = await read(graphs.encoder);
  const step = await read(graphs.decoder_step);
  const kvCommit = await read(manifest.kv_commit);
  const onSession = (name: string, done: number, count: number) => progress.compiling(name, { done, count });
  try {
    const sessions = await ModelSessions.create(ort, manifest, { encoder, step, kvCommit, heads }, { ...options, onSession });
    return { manifest, quantization, tokenizer, sessions };
  } catch (error) {
    if (error instanceof VeriSpecError && error.code === 'out-of-memory' && options.memory) throw outOfMemoryError(error.message, estimate, options.memory);
    throw error;
  }
}
