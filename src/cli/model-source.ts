import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { calibratedLaneTrees, type CalibrationFile } from '../engine/calibrate.js';
import { GRAMMAR_MODES, LANE_HEADS, NAME_MODES, type GrammarMode, type NameMode, type Strategy } from '../engine/decode.js';
import { LOOKUP_DEFAULTS, type LookupOptions } from '../engine/lookup.js';
import { TREE_GROWTHS, type LaneTree, type TreeGrowth } from '../engine/tree.js';
import { urlSource } from '../model/files.js';
import { folderSource } from '../model/node-files.js';
import { webgpuLoadOptions, webgpuQuantization } from '../model/backend.js';
import { VeriSpecError } from '../model/errors.js';
import { nodeWebgpu } from '../model/node-webgpu.js';
import { loadModel, readManifest, type LoadedModel } from '../model/package.js';
import type { OrtModule, SessionSetup } from '../model/session.js';
import { readExemplarStore } from '../retrieval/corpus-rows.js';
import type { ExemplarStore } from '../retrieval/exemplars.js';
import { UsageError } from './usage.js';

/**
 * The CLI's backends: `node` (onnxruntime-node, native CPU), `wasm`
 * (onnxruntime-web's WASM build in Node: the code path the page takes
 * without WebGPU) and `webgpu` (onnxruntime-web's WebGPU path on Dawn: the
 * page's path on a GPU). Each name is its key in calibration.json, where the
 * page looks up `wasm` and `webgpu` too.
 */
export const CLI_BACKENDS = { node: 'onnxruntime-node-cpu', wasm: 'wasm', webgpu: 'webgpu' } as const;
export type CliBackend = keyof typeof CLI_BACKENDS;

export function parseBackend(value: string | undefined): CliBackend {
  const b = value ?? 'node';
  if (!(b in CLI_BACKENDS)) throw new UsageError(`--backend must be one of ${Object.keys(CLI_BACKENDS).join(', ')}`);
  return b as CliBackend;
}

/** The shipped default model package. */
export const DEFAULT_MODEL = fileURLToPath(new URL('../../public/models/verispec-small/', import.meta.url));

/** A model package from a folder or an http(s) URL, on the chosen backend. */
export async function loadCliModel(location: string | undefined, quantization?: string, backend: CliBackend = 'node', kvPage?: number): Promise<LoadedModel> {
  const where = location ?? DEFAULT_MODEL;
  if (!location && !existsSync(`${DEFAULT_MODEL}model.json`)) {
    throw new UsageError(`no model at ${DEFAULT_MODEL}; build it with 'bash train/make-default-model.sh' or pass --model DIR|URL`);
  }
  const source = /^https?:\/\//.test(where) ? urlSource(where) : folderSource(where);
  if (backend === 'webgpu') {
    const gpu = await nodeWebgpu();
    if (gpu.software) console.error(`webgpu: ${gpu.adapter} is a software renderer: correct, not fast`);
    const manifest = await readManifest(source);
    const { quantization: q, refused } = webgpuQuantization(manifest, quantization);
    if (refused) throw new VeriSpecError('no-webgpu', refused);
    return loadModel(source, gpu.ort, webgpuLoadOptions({ kvPage }, manifest, q));
  }
  if (backend === 'wasm') {
    const ortWeb = await import('onnxruntime-web');
    ortWeb.env.wasm.numThreads = Math.min(4, availableParallelism());
    return loadModel(source, ortWeb as unknown as OrtModule, { quantization, kvPage, sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } });
  }
  return loadModel(source, ort, { quantization, kvPage, reuseOutputs: true, ...nodeSessionOptions(availableParallelism()) });
}

/**
 * onnxruntime-node's options per session. Each session has its own thread
 * pool. The decoder step's threads spin between its ops: a sleeping thread
 * takes tens of microseconds to wake, paid by each of the step's ~240 ops,
 * more so the more rows a tree has. The heads and kv_commit graphs are a few
 * small ops run right after the step: one thread each, so the step's
 * spinning threads never starve them (measured on two cores, step + commit +
 * heads: 3.0 ms at 4 nodes and 4.5 at 16 with the step spinning, 4.6 and 7.7
 * with no session spinning).
 */
export function nodeSessionOptions(threads: number): Pick<SessionSetup, 'sessionOptions' | 'graphOptions'> {
  const sleeping = { session: { intra_op: { allow_spinning: '0' } } };
  const single = { intraOpNumThreads: 1, graphOptimizationLevel: 'all' as const, extra: sleeping };
  return {
    sessionOptions: { intraOpNumThreads: threads, graphOptimizationLevel: 'all' },
    // The encoder runs once a prompt, right before the first step: its threads sleep.
    graphOptions: { encoder: { intraOpNumThreads: threads, graphOptimizationLevel: 'all', extra: sleeping }, heads: single, kvCommit: single },
  };
}

