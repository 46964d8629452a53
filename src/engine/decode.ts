import type { CompletenessChecker } from '../syntax/complete.js';
import { VeriSpecError } from '../model/errors.js';
import type { LoadedModel } from '../model/package.js';
import type { HeadCandidates, PromptState, StepOutputs } from '../model/prompt-state.js';
import { Rng } from '../util/rng.js';
import { accept, TYPICAL_DEFAULTS, type AcceptanceRule } from './acceptance.js';
import { LOOKUP_DEFAULTS, lookupCandidates, withChain, type LookupOptions } from './lookup.js';
import { DecodeConstraint } from './constraint.js';
import { constrainedStep, type Masking } from './constrained-step.js';
import { GrammarRows } from './grammar-rows.js';
import { headerContinuation, type HeldPort } from './header-draft.js';
import { NameConstraint } from './name-constraint.js';
import { specNames } from './spec-names.js';
import { buildTree, growStepTree, TREE_GROWTHS, type TreeBuffers, type TreeChoices, type TreeGrowth } from './tree.js';

/** The three lanes: one decoding loop, three ways of using its tree. */
export type Strategy = 'ntp' | 'medusa' | 'syntax';
export const STRATEGIES: readonly Strategy[] = ['ntp', 'medusa', 'syntax'];

/**
 * What became of each tree node in a step: `root` (the last committed token),
 * `committed` (accepted and kept), `cut` (accepted but dropped by the syntax
 * check), `accepted` (passed acceptance on a branch that lost), `rejected`.
 */
export type NodeState = 'root' | 'committed' | 'cut' | 'accepted' | 'rejected';

/** One decoding step, as the page's token tree and the benchmark read it. */
export interface StepEvent {
  strategy: Strategy;
  step: number;
  /** The verified tree; its last `lookup` nodes are the looked-up branch (lookup.ts), the rest the heads'. */
  tree: { tokens: number[]; parents: number[]; depths: number[]; texts: string[]; lookup: number };
  states: NodeState[];
  /** Tokens this step added to the output (kept path, then the base's next token). */
  committed: number[];
  text: string;
  /** Wall time of this step: the forward passes and the bookkeeping. */
  stepMs: number;
  /** Where the step's time went (the rest of stepMs is bookkeeping in JS). */
  phases: StepPhases;
  /** How the constraint masked the tree (constrained-step.ts); `lazy-rerun` ran the decoder twice. */
  masking: Masking;
  /** Output tokens so far. */
  tokens: number;
  done: boolean;
  stop?: 'eos' | 'max-tokens';
}

/** Milliseconds of one step in each stage of the loop. */
export interface StepPhases {
  /** The tree-verify decoder step. */
  forward: number;
  /** Acceptance, and the syntax cut in the syntax lane. */
  accept: number;
  /** Appending the committed nodes' K/V to the cache. */
  commit: number;
  /** The heads on the committed node (the next step's candidates). */
  heads: number;
}

export interface DecodeOptions {
  strategy: Strategy;
  maxNewTokens: number;
  /** 0: greedy acceptance (the output equals NTP's); otherwise typical acceptance and seeded sampling. */
  temperature?: number;
  epsilon?: number;
  alpha?: number;
  seed?: number;
  /** Candidate tree; default: the head variant's `default_tree` from model.json. */
  tree?: TreeChoices;
  /** `static` (the default): that tree every step; `dynamic`: as many nodes, grown each step from the heads' probabilities (tree.ts). */
  growth?: TreeGrowth;
  /** Head variant; default `syntax` for the syntax lane, `vanilla` for MEDUSA (or the first there is). */
  headVariant?: string;
  /** Speculative lanes: a branch of candidates looked up in the spec and the output so far (lookup.ts). */
  lookup?: LookupOptions;
  /**
   * Declared module and port names: `spec` (the default) keeps them to the spec's words (names.ts)
   * where the package's step takes a logit bias; `free` leaves them to the model.
   */
  names?: NameMode;
  /**
   * `on` (the default) rules out tokens that break Verilog's grammar as the decoder writes (grammar.ts):
   * an unmatched bracket, a `:` with no `?`, a second `=`, a keyword in an expression; and tokens that
   * would repeat the same text a fourth time (loops.ts). `off` leaves it to the model.
   */
  grammar?: GrammarMode;
  /** Required by the `syntax` strategy: one checker per lane (it keeps that lane's parse). */
  completeness?: CompletenessChecker;
  signal?: AbortSignal;
}

