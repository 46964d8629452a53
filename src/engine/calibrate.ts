import type { LoadedModel } from '../model/package.js';
import type { CompletenessChecker } from '../syntax/complete.js';
import type { LookupOptions } from './lookup.js';
import { decode, type Strategy } from './decode.js';
import { LaneStatsAccumulator } from './stats.js';
import { growTree, type LaneTree, type TreeGrowth } from './tree.js';

export interface CalibrationPoint {
  nodes: number;
  choices: number[][];
  /** `dynamic`: trees of `nodes` grown each step from the heads' probabilities (`choices` only sets the size). */
  growth: TreeGrowth;
  /** What the heads' accuracy predicts: 1 (the base's own token) + the expected accepted head tokens. */
  modelledTokensPerStep: number;
  /** Tokens the lane committed per decode step, replayed on the calibration specs (after any syntax cut). */
  tokensPerStep: number;
  /** Milliseconds per decode step of those replays: the tree step, acceptance and cut, commit, heads. */
  stepMs: number;
  tokensPerSecond: number;
}

export interface Calibration {
  variant: string;
  lane: Strategy;
  specs: number;
  curve: CalibrationPoint[];
  best: CalibrationPoint;
}

export interface CalibrationOptions {
  /** The lane the variant serves: `syntax` replays with the cut, so its tree is chosen on what it keeps. */
  lane: Strategy;
  /** Specs to replay (held-out validation specs). */
  specs: readonly string[];
  /** Required by the syntax lane. */
  newChecker?: () => CompletenessChecker;
  sizes?: readonly number[];
  maxNewTokens?: number;
  /** Looked-up candidates beside the tree (default: decode's default); the tree is chosen for what runs. */
  lookup?: LookupOptions;
  /** A backend's first runs are slow for reasons other than size (WASM: the engine optimises for seconds). */
  warmUpMs?: number;
}

/** Decodes one spec with one lane and tree: tokens committed, decode steps and their milliseconds. */
async function replay(model: LoadedModel, variant: string, tree: LaneTree, spec: string, options: CalibrationOptions, maxNewTokens = options.maxNewTokens ?? 128): Promise<{ tokens: number; steps: number; ms: number }> {
  const completeness = options.lane === 'syntax' ? options.newChecker?.() : undefined;
  const acc = new LaneStatsAccumulator();
  try {
    const it = decode(model, spec, { strategy: options.lane, headVariant: variant, tree: tree.choices, growth: tree.growth, completeness, lookup: options.lookup, maxNewTokens });
    for (let next = await it.next(); !next.done; next = await it.next()) acc.add(next.value);
  } finally {
    completeness?.dispose();
  }
  // The first step (the first token, before any tree) is not a decode step.
  const s = acc.stats();
  const steps = Math.max(0, s.steps - 1);
  return { tokens: s.meanAccepted * steps, steps, ms: s.decodeMs };
}

/**
 * Picks a lane's candidate tree for this backend: trees of several sizes
 * grown from the variant's measured per-head, per-rank accuracy (static) and
 * the same sizes grown each step from the heads' probabilities (dynamic),
 * each replayed with the lane on held-out specs, keeping the one with the
 * most tokens per second. Replaying measures what the lane keeps (the syntax
 * lane's cut included) and what a step really costs here: a big tree is
 * nearly free on a GPU and costly on two CPU cores. The trees take turns
 * spec by spec, so a machine that slows down midway slows them all alike.
 */
export async function calibrate(model: LoadedModel, variant: string, options: CalibrationOptions): Promise<Calibration> {
  const info = model.manifest.heads.variants[variant];
  if (!info) throw new Error(`no head variant '${variant}'`);
  if (options.specs.length === 0) throw new Error('calibration needs at least one spec');
  const accuracy = info.rank_accuracy.map((row) => row.slice(0, model.manifest.heads.top_k));
  const sizes = (options.sizes ?? [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64]).filter((n) => n - 1 <= maxTreeNodes(accuracy, info.num_heads));
  // A tree of one head node is the same either way (the first head's first choice).
  const arms = sizes.flatMap((nodes) => {
    const grown = growTree(accuracy.slice(0, info.num_heads), nodes - 1);
    const growths: TreeGrowth[] = nodes > 2 ? ['static', 'dynamic'] : ['static'];
    return growths.map((growth) => ({ nodes, grown, tree: { choices: grown.choices, growth }, tokens: 0, steps: 0, ms: 0 }));
  });
  const warmUntil = performance.now() + (options.warmUpMs ?? 5000);
  do {
    for (const arm of arms) await replay(model, variant, arm.tree, options.specs[0]!, options, 8);
  } while (performance.now() < warmUntil);
  for (const spec of options.specs) {
    for (const arm of arms) {
      const r = await replay(model, variant, arm.tree, spec, options);
      arm.tokens += r.tokens;
      arm.steps += r.steps;
      arm.ms += r.ms;
    }
  }
  const curve: CalibrationPoint[] = arms.map((arm) => {
    const tokensPerStep = arm.steps ? arm.tokens / arm.steps : 0;
    const stepMs = arm.steps ? arm.ms / arm.steps : 0;
    return {
      nodes: arm.nodes, choices: arm.grown.choices, growth: arm.tree.growth, modelledTokensPerStep: 1 + arm.grown.expectedAccepted,
      tokensPerStep, stepMs, tokensPerSecond: stepMs > 0 ? (tokensPerStep / stepMs) * 1000 : 0,
    };
  });
  const best = curve.reduce((a, b) => (b.tokensPerSecond > a.tokensPerSecond ? b : a));
  return { variant, lane: options.lane, specs: options.specs.length, curve, best };
}