/**
 * The tree (and its growth) `verispec bench --calibrate` picked for this
 * backend, quantization and head variant, if it ran; else undefined (the
 * variant's default tree, static).
 */
export async function calibratedTree(location: string | undefined, backend: CliBackend, quantization: string, variant: string): Promise<LaneTree | undefined> {
  return (await calibratedTrees(location, backend, quantization))[variant];
}

/** Every head variant's calibrated tree for this backend and quantization (none without a calibration.json). */
async function calibratedTrees(location: string | undefined, backend: CliBackend, quantization: string): Promise<Record<string, LaneTree>> {
  const dir = location ?? DEFAULT_MODEL;
  if (/^https?:\/\//.test(dir)) return {};
  try {
    const file = JSON.parse(await readFile(resolve(dir, 'calibration.json'), 'utf8')) as CalibrationFile;
    return calibratedLaneTrees(file, CLI_BACKENDS[backend], quantization);
  } catch {
    return {};
  }
}

/**
 * The tree of each speculative lane: its head variant's calibrated tree
 * (undefined: the variant's default tree). `heads` overrides a lane's variant.
 */
export async function laneTrees(location: string | undefined, backend: CliBackend, quantization: string, strategies: readonly Strategy[], heads: Partial<Record<Strategy, string>> = {}): Promise<Map<Strategy, LaneTree | undefined>> {
  const trees = await calibratedTrees(location, backend, quantization);
  return new Map(strategies.filter((s) => s !== 'ntp').map((s) => [s, trees[heads[s] ?? LANE_HEADS[s as 'medusa' | 'syntax']]]));
}

/** `--heads medusa=syntax,syntax=vanilla`: a head variant for some speculative lanes (the 2x2 of heads and the syntax cut). */
export function parseLaneHeads(value: string | undefined): Partial<Record<Strategy, string>> {
  const heads: Partial<Record<Strategy, string>> = {};
  for (const item of (value ?? '').split(',').filter(Boolean)) {
    const [lane, variant] = item.split('=');
    if ((lane !== 'medusa' && lane !== 'syntax') || !variant) throw new UsageError(`--heads takes LANE=VARIANT pairs for the medusa and syntax lanes, e.g. medusa=syntax; got '${item}'`);
    heads[lane] = variant;
  }
  return heads;
}

/** `--lookup N`: speculative lanes also verify up to N tokens looked up in the spec and output (engine/lookup.ts); 0: off; absent: the default. */
export function parseLookup(value: string | undefined): LookupOptions & { maxTokens: number } {
  if (value === undefined) return { maxTokens: LOOKUP_DEFAULTS.maxTokens };
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new UsageError(`--lookup must be an integer from 0 to 16, got '${value}'`);
  return { maxTokens: n };
}

/** `--growth static|dynamic`: how a speculative lane's tree is chosen (undefined: as calibrated, else static). */
export function parseGrowth(value: string | undefined): TreeGrowth | undefined {
  if (value === undefined) return undefined;
  if (!TREE_GROWTHS.includes(value as TreeGrowth)) throw new UsageError(`--growth must be one of ${TREE_GROWTHS.join(', ')}, got '${value}'`);
  return value as TreeGrowth;
}

/** `--names spec|free`: declared module and port names kept to the spec's words (engine/names.ts), or left to the model. */
export function parseNames(value: string | undefined): NameMode {
  if (value === undefined) return 'spec';
  if (!(NAME_MODES as readonly string[]).includes(value)) throw new UsageError(`--names must be one of ${NAME_MODES.join(', ')}, got '${value}'`);
  return value as NameMode;
}

/** `--grammar on|off`: tokens that break Verilog's grammar ruled out as the decoder writes (engine/grammar.ts), or left to the model. */
export function parseGrammar(value: string | undefined): GrammarMode {
  if (value === undefined) return 'on';
  if (!(GRAMMAR_MODES as readonly string[]).includes(value)) throw new UsageError(`--grammar must be one of ${GRAMMAR_MODES.join(', ')}, got '${value}'`);
  return value as GrammarMode;
}

/** `--exemplars CORPUS`: the retrieve-and-edit store, the train split of a corpus folder. */
export async function exemplarStoreOf(corpus: string): Promise<ExemplarStore> {
  if (!existsSync(join(corpus, 'train.jsonl'))) throw new UsageError(`--exemplars: ${corpus} is not a corpus folder (no train.jsonl)`);
  const store = await readExemplarStore(corpus);
  console.error(`exemplars: ${store.rows.length} train rows from ${resolve(corpus)}`);
  return store;
}