export type NameMode = 'spec' | 'free';
export const NAME_MODES: readonly NameMode[] = ['spec', 'free'];
export type GrammarMode = 'on' | 'off';
export const GRAMMAR_MODES: readonly GrammarMode[] = ['on', 'off'];

export interface DecodeResult {
  ids: number[];
  text: string;
  steps: number;
  stop: 'eos' | 'max-tokens';
  /** How names were decoded: `free` where asked, or where the package cannot take a logit bias. */
  names: NameMode;
  /** Whether the grammar was kept to: `off` where asked, or where the package cannot take a logit bias. */
  grammar: GrammarMode;
}

/** Each token's text, by id, for the name constraint (cached per tokenizer). */
const vocabPieces = new WeakMap<object, string[]>();
function piecesOf(model: LoadedModel): string[] {
  let pieces = vocabPieces.get(model.tokenizer);
  if (!pieces) {
    pieces = Array.from({ length: model.manifest.architecture.vocab_size }, (_, id) => {
      try {
        return model.tokenizer.piece(id);
      } catch {
        return ''; // embedding rows past the tokenizer's vocabulary: never written
      }
    });
    vocabPieces.set(model.tokenizer, pieces);
  }
  return pieces;
}

/** The head variant each speculative lane prefers: MEDUSA's vanilla heads, the paper's syntax heads. */
export const LANE_HEADS: Readonly<Record<Exclude<Strategy, 'ntp'>, string>> = { medusa: 'vanilla', syntax: 'syntax' };

function defaultVariant(model: LoadedModel, strategy: Exclude<Strategy, 'ntp'>): string {
  const variants = Object.keys(model.manifest.quantizations[model.quantization]!.heads);
  const preferred = LANE_HEADS[strategy];
  const found = variants.includes(preferred) ? preferred : variants[0];
  if (!found) throw new VeriSpecError('bad-option', `the ${strategy} strategy needs heads; this package has none`);
  return found;
}

/** The tree a lane runs, checked against what the heads can give; no variant where the tree verifies no candidates. */
export function laneTree(model: LoadedModel, options: DecodeOptions): { tree: TreeBuffers; variant: string | null } {
  if (options.strategy === 'ntp') return { tree: buildTree([]), variant: null };
  if (options.growth !== undefined && !TREE_GROWTHS.includes(options.growth)) throw new VeriSpecError('bad-option', `tree growth must be one of ${TREE_GROWTHS.join(', ')}`);
  const variant = options.headVariant ?? defaultVariant(model, options.strategy);
  const info = model.manifest.heads.variants[variant];
  if (!info) throw new VeriSpecError('bad-option', `no head variant '${variant}'`);
  let tree: TreeBuffers;
  try {
    tree = buildTree(options.tree ?? info.default_tree);
  } catch (error) {
    throw new VeriSpecError('bad-option', `candidate tree: ${(error as Error).message}`);
  }
  if (tree.depth > info.num_heads) throw new VeriSpecError('bad-option', `the tree is ${tree.depth} deep; variant '${variant}' has ${info.num_heads} heads`);
  if (tree.topK > model.manifest.heads.top_k) throw new VeriSpecError('bad-option', `the tree uses rank ${tree.topK - 1}; the heads give their top ${model.manifest.heads.top_k}`);
  // A one-node tree (what calibration may pick) verifies no candidates: its lane needs no heads.
  return { tree, variant: tree.size > 1 ? variant : null };
}

