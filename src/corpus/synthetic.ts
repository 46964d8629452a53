import type { VerilogSyntax } from '../syntax/index.js';
import { mapLimited } from '../util/concurrency.js';
import { fragmentSpans } from './annotate.js';
import type { RawExample } from './example.js';
import type { Family } from './family.js';
import { simulate } from './simulate.js';
import { corpusTasks, type Split, type Task } from './task.js';

export interface SyntheticStats {
  /** Tasks generated, per family and split, before exact-duplicate removal. */
  generated: Record<string, Record<Split, number>>;
  duplicates: number;
  simulated: number;
  passed: number;
  /** Train tasks kept without simulation (`simulateTrainEvery` > 1). */
  unsimulated: number;
  failures: { id: string; line: string }[];
}

/**
 * `perSplit[split]` tasks of every family (seeds 1..n), exact duplicates
 * (same spec and reference) dropped, references run against their own
 * testbench with Icarus Verilog: every validation and test task, and the
 * train tasks whose seed is a multiple of `simulateTrainEvery` (1: all; the
 * generators are deterministic code, so a sample finds their bugs and keeps
 * a 60,000-task build within minutes on two cores). A reference that fails
 * is a generator bug: it is reported and left out.
 */
export async function syntheticExamples(
  families: readonly Family[],
  perSplit: Record<Split, number>,
  syntax: VerilogSyntax,
  options: { jobs: number; simulateTrainEvery?: number; log: (m: string) => void },
): Promise<{ examples: RawExample[]; tasks: Task[]; stats: SyntheticStats }> {
  const { tasks, generated, duplicates } = corpusTasks(families, perSplit);
  const stats: SyntheticStats = { generated, duplicates, simulated: 0, passed: 0, unsimulated: 0, failures: [] };
  const every = options.simulateTrainEvery ?? 1;
  const chosen = (t: Task) => t.split !== 'train' || t.seed % every === 0;
  const toSimulate = tasks.filter(chosen).length;
  options.log(`  synthetic: ${tasks.length} tasks, simulating ${every === 1 ? 'every reference' : `${toSimulate} references (validation, test and every ${every}th train seed)`}`);
  const verdicts = await mapLimited(tasks, options.jobs, async (t) => {
    if (!chosen(t)) return undefined;
    const verdict = await simulate(t.testbench, t.reference);
    if (++stats.simulated % 2000 === 0) options.log(`  synthetic: ${stats.simulated}/${toSimulate} simulated`);
    return verdict;
  });
  const examples: RawExample[] = [];
  const kept: Task[] = [];
  tasks.forEach((task, i) => {
    const verdict = verdicts[i];
    if (!verdict) stats.unsimulated++;
    else if (!verdict.pass) { stats.failures.push({ id: task.id, line: verdict.line }); return; }
    else stats.passed++;
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
      meta: { family: task.family, category: task.category, seed: task.seed, template: task.template, layout: task.layout, renamed: task.renamed, combination: task.combination, module: task.module },
    });
  });
  return { examples, tasks: kept, stats };
}
