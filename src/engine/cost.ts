import type { LoadedModel } from '../model/package.js';
import type { PromptState } from '../model/session.js';
import { buildTree, growTree } from './tree.js';

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
  /** Tokens committed to the KV cache before steps are timed (a step's attention grows with it). */
  contextTokens?: number;
  /** Timed runs per measurement (the median is kept), after `warmUp` untimed ones. */
  repeats?: number;
  warmUp?: number;
  /** Timed encoder runs per spec length (after one untimed): a long spec on a large model takes seconds. */
  encoderRepeats?: number;
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

export const COST_DEFAULTS = { specTokens: [100, 500], treeSizes: [1, 4, 12, 24], contextTokens: 64, repeats: 15, warmUp: 3, encoderRepeats: 5 } as const;

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
async function stepOnce(model: LoadedModel, prompt: PromptState, variant: string | undefined, choices: number[][], tokens: number[]) {
  const tree = buildTree(choices);
  const [out, stepMs] = await timed(() => prompt.step({
    tokens: tokens.slice(0, tree.size), depths: tree.depths, parents: tree.parents, treeBias: tree.ancestorBias, temperature: 1e-5, uniforms: new Float32Array(tree.size),
  }));
  const [, commitMs] = await timed(() => prompt.commit([0]));
  const d = model.manifest.architecture.d_model;
  const [, headsMs] = variant ? await timed(() => prompt.heads(variant, out.hidden.slice(0, d))) : [null, 0];
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
  const encoder: EncoderCost[] = [];
  for (const tokens of o.specTokens.filter((t) => t <= limit)) encoder.push(await encoderCost(model, tokens, o.encoderRepeats, o.filler));

  const prompt = await model.sessions.prompt(specOfLength(model, Math.min(100, limit), o.filler));
  try {
    const tokens = specOfLength(model, Math.max(2, ...o.treeSizes) + 1, o.filler);
    // The cache holds `contextTokens` committed tokens before anything is timed.
    for (let i = 0; i < o.contextTokens; i++) await stepOnce(model, prompt, undefined, [], tokens);
    const accuracy = variant ? model.manifest.heads.variants[variant]!.rank_accuracy : [];
    const steps: StepCost[] = [];
    for (const nodes of o.treeSizes) {
      if (!(Number.isInteger(nodes) && nodes >= 1)) throw new RangeError(`a tree has at least one node, not ${nodes}`);
      const { choices } = growTree(accuracy, nodes - 1);
      if (choices.length !== nodes - 1) throw new RangeError(`the ${variant} heads grow trees of at most ${choices.length + 1} nodes, not ${nodes}`);
      const runs: { stepMs: number; commitMs: number; headsMs: number }[] = [];
      for (let i = 0; i < o.warmUp + o.repeats; i++) {
        const r = await stepOnce(model, prompt, variant, choices, tokens);
        if (i >= o.warmUp) runs.push(r);
      }
      const stepMs = median(runs.map((r) => r.stepMs));
      const commitMs = median(runs.map((r) => r.commitMs));
      const headsMs = median(runs.map((r) => r.headsMs));
      steps.push({ nodes, stepMs, commitMs, headsMs, totalMs: stepMs + commitMs + headsMs });
    }
    return { encoder, steps, contextTokens: o.contextTokens, repeats: o.repeats };
  } finally {
    prompt.dispose();
  }
}

/** Tokens a lane commits per decode step with a tree of `nodes`, as the trained model measured it (calibration.json's curve). */
export interface AcceptancePoint { nodes: number; tokensPerStep: number }

export interface LaneProjection { nodes: number; tokensPerStep: number; msPerStep: number; tokensPerSecond: number; speedup: number }

/**
 * Decode tokens/s projected from step costs and tokens per step, first token
 * and JS work left out: next-token decoding commits 1 token per one-node step
 * (step + commit); a lane commits `tokensPerStep` per step of its tree (step +
 * commit + heads). Only tree sizes both sides measured are projected.
 */
export function projectLane(steps: readonly StepCost[], acceptance: readonly AcceptancePoint[]): { ntpTokensPerSecond: number; trees: LaneProjection[] } {
  const one = steps.find((s) => s.nodes === 1);
  if (!one) throw new RangeError('projection needs the cost of a one-node step');
  const ntpTokensPerSecond = 1000 / (one.stepMs + one.commitMs);
  const trees = steps.flatMap((s) => {
    const point = acceptance.find((a) => a.nodes === s.nodes);
    if (!point) return [];
    const tokensPerSecond = (point.tokensPerStep * 1000) / s.totalMs;
    return [{ nodes: s.nodes, tokensPerStep: point.tokensPerStep, msPerStep: s.totalMs, tokensPerSecond, speedup: tokensPerSecond / ntpTokensPerSecond }];
  });
  return { ntpTokensPerSecond, trees };
}