/** This step's head tree: the lane's own, or (dynamic growth) one of as many nodes grown from these candidates. */
function stepTree(tree: TreeBuffers, growth: TreeGrowth | undefined, candidates: HeadCandidates | null): TreeBuffers {
  if (growth !== 'dynamic' || !candidates || tree.size <= 1) return tree;
  return buildTree(growStepTree(candidates.logprobs, candidates.heads, candidates.topK, tree.size - 1));
}

/** Tokens of the tree's nodes: the root, then each node's head candidate at its rank. */
function treeTokens(tree: TreeBuffers, root: number, candidates: HeadCandidates | null): number[] {
  const tokens = [root];
  for (let i = 1; i < tree.size; i++) {
    const head = tree.depths[i]! - 1;
    tokens.push(candidates!.ids[head * candidates!.topK + tree.ranks[i]!]!);
  }
  return tokens;
}

/**
 * Syntax-aware cut: of the accepted path's new tokens, keep the longest
 * prefix that ends on a complete fragment boundary (given the token that
 * would follow it), or none; the base's own next token still follows, so a
 * step always makes progress.
 */
function syntaxCut(model: LoadedModel, checker: CompletenessChecker, outputIds: readonly number[], outputText: string, pathTokens: readonly number[], next: readonly number[]): number {
  if (pathTokens.length === 0) return 0;
  const { text, ends } = model.tokenizer.appendText(outputIds, pathTokens);
  const lookahead = model.tokenizer.piece(next[pathTokens.length]!);
  const { lastComplete, endComplete } = checker.completeAt(outputText, text, { cuts: ends, lookahead });
  if (endComplete) return pathTokens.length;
  const kept = ends.lastIndexOf(lastComplete) + 1;
  return lastComplete > 0 ? kept : 0;
}

/** The rest of the header the spec's interface holds, as tokens (header-draft.ts); null where there is none to draft. */
function headerDraft(model: LoadedModel, outputText: string, held: readonly HeldPort[], maxTokens: number): number[] | null {
  if (maxTokens <= 0 || held.length === 0) return null;
  const text = headerContinuation(outputText, held);
  return text ? model.tokenizer.encodeCode(text).slice(0, maxTokens) : null;
}

/**
 * Decodes one spec with one strategy, yielding an event per step. At
 * temperature 0 every strategy yields exactly the NTP token sequence.
 */
