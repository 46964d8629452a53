import { writeFile } from 'node:fs/promises';
import { readReportFile } from '../eval/report-file.js';
import { compareReports, formatComparison, verdictOf, type ComparableReport } from '../eval/compare.js';
import { parseStrategies } from './eval.js';
import { parseCommandArgs, UsageError } from './usage.js';

export const COMPARE_USAGE = 'compare BASELINE.json[,MORE.json] CANDIDATE.json[,MORE.json] [--strategy syntax] [--alpha 0.05] [--json FILE]   '
  + 'two models\' eval reports on the same tasks, task by task: what the candidate lost and gained per check, and whether that is more than chance (comma lists pool sets)';

async function readReports(list: string): Promise<ComparableReport[]> {
  return Promise.all(list.split(',').filter(Boolean).map(async (file) => {
    const report = await readReportFile(file) as ComparableReport;
    if (!Array.isArray(report.tasks) || typeof report.options?.source !== 'string') throw new Error(`${file} is not a report written by verispec eval --json`);
    return report;
  }));
}

/** `verispec compare`: the paired counts of two sets of eval reports, and the verdict. */
export async function runCompare(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    strategy: { type: 'string', default: 'syntax' }, alpha: { type: 'string', default: '0.05' }, json: { type: 'string' },
  });
  if (positionals.length !== 2) throw new UsageError('expected two reports (or comma lists of them): the baseline, then the candidate');
  const strategies = parseStrategies(values.strategy);
  if (strategies.length !== 1) throw new UsageError('--strategy takes one lane');
  const alpha = Number(values.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be between 0 and 1, got '${values.alpha}'`);
  const [baseline, candidate] = await Promise.all(positionals.map(readReports));
  const { counts, unmatched } = compareReports(baseline!, candidate!, strategies[0]!);
  if (counts.every((c) => c.tasks === 0)) throw new Error('the reports share no task (compare reports of the same task sets)');
  if (unmatched) console.error(`compare: ${unmatched} tasks are in only one of the two sides and are left out`);
  console.log(formatComparison(counts, alpha));
  if (values.json) {
    await writeFile(values.json, `${JSON.stringify({ baseline: positionals[0], candidate: positionals[1], strategy: strategies[0], alpha, unmatched, counts, ...verdictOf(counts, alpha) }, null, 1)}\n`);
  }
}
