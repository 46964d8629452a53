import { VeriSpecError } from './errors.js';
import { readVerified, type FileSource } from './files.js';
import { parseManifest, type ModelManifest } from './manifest.js';
import { ModelSessions, type OrtModule, type SessionSetup } from './session.js';
import { ModelTokenizer } from './tokenizer.js';

export interface LoadedModel {
  manifest: ModelManifest;
  quantization: string;
  tokenizer: ModelTokenizer;
  sessions: ModelSessions;
}

export interface LoadOptions extends SessionSetup {
  quantization?: string;
  /** Head variants to load (default: all). */
  variants?: string[];
  onProgress?: (event: { file: string; loaded: number; total: number }) => void;
  /** The package's model.json, when the caller has already read it. */
  manifest?: ModelManifest;
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

/** Reads model.json (unless given), checks every file it loads against its size and sha256, and opens the sessions. */
export async function loadModel(source: FileSource, ort: OrtModule, options: LoadOptions = {}): Promise<LoadedModel> {
  const manifest = options.manifest ?? (await readManifest(source));
  const quantization = options.quantization ?? manifest.default_quantization;
  const graphs = manifest.quantizations[quantization];
  if (!graphs) throw new VeriSpecError('bad-option', `no quantization '${quantization}' in this package (it has: ${Object.keys(manifest.quantizations).join(', ')})`);
  const variants = options.variants ?? Object.keys(graphs.heads);
  const entry = (path: string) => manifest.files.find((f) => f.path === path)!;
  const read = (path: string) => readVerified(source, entry(path), (loaded) => options.onProgress?.({ file: path, loaded, total: entry(path).bytes }));
  const tokenizerJson = JSON.parse(new TextDecoder().decode(await read(manifest.tokenizer))) as object;
  const s = manifest.special_tokens;
  const tokenizer = new ModelTokenizer(tokenizerJson, new Set([s.pad, s.eos, s.unk, s.frag]));
  const heads = new Map<string, Uint8Array>();
  for (const v of variants) {
    const file = graphs.heads[v];
    if (!file) throw new VeriSpecError('bad-option', `no head variant '${v}' (this package has: ${Object.keys(graphs.heads).join(', ')})`);
    heads.set(v, await read(file));
  }
  const sessions = await ModelSessions.create(ort, manifest, {
    encoder: await read(graphs.encoder), step: await read(graphs.decoder_step), kvCommit: await read(manifest.kv_commit), heads,
  }, options);
  return { manifest, quantization, tokenizer, sessions };
}
