import type { VerilogSyntax } from '../syntax/index.js';
import { fragmentSpans } from './annotate.js';
import type { RawExample } from './example.js';
import type { Family } from './family.js';
import { simulate } from './simulate.js';
import { makeTask, SPLITS, type Split, type Task } from './task.js';

export interface SyntheticStats {
  /** Tasks generated, per family and split, before exact-duplicate removal. */
  generated: Record<string, Record<Split, number>>;
  duplicates: number;
  simulated: number;
  passed: number;
  failures: { id: string; line: string }[];
}

/** Runs `fn` over `items` with at most `jobs` in flight, keeping order. */
async function mapLimited<T, R>(items: readonly T[], jobs: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  }));
  return results;
}

/**
 * `perSplit[split]` tasks of every family (seeds 1..n), exact duplicates
 * (same spec and reference) dropped, every reference run against its own
 * testbench with Icarus Verilog. A reference that fails is a generator bug:
 * it is reported and left out.
 */
export async function syntheticExamples(
  families: readonly Family[],
  perSplit: Record<Split, number>,
  syntax: VerilogSyntax,
  options: { jobs: number; log: (m: string) => void },
): Promise<{ examples: RawExample[]; tasks: Task[]; stats: SyntheticStats }> {
  const stats: SyntheticStats = { generated: {}, duplicates: 0, simulated: 0, passed: 0, failures: [] };
  const seen = new Set<string>();
  const tasks: Task[] = [];
  for (const family of families) {
    stats.generated[family.name] = { train: 0, validation: 0, test: 0 };
    for (const split of SPLITS) {
      for (let seed = 1; seed <= perSplit[split]; seed++) {
        const task = makeTask(family, seed, split);
        stats.generated[family.name]![split]++;
        const key = `${task.spec}\u0000${task.reference}`;
        if (seen.has(key)) { stats.duplicates++; continue; }
        seen.add(key);
        tasks.push(task);
      }
    }
  }
  options.log(`  synthetic: ${tasks.length} tasks, simulating every reference`);
  const verdicts = await mapLimited(tasks, options.jobs, async (t) => {
    const verdict = await simulate(t.testbench, t.reference);
    if (++stats.simulated % 2000 === 0) options.log(`  synthetic: ${stats.simulated}/${tasks.length} simulated`);
    return verdict;
  });
  const examples: RawExample[] = [];
  const kept: Task[] = [];
  tasks.forEach((task, i) => {
    const verdict = verdicts[i]!;
    if (!verdict.pass) { stats.failures.push({ id: task.id, line: verdict.line }); return; }
    stats.passed++;
    kept.push(task);
    const { spans, kinds } = fragmentSpans(syntax, task.reference);
    examples.push({
      id: task.id,
      source: 'synthetic',
      split: task.split,
      instruction: task.spec,
      input: '',
      output: task.reference,
      fragments: spans,
      fragmentKinds: kinds,
      meta: { family: task.family, category: task.category, seed: task.seed, template: task.template, combination: task.combination, module: task.module },
    });
  });
  return { examples, tasks: kept, stats };
}
