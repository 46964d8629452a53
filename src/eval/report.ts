import type { Strategy } from '../engine/decode.js';
import { failedChecks, JUDGED_CHECKS, type Verdicts } from './check.js';
import { passAtK, reportedKs } from './passk.js';
import { HELD_OUT_LAYOUT } from '../corpus/spec.js';
import type { Generation, TaskResult } from './run.js';
import { advance, mayEnd, startGrammar } from '../engine/grammar.js';

type CheckName = keyof Verdicts;

/** Quality and speed of one lane over a set of tasks. */
export interface Summary {
  tasks: number;
  /** Share of greedy outputs that pass each check (null: not checked). */
  greedy: Record<CheckName, number | null>;
  /** Share of greedy outputs cut off at the token limit (most often a loop). */
  runaway: number;
  /** Function pass@k over the sampled outputs (empty without --samples). */
  passAtK: Record<string, number>;
  /** Mean decode tokens/s and accepted tokens per step over every generation. */
  decodeTokensPerSecond: number;
  meanAccepted: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function rate(gens: readonly Generation[], check: CheckName): number | null {
  const judged = gens.map((g) => g.verdicts[check]).filter((v) => v !== null);
  return judged.length ? judged.filter((v) => v!.ok).length / judged.length : null;
}

/** The summary of `strategy` over `results`. */
export function summarize(results: readonly TaskResult[], strategy: Strategy): Summary {
  const own = results.map((r) => r.generations.filter((g) => g.strategy === strategy));
  const greedy = own.map((gens) => gens.find((g) => g.seed === null)!).filter(Boolean);
  const sampled = own.map((gens) => gens.filter((g) => g.seed !== null)).filter((s) => s.length > 0);
  const passK: Record<string, number> = {};
  if (sampled.length) {
    for (const k of reportedKs(Math.min(...sampled.map((s) => s.length)))) {
      passK[`pass@${k}`] = mean(sampled.map((s) => passAtK(s.length, s.filter((g) => g.verdicts.function.ok).length, k)));
    }
  }
  const all = own.flat();
  return {
    tasks: greedy.length,
    greedy: Object.fromEntries([...JUDGED_CHECKS, 'treeSitter' as const].map((c) => [c, rate(greedy, c)])) as Record<CheckName, number | null>,
    runaway: greedy.length ? greedy.filter((g) => g.stop === 'max-tokens').length / greedy.length : 0,
    passAtK: passK,
    decodeTokensPerSecond: mean(all.map((g) => g.stats.decodeTokensPerSecond)),
    meanAccepted: mean(all.map((g) => g.stats.meanAccepted)),
  };
}

/** Summaries per family (sorted by name) for one strategy. */
export function summarizeByFamily(results: readonly TaskResult[], strategy: Strategy): Map<string, Summary> {
  const families = [...new Set(results.map((r) => r.family))].sort();
  return new Map(families.map((f) => [f, summarize(results.filter((r) => r.family === f), strategy)]));
}

/**
 * Summaries by how the specs were written (generated tasks only): usual or
 * renamed names, and the test-only port layout against the trained ones.
 * A model that recalls names instead of reading them does worse on "renamed".
 * And, where any task's reference was trained on, those tasks apart: recall.
 */
export function summarizeByVariant(results: readonly TaskResult[], strategy: Strategy): Map<string, Summary> {
  const groups: [string, (r: TaskResult) => boolean][] = [
    ['usual names', (r) => r.variant?.renamed === false],
    ['renamed', (r) => r.variant?.renamed === true],
    ['trained layouts', (r) => r.variant !== undefined && r.variant.layout !== HELD_OUT_LAYOUT],
    [`held-out layout (${HELD_OUT_LAYOUT})`, (r) => r.variant?.layout === HELD_OUT_LAYOUT],
    ['reference in the training data (recall)', (r) => r.inTraining === true],
    ['reference not in the training data', (r) => r.inTraining === false],
  ];
  const out = new Map<string, Summary>();
  for (const [label, keep] of groups) {
    const chosen = results.filter(keep);
    if (chosen.length && chosen.length < results.length) out.set(label, summarize(chosen, strategy));
  }
  return out;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

function row(label: string, s: Summary, ks: readonly string[], speed: boolean): string {
  const cells = [label, String(s.tasks), ...JUDGED_CHECKS.map((c) => pct(s.greedy[c])), pct(s.runaway), ...ks.map((k) => pct(s.passAtK[k] ?? null))];
  if (speed) cells.push(pct(s.greedy.treeSitter), s.decodeTokensPerSecond.toFixed(1), s.meanAccepted.toFixed(2));
  return `| ${cells.join(' | ')} |`;
}

function header(first: string, ks: readonly string[], speed: boolean): string[] {
  const cols = [first, 'tasks', 'syntax', 'interface', 'function', 'synth', 'hit token limit', ...ks.map((k) => `${k} (sampled)`), ...(speed ? ['tree-sitter clean', 'decode tok/s', 'accepted/step'] : [])];
  return [`| ${cols.join(' | ')} |`, `|${cols.map(() => ' --- ').join('|')}|`];
}

/** Markdown: one row per lane, then one per family for the first lane. */
export function formatReport(results: readonly TaskResult[], strategies: readonly Strategy[]): string {
  const lanes = strategies.map((s) => [s, summarize(results, s)] as const);
  const ks = [...new Set(lanes.flatMap(([, s]) => Object.keys(s.passAtK)))];
  const out = [...header('lane', ks, true), ...lanes.map(([s, sum]) => row(s, sum, ks, true))];
  const families = summarizeByFamily(results, strategies[0]!);
  if (families.size > 1) {
    out.push('', `per family (${strategies[0]} lane, greedy${ks.length ? '; pass@k sampled' : ''}):`, '', ...header('family', ks, false));
    for (const [family, sum] of families) out.push(row(family, sum, ks, false));
  }
  const variants = summarizeByVariant(results, strategies[0]!);
  if (variants.size > 1) {
    out.push('', `by how the spec is written (${strategies[0]} lane):`, '', ...header('spec', ks, false));
    for (const [label, sum] of variants) out.push(row(label, sum, ks, false));
  }
  return out.join('\n');
}

/** A check's message without its numbers and names, so that one cause counts once ('no module named NAME'). */
export function failureGist(message: string): string {
  return message.replace(/'[^']*'/g, "'NAME'").replace(/\b(named|port|parameter) \S+/g, '$1 NAME').replace(/\S+ (definition conflicts)/, 'NAME $1')
    .replace(/\b\d+\b/g, 'N').replace(/(got|found|ports:) .*/, '$1 ...').slice(0, 70);
}

/** A task's greedy output of one lane, if it has one. */
const greedyOf = (r: TaskResult, strategy: Strategy): Generation | undefined => r.generations.find((x) => x.strategy === strategy && x.seed === null);

/** Why the greedy outputs failed, most common first (the first check that failed, its message's gist). */
export function failureCauses(results: readonly TaskResult[], strategy: Strategy, top = 8): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of results) {
    const g = greedyOf(r, strategy);
    if (!g) continue;
    const failed = failedChecks(g.verdicts)[0];
    if (!failed) continue;
    const gist = failureGist(g.verdicts[failed]!.message);
    const key = `${failed}: ${gist}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** Why a greedy output that fails the syntax check does, as the decoder's grammar sees its code. */
export type SyntaxFailureKind = 'hit token limit' | 'grammar broken' | 'grammar unfinished' | 'grammar accepts';

/**
 * `code`'s kind of syntax failure: cut off at the token limit; breaking the grammar (where the
 * names' row and the grammar's agree on no token the grammar gives way, and is off for the rest
 * of the output; or the lane ran without it); within the grammar but not at a place it may end;
 * or accepted by the grammar and still rejected by the compiler (a rule the grammar does not
 * have, or meaning: an undeclared name, a redeclaration).
 */
export function syntaxFailureKind(g: Pick<Generation, 'code' | 'stop'>): SyntaxFailureKind {
  if (g.stop === 'max-tokens') return 'hit token limit';
  const grammar = startGrammar();
  if (!advance(grammar, g.code)) return 'grammar broken';
  return mayEnd(grammar) ? 'grammar accepts' : 'grammar unfinished';
}

/** The greedy outputs of `strategy` that fail the syntax check, counted by kind (most first). */
export function syntaxFailures(results: readonly TaskResult[], strategy: Strategy): [SyntaxFailureKind, number][] {
  const counts = new Map<SyntaxFailureKind, number>();
  for (const r of results) {
    const g = greedyOf(r, strategy);
    if (!g || g.verdicts.syntax.ok) continue;
    const kind = syntaxFailureKind(g);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