/** The most nodes a tree of these heads can have (every path of ranks, every depth). */
function maxTreeNodes(accuracy: readonly (readonly number[])[], heads: number): number {
  const ranks = accuracy[0]?.length ?? 0;
  let total = 0;
  for (let d = 1, level = 1; d <= heads; d++) total += level *= ranks;
  return total;
}

/** calibration.json: per `backend/quantization`, per head variant, the best tree (as `bench --calibrate` writes it). */
export type CalibrationFile = Record<string, { variants?: Record<string, { lane?: string; best?: { choices?: number[][]; growth?: string }; curve?: { nodes?: number; tokensPerStep?: number; growth?: string }[] }> }>;

/** A point's growth as the file says it; files written before dynamic trees have static ones only. */
const growthOf = (point: { growth?: string } | undefined): TreeGrowth => (point?.growth === 'dynamic' ? 'dynamic' : 'static');

/** A list of paths of non-negative integer ranks: the only shape of tree taken from calibration.json. */
const isChoices = (x: unknown): x is number[][] =>
  Array.isArray(x) && x.length <= 256 && x.every((p) => Array.isArray(p) && p.length <= 16 && p.every((r) => Number.isInteger(r) && r >= 0 && r < 64));

/**
 * The best tree of each head variant for one backend and quantization (none
 * where it was not calibrated), with its growth. calibration.json is outside
 * the package's hashed files (it is rewritten per machine), so anything
 * malformed is skipped.
 */
export function calibratedLaneTrees(file: CalibrationFile, backend: string, quantization: string): Record<string, LaneTree> {
  const entry = typeof file === 'object' && file !== null ? file[`${backend}/${quantization}`] : undefined;
  const variants = typeof entry?.variants === 'object' && entry.variants !== null ? entry.variants : {};
  return Object.fromEntries(Object.entries(variants).flatMap(([v, c]) => (isChoices(c?.best?.choices) ? [[v, { choices: c.best!.choices!, growth: growthOf(c.best) }]] : [])));
}

/**
 * Each calibrated lane's tokens per step against tree size (`medusa`: the
 * vanilla heads, `syntax`: the syntax heads; the growth its best tree has), for this backend and
 * quantization or else the file's first entry (tokens per step hardly depend
 * on the backend). Malformed points are skipped, as above.
 */
export function calibratedCurves(file: CalibrationFile, backend: string, quantization: string): { key: string; curves: Record<string, { nodes: number; tokensPerStep: number }[]> } | null {
  if (typeof file !== 'object' || file === null) return null;
  const key = file[`${backend}/${quantization}`] ? `${backend}/${quantization}` : Object.keys(file)[0];
  const variants = key ? file[key]?.variants : undefined;
  if (!key || typeof variants !== 'object' || variants === null) return null;
  const curves: Record<string, { nodes: number; tokensPerStep: number }[]> = {};
  for (const [lane, variant] of [['medusa', 'vanilla'], ['syntax', 'syntax']] as const) {
    const curve = variants[variant]?.curve;
    if (!Array.isArray(curve)) continue;
    // The points of the growth the lane runs (the best one's); where it has none (1 or 2 nodes, the same tree either way), the static ones.
    const growth = growthOf(variants[variant]?.best);
    const valid = curve.filter((p) => Number.isInteger(p?.nodes) && Number.isFinite(p?.tokensPerStep));
    const sizes = new Set(valid.filter((p) => growthOf(p) === growth).map((p) => p.nodes));
    curves[lane] = valid.filter((p) => growthOf(p) === growth || !sizes.has(p.nodes)).map((p) => ({ nodes: p.nodes!, tokensPerStep: p.tokensPerStep! }));
  }
  return { key, curves };
}
