import { VeriSpecError } from './errors.js';

export const MANIFEST_FORMAT = 'verispec-model';
/** 2: the KV cache is a fixed-capacity buffer with a length (decoder step `past_length`, kv_commit `slots`). */
export const MANIFEST_VERSION = 2;

export interface GraphFiles {
  encoder: string;
  decoder_step: string;
  heads: Record<string, string>;
}

export interface HeadVariant {
  rule: string;
  num_heads: number;
  shared_projection: boolean;
  /** Chained heads: each drafts on from the token before it, so the graph also reads the root token (absent: MEDUSA's). */
  chained?: boolean;
  /** rank_accuracy[k][r]: how often head k+1's r-th choice was right on validation. */
  rank_accuracy: number[][];
  default_tree: number[][];
}

export interface PackageFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** model.json, as train/verispec_train/export/package.py writes it. */
export interface ModelManifest {
  format: typeof MANIFEST_FORMAT;
  format_version: number;
  id: string;
  architecture: {
    vocab_size: number; d_model: number; d_kv: number; num_decoder_layers: number; num_heads: number;
    max_source_tokens: number; parameters: number;
  };
  special_tokens: { pad: number; eos: number; unk: number; frag: number; decoder_start: number };
  tokenizer: string;
  /** The graph that appends committed nodes' K/V to the cache (no weights: one for all quantizations). */
  kv_commit: string;
  heads: { top_k: number; variants: Record<string, HeadVariant> };
  quantizations: Record<string, GraphFiles>;
  default_quantization: string;
  files: PackageFile[];
}

function need(ok: unknown, what: string): asserts ok {
  if (!ok) throw new VeriSpecError('bad-manifest', `model.json: ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Checks the shape of a parsed model.json; every file a graph names must be listed with its hash. */
export function parseManifest(json: unknown): ModelManifest {
  need(isObject(json), 'not a JSON object');
  if (json.format !== MANIFEST_FORMAT) throw new VeriSpecError('unsupported', `not a VeriSpec model package (format ${JSON.stringify(json.format)}, expected "${MANIFEST_FORMAT}")`);
  if (json.format_version !== MANIFEST_VERSION) throw new VeriSpecError('unsupported', `model package format version ${String(json.format_version)}; this build reads version ${MANIFEST_VERSION} (export the package again with train/)`);
  need(typeof json.id === 'string', 'id must be a string');
  const arch = json.architecture;
  need(isObject(arch), 'architecture missing');
  for (const key of ['vocab_size', 'd_model', 'd_kv', 'num_decoder_layers', 'num_heads', 'max_source_tokens']) need(isInt(arch[key]), `architecture.${key} must be a non-negative integer`);
  const special = json.special_tokens;
  need(isObject(special), 'special_tokens missing');
  for (const key of ['pad', 'eos', 'unk', 'frag', 'decoder_start']) need(isInt(special[key]), `special_tokens.${key} must be a token id`);
  need(typeof json.tokenizer === 'string', 'tokenizer must name a file');
  const heads = json.heads;
  need(isObject(heads) && isInt(heads.top_k) && isObject(heads.variants), 'heads must have top_k and variants');
  for (const [name, v] of Object.entries(heads.variants)) {
    need(isObject(v) && isInt(v.num_heads) && Array.isArray(v.default_tree) && Array.isArray(v.rank_accuracy), `heads.variants.${name} is incomplete`);
  }
  need(Array.isArray(json.files), 'files must be a list');
  const listed = new Set<string>();
  for (const f of json.files as unknown[]) {
    need(isObject(f) && typeof f.path === 'string' && isInt(f.bytes) && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256), 'every file needs path, bytes and sha256');
    listed.add(f.path);
  }
  need(listed.has(json.tokenizer as string), `the tokenizer ${String(json.tokenizer)} is not in files`);
  need(typeof json.kv_commit === 'string' && listed.has(json.kv_commit), 'kv_commit must name a listed file');
  need(isObject(json.quantizations) && Object.keys(json.quantizations).length > 0, 'quantizations missing');
  for (const [q, g] of Object.entries(json.quantizations)) {
    need(isObject(g) && typeof g.encoder === 'string' && typeof g.decoder_step === 'string' && isObject(g.heads), `quantizations.${q} must name encoder, decoder_step and heads`);
    for (const file of [g.encoder, g.decoder_step, ...Object.values(g.heads)]) need(listed.has(file as string), `${String(file)} (quantization ${q}) is not in files`);
  }
  need(typeof json.default_quantization === 'string' && json.default_quantization in json.quantizations, 'default_quantization must be one of quantizations');
  return json as unknown as ModelManifest;
}

/** The graphs a load of `quantization` creates sessions from: every head variant, the encoder, the step, kv_commit. */
export function quantizationGraphs(manifest: ModelManifest, quantization: string): string[] {
  const g = manifest.quantizations[quantization];
  return g ? [...Object.values(g.heads), g.encoder, g.decoder_step, manifest.kv_commit] : [];
}

/** Bytes a load of one quantization reads: its graphs (quantizationGraphs) and the tokenizer. */
export function quantizationBytes(manifest: ModelManifest, quantization: string): number {
  const wanted = new Set(quantizationGraphs(manifest, quantization));
  if (wanted.size === 0) return 0;
  wanted.add(manifest.tokenizer);
  return manifest.files.filter((f) => wanted.has(f.path)).reduce((sum, f) => sum + f.bytes, 0);
}
