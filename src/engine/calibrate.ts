import type { LoadedModel } from '../model/package.js';
import { buildTree, growTree } from './tree.js';

export interface CalibrationPoint {
  nodes: number;
  choices: number[][];
  /** 1 (the base's own next token) + the expected accepted head tokens. */
  expectedTokensPerStep: number;
  /** Median time of a tree step plus the heads on the accepted node. */
  stepMs: number;
  expectedTokensPerSecond: number;
}

export interface Calibration {
  variant: string;
  pastLength: number;
  curve: CalibrationPoint[];
  best: CalibrationPoint;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Picks the candidate tree for this backend: trees of several sizes grown
 * from the variant's measured per-head, per-rank accuracy, each timed here,
 * keeping the one with the most expected tokens per second. A big tree is
 * nearly free on a GPU and costly on two CPU cores, so the answer differs.
 */
export async function calibrate(model: LoadedModel, variant: string, sizes: readonly number[] = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64], pastLength = 128, repeats = 5, warmUpMs = 5000): Promise<Calibration> {
  const info = model.manifest.heads.variants[variant];
  if (!info) throw new Error(`no head variant '${variant}'`);
  const accuracy = info.rank_accuracy.map((row) => row.slice(0, model.manifest.heads.top_k));
  const prompt = await model.sessions.prompt(model.tokenizer.encodeSpec('module counter; endmodule'));
  // Fill the cache to a typical length with one chain step.
  const fill = buildTree(Array.from({ length: pastLength - 1 }, (_, d) => Array<number>(d + 1).fill(0)));
  const out = await prompt.step({
    tokens: Array.from({ length: fill.size }, (_, i) => 4 + (i % 50)), depths: fill.depths,
    parents: fill.parents, treeBias: fill.ancestorBias, temperature: 1, uniforms: new Float32Array(fill.size),
  });
  await prompt.commit(Array.from({ length: fill.size }, (_, i) => i));
  const hidden = out.hidden.slice(0, model.manifest.architecture.d_model);
  const trees = sizes.map((nodes) => {
    const grown = growTree(accuracy, nodes - 1);
    return { grown, tree: buildTree(grown.choices) };
  });
  const stepOnce = (tree: (typeof trees)[number]['tree']) => prompt.step({
    tokens: Array.from({ length: tree.size }, (_, i) => 4 + i), depths: tree.depths,
    parents: tree.parents, treeBias: tree.ancestorBias, temperature: 1, uniforms: new Float32Array(tree.size),
  });
  // Warm up every shape and the heads, for a few seconds at least: a backend's first runs are slow for
  // reasons other than size (WASM: the engine optimises the module in the background for seconds).
  const warmUntil = performance.now() + warmUpMs;
  do {
    for (const { tree } of trees) await stepOnce(tree);
    await prompt.heads(variant, hidden);
  } while (performance.now() < warmUntil);
  const headsMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    await prompt.heads(variant, hidden);
    headsMs.push(performance.now() - t);
  }
  const curve: CalibrationPoint[] = [];
  for (const { grown, tree } of trees) {
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t = performance.now();
      await stepOnce(tree);
      times.push(performance.now() - t);
    }
    const stepMs = median(times) + (tree.size > 1 ? median(headsMs) : 0);
    const expectedTokensPerStep = 1 + grown.expectedAccepted;
    curve.push({ nodes: tree.size, choices: grown.choices, expectedTokensPerStep, stepMs, expectedTokensPerSecond: (expectedTokensPerStep / stepMs) * 1000 });
  }
  prompt.dispose();
  const best = curve.reduce((a, b) => (b.expectedTokensPerSecond > a.expectedTokensPerSecond ? b : a));
  return { variant, pastLength, curve, best };
}

/** calibration.json: per `backend/quantization`, per head variant, the best tree (as `bench --calibrate` writes it). */
export type CalibrationFile = Record<string, { variants?: Record<string, { best?: { choices?: number[][] } }> }>;

/** A list of paths of non-negative integer ranks: the only shape of tree taken from calibration.json. */
const isChoices = (x: unknown): x is number[][] =>
  Array.isArray(x) && x.length <= 256 && x.every((p) => Array.isArray(p) && p.length <= 16 && p.every((r) => Number.isInteger(r) && r >= 0 && r < 64));

/**
 * The best tree of each head variant for one backend and quantization (none
 * where it was not calibrated). calibration.json is outside the package's
 * hashed files (it is rewritten per machine), so anything malformed is skipped.
 */
export function calibratedChoices(file: CalibrationFile, backend: string, quantization: string): Record<string, number[][]> {
  const entry = typeof file === 'object' && file !== null ? file[`${backend}/${quantization}`] : undefined;
  const variants = typeof entry?.variants === 'object' && entry.variants !== null ? entry.variants : {};
  return Object.fromEntries(Object.entries(variants).flatMap(([v, c]) => (isChoices(c?.best?.choices) ? [[v, c.best!.choices!]] : [])));
}
