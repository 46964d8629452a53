import type { LoadedModel } from '../model/package.js';
import type { PromptState } from '../model/prompt-state.js';
import { buildTree, growTree, type TreeBuffers } from './tree.js';

/**
 * What a model costs on this backend, graph by graph, apart from what it
 * predicts: the encoder for specs of given lengths, and one decode step
 * (decoder step, KV commit, heads) for trees of given sizes. Weights do not
 * change these costs, so a randomly initialised package of a larger shape
 * measures what a trained one of that shape would cost.
 */
export interface CostOptions {
  /** Spec lengths in tokens (the trailing </s> included); longer than the model reads are skipped. */
  specTokens?: readonly number[];
  /** Tree sizes in nodes, the root included (1: a plain next-token step). */
  treeSizes?: readonly number[];
  /** Tokens committed to the KV cache before steps are timed (a step's attention grows with it; timed steps add at most 32 more). */
  contextTokens?: number;
  /** Timed runs per measurement (the median is kept), after `warmUp` untimed ones. */
  repeats?: number;
  warmUp?: number;
  /** Timed encoder runs per spec length (after one untimed): a long spec on a large model takes seconds. */
  encoderRepeats?: number;
  /**
   * Milliseconds of untimed runs of every measurement first: a WASM engine
   * optimises its code for seconds, and until then a step costs several times
   * what it will (measured in Chromium: a one-node step 22 ms before, 5 after).
   */
  warmUpMs?: number;
  /** Head variant whose accuracy shapes the trees (default: the first). */
  variant?: string;
  /** Text the synthetic specs are cut from (any text: only its length in tokens matters). */
  filler?: string;
}

export interface EncoderCost { tokens: number; ms: number }

export interface StepCost {
  nodes: number;
  /** The decoder step graph over the tree. */
  stepMs: number;
  /** Appending one committed node's K/V to the cache. */
  commitMs: number;
  /** The heads on one hidden state (a speculative lane runs them every step; next-token decoding never). */
  headsMs: number;
  totalMs: number;
}

export interface CostReport { encoder: EncoderCost[]; steps: StepCost[]; contextTokens: number; repeats: number }

export const COST_DEFAULTS = { specTokens: [100, 500], treeSizes: [1, 4, 12, 24], contextTokens: 64, repeats: 15, warmUp: 3, encoderRepeats: 5, warmUpMs: 5000 } as const;

