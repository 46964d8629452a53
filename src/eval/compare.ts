import type { Strategy } from '../engine/decode.js';
import { JUDGED_CHECKS, type CheckResult } from './check.js';

/**
 * Two eval reports of the same tasks, task by task: which tasks the candidate
 * loses and gains against the baseline on each check. A paired count is what
 * decides between two models measured on the same 30 or 1,176 tasks; two
 * shares side by side hide that most tasks pass or fail for both.
 */

/** What `compare` needs of a saved report (`verispec eval --json`). */
export interface ComparableReport {
  options: { source: string };
  tasks: { id: string; generations: { strategy: Strategy; seed: number | null; stop: string; verdicts: Partial<Record<string, CheckResult | null>> }[] }[];
}

/** The columns compared: the judged checks, and ending before the token limit (a loop fails it). */
export const COMPARED = [...JUDGED_CHECKS, 'ends'] as const;
export type Compared = (typeof COMPARED)[number];

export interface PairedCount {
  column: Compared;
  /** Tasks judged in both reports. */
  tasks: number;
  baseline: number;
  candidate: number;
  /** Passed by the baseline, failed by the candidate. */
  lost: number;
  /** Failed by the baseline, passed by the candidate. */
  gained: number;
  /** One-sided exact sign test (McNemar's exact test) that the candidate is worse: P(lost or more | lost + gained, 1/2). */
  pWorse: number;
  /** The same, that it is better. */
  pBetter: number;
}

/** P(X >= k) for X ~ Binomial(n, 1/2). */
export function signTestTail(k: number, n: number): number {
  if (k <= 0) return 1;
  // In logs: 2^-n underflows past n = 1,074 (a test split's worth of discordant tasks).
  let logTerm = -n * Math.LN2; // log(C(n, 0) / 2^n)
  let tail = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) tail += Math.exp(logTerm);
    logTerm += Math.log(n - i) - Math.log(i + 1);
  }
  return Math.min(1, tail);
}

/** Each task's greedy outcome per column, keyed by the report's source and the task id (so pooled sets never collide). */
function outcomes(reports: readonly ComparableReport[], strategy: Strategy): Map<string, Partial<Record<Compared, boolean>>> {
  const out = new Map<string, Partial<Record<Compared, boolean>>>();
  for (const report of reports) {
    for (const task of report.tasks) {
      const g = task.generations.find((x) => x.strategy === strategy && x.seed === null);
      if (!g) continue;
      const row: Partial<Record<Compared, boolean>> = { ends: g.stop !== 'max-tokens' };
      for (const c of JUDGED_CHECKS) {
        const v = g.verdicts[c];
        if (v) row[c] = v.ok;
      }
      out.set(`${report.options.source}\u0000${task.id}`, row);
    }
  }
  return out;
}

/**
 * The paired counts of `candidate` against `baseline` for one lane. Each side may
 * pool several sets (eval/user, eval/user2, ...); tasks in only one side are left out
 * and counted in `unmatched`.
 */
export function compareReports(baseline: readonly ComparableReport[], candidate: readonly ComparableReport[], strategy: Strategy): { counts: PairedCount[]; unmatched: number } {
  const before = outcomes(baseline, strategy);
  const after = outcomes(candidate, strategy);
  const shared = [...before.keys()].filter((k) => after.has(k));
  const unmatched = before.size + after.size - 2 * shared.length;
  const counts = COMPARED.map((column): PairedCount => {
    let tasks = 0, base = 0, cand = 0, lost = 0, gained = 0;
    for (const key of shared) {
      const b = before.get(key)![column];
      const c = after.get(key)![column];
      if (b === undefined || c === undefined) continue;
      tasks++;
      if (b) base++;
      if (c) cand++;
      if (b && !c) lost++;
      if (!b && c) gained++;
    }
    return { column, tasks, baseline: base, candidate: cand, lost, gained, pWorse: signTestTail(lost, lost + gained), pBetter: signTestTail(gained, lost + gained) };
  });
  return { counts, unmatched };
}

/** The verdict at significance level `alpha`: any column significantly worse is a regression. */
export function verdictOf(counts: readonly PairedCount[], alpha: number): { regressed: Compared[]; improved: Compared[] } {
  return {
    regressed: counts.filter((c) => c.pWorse < alpha).map((c) => c.column),
    improved: counts.filter((c) => c.pBetter < alpha).map((c) => c.column),
  };
}

/** Markdown table of the paired counts, and the verdict. */
export function formatComparison(counts: readonly PairedCount[], alpha: number): string {
  const rows = counts.map((c) => `| ${c.column} | ${c.tasks} | ${c.baseline} | ${c.candidate} | ${c.lost} | ${c.gained} | ${c.pWorse.toFixed(3)} | ${c.pBetter.toFixed(3)} |`);
  const { regressed, improved } = verdictOf(counts, alpha);
  const verdict = regressed.length
    ? `regression: significantly worse on ${regressed.join(', ')} (one-sided sign test, p < ${alpha})`
    : improved.length ? `better: significantly on ${improved.join(', ')}, worse on none (p < ${alpha})` : `no significant difference (p < ${alpha})`;
  return ['| column | tasks | baseline passes | candidate passes | lost | gained | p(worse) | p(better) |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows, '', verdict].join('\n');
}