export async function* decode(model: LoadedModel, spec: string, options: DecodeOptions): AsyncGenerator<StepEvent, DecodeResult> {
  const { strategy, maxNewTokens } = options;
  if (strategy === 'syntax' && !options.completeness) throw new VeriSpecError('bad-option', 'the syntax strategy needs a completeness checker');
  if (!(maxNewTokens >= 1)) throw new VeriSpecError('bad-option', 'maxNewTokens must be at least 1');
  const temperature = options.temperature ?? 0;
  if (!(temperature >= 0)) throw new VeriSpecError('bad-option', 'temperature must be 0 or more');
  const rule: AcceptanceRule = temperature === 0 ? { kind: 'greedy' } : { kind: 'typical', epsilon: options.epsilon ?? TYPICAL_DEFAULTS.epsilon, alpha: options.alpha ?? TYPICAL_DEFAULTS.alpha };
  const rng = new Rng(options.seed ?? 0);
  const { tree, variant } = laneTree(model, options);
  const special = model.manifest.special_tokens;
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new VeriSpecError('cancelled', 'decoding cancelled');
  };

  checkCancelled();
  const specIds = model.tokenizer.encodeSpec(spec);
  const lookup = strategy === 'ntp' ? { maxTokens: 0 } : { ...LOOKUP_DEFAULTS, ...options.lookup };
  const prompt: PromptState = await model.sessions.prompt(specIds);
  const reading = specNames(spec);
  const names = options.names === 'free' || !prompt.takesLogitBias ? null : new NameConstraint(reading, piecesOf(model));
  const held: HeldPort[] = reading.required.map((name) => ({ name, direction: reading.directions.get(name)!, width: reading.widths.get(name)! }));
  const grammar = options.grammar === 'off' || !prompt.takesLogitBias ? null : new GrammarRows(piecesOf(model), false);
  const constraint = names || grammar ? new DecodeConstraint(piecesOf(model), names, grammar) : null;
  const output: number[] = [];
  let outputText = '';
  let steps = 0;
  const nextOf = (out: StepOutputs, node: number) => (temperature === 0 ? out.argmax[node]! : out.sample[node]!);

  // The first forward reads the start token: its next token is the first output token.
  let root = special.decoder_start;
  let candidates: HeadCandidates | null = null;
  let current = buildTree([]);
  let first = true;
  try {
    for (;;) {
      checkCancelled();
      const started = performance.now();
      // The root (the last committed token) is already the output's last token.
      const looked = first ? [] : headerDraft(model, outputText, held, lookup.maxTokens) ?? lookupCandidates(output, specIds, lookup);
      const heads = first ? current : stepTree(tree, options.growth, candidates);
      const active = first ? current : withChain(heads, looked.length);
      const tokens = first ? [root] : [...treeTokens(heads, root, candidates), ...looked];
      const uniforms = new Float32Array(active.size);
      if (temperature > 0) for (let i = 0; i < uniforms.length; i++) uniforms[i] = rng.next();
      const inputs = { tokens, depths: active.depths, parents: active.parents, treeBias: active.ancestorBias, temperature: Math.max(temperature, 1e-5), uniforms };
      const { out, masking } = await constrainedStep(prompt, inputs, active, constraint, outputText, temperature === 0);
      const forwardDone = performance.now();
      const { accepted, path } = accept(active, { tokens, argmax: out.argmax, entropy: out.entropy, parentLogprob: out.parentLogprob }, rule);
      const pathTokens = path.slice(1).map((n) => tokens[n]!);
      const nextAlong = path.map((n) => nextOf(out, n));
      const kept = strategy === 'syntax' && !first ? syntaxCut(model, options.completeness!, output, outputText, pathTokens, nextAlong) : pathTokens.length;
      const keptPath = path.slice(0, kept + 1);
      const acceptDone = performance.now();
      await prompt.commit(keptPath);
      const commitDone = performance.now();
      const last = keptPath[keptPath.length - 1]!;
      let added = [...pathTokens.slice(0, kept), nextOf(out, last)];
      let stop: DecodeResult['stop'] | undefined;
      const eos = added.indexOf(special.eos);
      if (eos >= 0) {
        added = added.slice(0, eos);
        stop = 'eos';
      }
      if (output.length + added.length >= maxNewTokens) {
        added = added.slice(0, maxNewTokens - output.length);
        stop ??= 'max-tokens';
      }
      const { text } = model.tokenizer.appendText(output, added);
      output.push(...added);
      outputText += text;
      root = nextOf(out, last);
      let headsMs = 0;
      if (variant && !stop) {
        const d = model.manifest.architecture.d_model;
        const headsStarted = performance.now();
        candidates = await prompt.heads(variant, out.hidden.slice(last * d, (last + 1) * d), root);
        headsMs = performance.now() - headsStarted;
      }
      const phases: StepPhases = { forward: forwardDone - started, accept: acceptDone - forwardDone, commit: commitDone - acceptDone, heads: headsMs };
      steps++;
      const onPath = new Set(path);
      const states: NodeState[] = tokens.map((_, i) =>
        i === 0 ? 'root' : keptPath.includes(i) ? 'committed' : onPath.has(i) ? 'cut' : accepted[i] ? 'accepted' : 'rejected');
      yield {
        strategy, step: steps,
        tree: { tokens, parents: Array.from(active.parents), depths: Array.from(active.depths), texts: tokens.map((t) => model.tokenizer.displayPiece(t)), lookup: looked.length },
        states, committed: added, text, stepMs: performance.now() - started, phases, masking, tokens: output.length, done: stop !== undefined, stop,
      };
      if (stop) return { ids: output, text: outputText, steps, stop, names: names ? 'spec' : 'free', grammar: grammar ? 'on' : 'off' };
      first = false;
      current = tree;
    }
  } finally {
    // Device buffers are not garbage-collected: free them on every way out.
    prompt.dispose();
  }
}