const FILLER = 'A synchronous 8-bit up counter with an active-high enable and a synchronous reset, named counter8, with ports clk, rst, en and q. ';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Encoder ids of exactly `tokens` tokens: filler text repeated and cut, closed by </s>. */
export function specOfLength(model: LoadedModel, tokens: number, filler = FILLER): number[] {
  if (!Number.isInteger(tokens) || tokens < 2) throw new RangeError(`a spec needs at least 2 tokens, not ${tokens}`);
  const piece = model.tokenizer.encodeSpec(filler).filter((id) => id !== model.manifest.special_tokens.eos);
  if (piece.length === 0) throw new RangeError('the filler text has no tokens');
  const ids: number[] = [];
  while (ids.length < tokens - 1) ids.push(...piece);
  return [...ids.slice(0, tokens - 1), model.manifest.special_tokens.eos];
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

async function encoderCost(model: LoadedModel, tokens: number, repeats: number, filler: string): Promise<EncoderCost> {
  const ids = specOfLength(model, tokens, filler);
  const ms: number[] = [];
  for (let i = 0; i < 1 + repeats; i++) {
    const [state, t] = await timed(() => model.sessions.prompt(ids));
    state.dispose();
    if (i >= 1) ms.push(t);
  }
  return { tokens, ms: median(ms) };
}

/** One decode step over a tree of `nodes`, as decode runs it: the step, a one-node commit, the heads. */
async function stepOnce(model: LoadedModel, prompt: PromptState, variant: string | undefined, tree: TreeBuffers, tokens: number[]) {
  const [out, stepMs] = await timed(() => prompt.step({
    tokens: tokens.slice(0, tree.size), depths: tree.depths, parents: tree.parents, treeBias: tree.ancestorBias, temperature: 1e-5, uniforms: new Float32Array(tree.size),
  }));
  const [, commitMs] = await timed(() => prompt.commit([0]));
  const d = model.manifest.architecture.d_model;
  const [, headsMs] = variant ? await timed(() => prompt.heads(variant, out.hidden.slice(0, d), out.argmax[0]!)) : [null, 0];
  return { stepMs, commitMs, headsMs };
}

/** Encoder and decode-step costs on the loaded backend (see CostOptions). */
export async function measureCost(model: LoadedModel, options: CostOptions = {}): Promise<CostReport> {
  const o = { ...COST_DEFAULTS, filler: FILLER, ...options };
  if (![o.repeats, o.encoderRepeats].every((n) => Number.isInteger(n) && n >= 1)) throw new RangeError('repeats must be a positive integer');
  if (!(Number.isInteger(o.contextTokens) && o.contextTokens >= 0)) throw new RangeError('contextTokens must be a non-negative integer');
  const variants = Object.keys(model.manifest.heads.variants);
  const variant = o.variant ?? variants[0];
  if (o.variant && !variants.includes(o.variant)) throw new RangeError(`no head variant '${o.variant}' (this model has: ${variants.join(', ')})`);
  const limit = model.manifest.architecture.max_source_tokens;
  const lengths = o.specTokens.filter((t) => t <= limit);
  const accuracy = variant ? model.manifest.heads.variants[variant]!.rank_accuracy : [];
  const trees = o.treeSizes.map((nodes) => {
    if (!(Number.isInteger(nodes) && nodes >= 1)) throw new RangeError(`a tree has at least one node, not ${nodes}`);
    const { choices } = growTree(accuracy, nodes - 1);
    if (choices.length !== nodes - 1) throw new RangeError(`the ${variant} heads grow trees of at most ${choices.length + 1} nodes, not ${nodes}`);
    return buildTree(choices);
  });
  const root = buildTree([]);

  const tokens = specOfLength(model, Math.max(2, ...o.treeSizes) + 1, o.filler);
  // Each timed step commits a token: the cache is rebuilt (untimed) before it grows 32 past `contextTokens`.
  const fresh = async () => {
    const state = await model.sessions.prompt(specOfLength(model, Math.min(100, limit), o.filler));
    for (let i = 0; i < o.contextTokens; i++) await stepOnce(model, state, undefined, root, tokens);
    return state;
  };
  let prompt = await fresh();
  const step = async (tree: TreeBuffers) => {
    if (prompt.cachedLength >= o.contextTokens + 32) {
      prompt.dispose();
      prompt = await fresh();
    }
    return stepOnce(model, prompt, variant, tree, tokens);
  };
  try {
    const warmUntil = performance.now() + o.warmUpMs;
    for (let round = 0; round < o.warmUp || performance.now() < warmUntil; round++) {
      for (const tree of trees) await step(tree);
      if (round === 0) for (const length of lengths) (await model.sessions.prompt(specOfLength(model, length, o.filler))).dispose();
    }
    const encoder: EncoderCost[] = [];
    for (const length of lengths) encoder.push(await encoderCost(model, length, o.encoderRepeats, o.filler));
    // Tree sizes in turn, round after round: a drift of the machine's speed reaches them alike.
    const runs = trees.map(() => [] as { stepMs: number; commitMs: number; headsMs: number }[]);
    for (let r = 0; r < o.repeats; r++) {
      for (const [i, tree] of trees.entries()) runs[i]!.push(await step(tree));
    }
    const steps: StepCost[] = o.treeSizes.map((nodes, i) => {
      const stepMs = median(runs[i]!.map((x) => x.stepMs));
      const commitMs = median(runs[i]!.map((x) => x.commitMs));
      const headsMs = median(runs[i]!.map((x) => x.headsMs));
      return { nodes, stepMs, commitMs, headsMs, totalMs: stepMs + commitMs + headsMs };
    });
    return { encoder, steps, contextTokens: o.contextTokens, repeats: o.repeats };
  } finally {
    prompt.dispose();
  }
}

/** Tokens a lane commits per decode step with a tree of `nodes`, as the trained model measured it (calibration.json's curve). */
export interface AcceptancePoint { nodes: number; tokensPerStep: number }

export interface LaneProjection { nodes: number; tokensPerStep: number; msPerStep: number; tokensPerSecond: number; speedup: number }

/** Milliseconds of JS work a decode step adds beside its graphs (acceptance, the syntax cut, bookkeeping): the model's size does not change it. */
export interface StepOverhead { ntpMs: number; laneMs: number }

/**
 * Decode tokens/s projected from step costs and tokens per step, the first
 * token left out: next-token decoding commits 1 token per one-node step
 * (step + commit + its JS work); a lane commits `tokensPerStep` per step of
 * its tree (step + commit + heads + its JS work, measured by `bench --cost
 * --check`; none when not given). Only tree sizes both sides measured are projected.
 */
export function projectLane(steps: readonly StepCost[], acceptance: readonly AcceptancePoint[], overhead: StepOverhead = { ntpMs: 0, laneMs: 0 }): { ntpTokensPerSecond: number; trees: LaneProjection[] } {
  const one = steps.find((s) => s.nodes === 1);
  if (!one) throw new RangeError('projection needs the cost of a one-node step');
  const ntpTokensPerSecond = 1000 / (one.stepMs + one.commitMs + overhead.ntpMs);
  const trees = steps.flatMap((s) => {
    const point = acceptance.find((a) => a.nodes === s.nodes);
    if (!point) return [];
    const msPerStep = s.totalMs + overhead.laneMs;
    const tokensPerSecond = (point.tokensPerStep * 1000) / msPerStep;
    return [{ nodes: s.nodes, tokensPerStep: point.tokensPerStep, msPerStep, tokensPerSecond, speedup: tokensPerSecond / ntpTokensPerSecond }];
  });
  return { ntpTokensPerSecond, trees };
}
