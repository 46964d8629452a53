import { writeFile } from 'node:fs/promises';
import { readReportFile, writeReportFile } from '../eval/report-file.js';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { FAMILIES } from '../corpus/families/index.js';
import { DEFAULT_PER_SPLIT, SPLITS, type Split } from '../corpus/task.js';
import { readTaskFolders, type TaskFiles } from '../corpus/task-files.js';
import { STRATEGIES, type Strategy } from '../engine/decode.js';
import type { LaneStats } from '../engine/stats.js';
import { checkDesign, failedChecks, type CheckOptions } from '../eval/check.js';
import { writePlot } from '../eval/plot.js';
import { ProgressBar, formatDuration } from '../eval/progress.js';
import { failureCauses, formatReport, syntaxFailures, summarize, summarizeByFamily } from '../eval/report.js';
import { evaluate, type TaskResult } from '../eval/run.js';
import { recheck, tasksOfReport } from '../eval/recheck.js';
import { corpusTaskById, splitTasks } from '../eval/tasks.js';
import { tasksInTraining, trainingReferences } from '../eval/leak.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { mapLimited } from '../util/concurrency.js';
import type { VerilogSyntax } from '../syntax/index.js';
import { CLI_BACKENDS, DEFAULT_MODEL, exemplarStoreOf, laneTrees, loadCliModel, parseBackend, parseGrammar, parseLookup, parseNames } from './model-source.js';
import { parseCommandArgs, UsageError } from './usage.js';

export const EVAL_USAGE = 'eval [--split test|validation|train | --tasks DIR] [--per-family N] [--families a,b] [--strategy syntax|medusa|ntp[,...]] '
  + '[--samples N --temperature T] [--max-tokens N] [--jobs N] [--timeout S] [--no-synth] [--references] [--train-corpus DIR] [--json FILE] [--plot FILE.svg] '
  + '[--model DIR|URL] [--quantization Q] [--backend node|wasm|webgpu] [--lookup N] [--names spec|free] [--grammar on|off] [--exemplars CORPUS] | eval --report FILE.json [--recheck [--json FILE]] [--plot FILE.svg] [--examples FILE.json]   does the generated Verilog work?';

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer of at least ${min}, got '${value}'`);
  return n;
}

export function parseStrategies(value: string): Strategy[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!STRATEGIES.includes(s as Strategy)) throw new UsageError(`--strategy: '${s}' is not one of ${STRATEGIES.join(', ')}`);
  if (list.length === 0) throw new UsageError('--strategy needs at least one lane');
  return [...new Set(list)] as Strategy[];
}

async function loadTasks(values: { tasks?: string; split: string; 'per-family'?: string; families?: string }): Promise<TaskFiles[]> {
  if (values.tasks) {
    // A task folder is taken whole: a split's selectors would be silently ignored.
    const selector = values['per-family'] !== undefined ? '--per-family' : values.families !== undefined ? '--families' : null;
    if (selector) throw new UsageError(`${selector} picks tasks of a corpus split; --tasks ${values.tasks} is evaluated whole`);
    return readTaskFolders(values.tasks);
  }
  if (!SPLITS.includes(values.split as Split)) throw new UsageError(`--split must be one of ${SPLITS.join(', ')}`);
  const split = values.split as Split;
  const families = values.families?.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = families?.filter((f) => !FAMILIES.some((x) => x.name === f));
  if (unknown?.length) throw new UsageError(`--families: unknown ${unknown.join(', ')} (see 'verispec corpus families')`);
  return splitTasks(split, integer(values['per-family'], 'per-family', DEFAULT_PER_SPLIT[split], 1), families);
}

/** `--references`: checks each task's own reference.v, so a benchmark's testbenches are shown to work before a model is judged by them; returns the failures. */
async function checkReferences(tasks: readonly TaskFiles[], syntax: VerilogSyntax, check: CheckOptions, jobs: number): Promise<number> {
  const missing = tasks.filter((t) => !t.reference).map((t) => t.id);
  if (missing.length) throw new UsageError(`--references: no reference.v in ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
  const bar = new ProgressBar(tasks.length);
  const failures: string[] = [];
  await mapLimited(tasks, jobs, async (task) => {
    const v = await checkDesign(task.reference!, task, syntax, check);
    const bad = failedChecks(v);
    if (bad.length) failures.push(`${task.id}: ${bad.map((c) => `${c}: ${v[c]!.message}`).join('; ')}`);
    bar.tick(bad.length === 0);
  });
  console.log(`${tasks.length - failures.length}/${tasks.length} references pass every check`);
  for (const f of failures.sort()) console.log(`  ${f}`);
  return failures.length;
}

const plotTitle = (model: string, lane: string, source: string) => `${model}: share of greedy outputs per family (${lane} lane, ${source.replace(/^.*\//, '')})`;

interface SavedReport {
  model: { id: string };
  options: { source: string; strategies: Strategy[] };
  tasks: (Omit<TaskResult, 'generations'> & { generations: (Omit<TaskResult['generations'][number], 'stats'> & { decodeTokensPerSecond: number; meanAccepted: number; steps: number })[] })[];
}

/**
 * `--report FILE`: the tables (and `--plot`) again from a saved `--json` report, without generating;
 * with `recheck`, every saved output is checked again against its task as it is now (`--json` keeps it).
 */
async function rereport(file: string, out: { plot?: string; examples?: string; json?: string }, again?: { check: CheckOptions; jobs: number }): Promise<void> {
  const saved = await readReportFile(file) as SavedReport;
  if (!Array.isArray(saved.tasks) || !Array.isArray(saved.options?.strategies)) throw new Error(`${file} is not a report written by verispec eval --json`);
  let results: TaskResult[] = saved.tasks.map((t) => ({
    ...t,
    generations: t.generations.map(({ decodeTokensPerSecond, meanAccepted, steps, ...g }) => ({ ...g, stats: { decodeTokensPerSecond, meanAccepted, steps } as LaneStats })),
  }));
  const { strategies, source } = saved.options;
  if (again) {
    const tasks = await tasksOfReport(source, results.map((r) => r.id));
    const bar = new ProgressBar(results.length);
    results = await recheck(results, tasks, await loadSyntaxNode(), again.check, again.jobs,
      (r) => bar.tick(r.generations.some((g) => g.strategy === strategies[0] && g.seed === null && g.verdicts.function.ok)));
  }
  console.log(formatReport(results, strategies));
  if (out.plot) {
    await writePlot(out.plot, summarizeByFamily(results, strategies[0]!), plotTitle(saved.model.id, strategies[0]!, source));
    console.error(`wrote ${resolve(out.plot)}`);
  }
  if (out.examples) {
    const gallery = passingExamples(results, strategies[0]!);
    await writeFile(out.examples, `${JSON.stringify(gallery, null, 1)}\n`);
    console.error(`wrote ${gallery.length} examples to ${resolve(out.examples)}`);
  }
  if (again && out.json) {
    const report = { ...saved, rechecked: new Date().toISOString(), ...summaries(results, strategies), tasks: savedTasks(results) };
    await writeReportFile(out.json, report);
    console.error(`wrote ${resolve(out.json)}`);
  }
}

/** A report's per-lane and per-family shares. */
function summaries(results: readonly TaskResult[], strategies: readonly Strategy[]) {
  return { lanes: Object.fromEntries(strategies.map((s) => [s, summarize(results, s)])), families: Object.fromEntries(summarizeByFamily(results, strategies[0]!)) };
}

/** Results as a report saves them: each output's speed without the full lane statistics. */
function savedTasks(results: readonly TaskResult[]) {
  return results.map((r) => ({
    ...r,
    generations: r.generations.map(({ stats, ...g }) => ({ ...g, decodeTokensPerSecond: stats.decodeTokensPerSecond, meanAccepted: stats.meanAccepted, steps: stats.steps })),
  }));
}

/** The playground's gallery: per family, the shortest spec whose greedy output passes every check. */
function passingExamples(results: readonly TaskResult[], strategy: Strategy): { id: string; family: string; spec: string }[] {
  const best = new Map<string, { id: string; family: string; spec: string }>();
  for (const r of results) {
    const g = r.generations.find((x) => x.strategy === strategy && x.seed === null);
    if (!g || failedChecks(g.verdicts).length > 0) continue;
    // Reports written before they kept specs: the corpus task's, from its id.
    const spec = r.spec ?? corpusTaskById(r.id)?.spec;
    if (!spec) continue;
    const known = best.get(r.family);
    if (!known || spec.length < known.spec.length) best.set(r.family, { id: r.id, family: r.family, spec });
  }
  return [...best.values()].sort((a, b) => a.family.localeCompare(b.family));
}

/** A short provenance for the report: where the model came from, without its full config. */
function provenanceOf(manifest: object): unknown {
  const p = (manifest as { provenance?: Record<string, unknown> }).provenance;
  if (!p) return null;
  return JSON.parse(JSON.stringify(p, (key, value: unknown) => (key === 'config' ? undefined : value)));
}

/** `verispec eval`: generate for every task and check syntax, interface, function and synthesis. */
export async function runEval(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    split: { type: 'string', default: 'test' }, tasks: { type: 'string' }, 'per-family': { type: 'string' }, families: { type: 'string' },
    strategy: { type: 'string', default: 'syntax' }, samples: { type: 'string', default: '0' }, temperature: { type: 'string', default: '0.8' },
    'max-tokens': { type: 'string', default: '512' }, jobs: { type: 'string' }, timeout: { type: 'string', default: '20' },
    'no-synth': { type: 'boolean', default: false }, references: { type: 'boolean', default: false }, 'train-corpus': { type: 'string', default: 'data/corpus' },
    json: { type: 'string' }, plot: { type: 'string' }, report: { type: 'string' }, examples: { type: 'string' }, model: { type: 'string' }, quantization: { type: 'string' }, backend: { type: 'string' }, lookup: { type: 'string' },
    exemplars: { type: 'string' }, names: { type: 'string' }, grammar: { type: 'string' }, recheck: { type: 'boolean', default: false },
  });
  const jobs = integer(values.jobs, 'jobs', availableParallelism(), 1);
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout must be a positive number of seconds, got '${values.timeout}'`);
  const check: CheckOptions = { timeoutMs: timeoutSeconds * 1000, synth: !values['no-synth'] };
  if (values.recheck && !values.report) throw new UsageError('--recheck checks the outputs of a saved report: give it --report FILE.json');
  if (values.report) return rereport(values.report, values, values.recheck ? { check, jobs } : undefined);
  const strategies = parseStrategies(values.strategy);
  const samples = integer(values.samples, 'samples', 0, 0);
  const temperature = Number(values.temperature);
  if (!(temperature > 0)) throw new UsageError(`--temperature must be above 0 (greedy runs anyway), got '${values.temperature}'`);
  const maxNewTokens = integer(values['max-tokens'], 'max-tokens', 512, 1);
  const backend = parseBackend(values.backend);
  const tasks = await loadTasks(values);
  const syntax = await loadSyntaxNode();
  if (values.references) {
    const failures = await checkReferences(tasks, syntax, check, jobs);
    if (failures > 0) throw new Error(`${failures} of ${tasks.length} references fail their own checks`);
    return;
  }

  const model = await loadCliModel(values.model, values.quantization, backend);
  const trees = await laneTrees(values.model, backend, model.quantization, strategies);
  const lookup = parseLookup(values.lookup);
  const names = parseNames(values.names);
  const grammar = parseGrammar(values.grammar);
  const exemplars = values.exemplars === undefined ? undefined : await exemplarStoreOf(values.exemplars);
  const source = values.tasks ? resolve(values.tasks) : `${values.split} split`;
  console.error(`eval: ${model.manifest.id} (${model.quantization}, ${CLI_BACKENDS[backend]}), ${tasks.length} tasks from ${source}, `
    + `lanes ${strategies.join(', ')}, names ${names}, grammar ${grammar}, greedy${samples ? ` + ${samples} samples at temperature ${temperature}` : ''}, up to ${maxNewTokens} tokens, ${jobs} check jobs`);
  const bar = new ProgressBar(tasks.length);
  const started = Date.now();
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  let results: TaskResult[];
  try {
    results = await evaluate(model, syntax, tasks, {
      strategies, samples, temperature, maxNewTokens, jobs, check, trees, lookup, names, grammar, exemplars, signal: controller.signal,
      onTaskDone: (r) => bar.tick(r.generations.some((g) => g.strategy === strategies[0] && g.seed === null && g.verdicts.function.ok)),
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    await model.sessions.release();
  }
  const seconds = (Date.now() - started) / 1000;
  const families = tasks.every((t) => t.metadata?.family) ? [...new Set(tasks.map((t) => t.metadata!.family!))] : undefined;
  const training = await trainingReferences(values['train-corpus'], families);
  const leaked = tasksInTraining(tasks, training);
  for (const r of results) r.inTraining = leaked.has(r.id);
  console.log(formatReport(results, strategies));
  console.log(`\nmost common failures (${strategies[0]}, greedy):`);
  for (const [cause, n] of failureCauses(results, strategies[0]!)) console.log(`  ${String(n).padStart(4)}  ${cause}`);
  const bySyntax = syntaxFailures(results, strategies[0]!);
  if (bySyntax.length) console.log(`\nsyntax failures as the grammar sees them (${strategies[0]}, greedy): ${bySyntax.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  console.log(`\n${leaked.size} of ${tasks.length} tasks have a reference in the training data (${training.source})${leaked.size ? ': their rows measure recall' : ''}`);
  console.error(`eval took ${formatDuration(seconds)}`);
  if (values.plot) {
    await writePlot(values.plot, summarizeByFamily(results, strategies[0]!), plotTitle(model.manifest.id, strategies[0]!, source));
    console.error(`wrote ${resolve(values.plot)}`);
  }
  if (values.json) {
    const report = {
      model: { id: model.manifest.id, quantization: model.quantization, location: values.model ?? DEFAULT_MODEL, provenance: provenanceOf(model.manifest) },
      backend: CLI_BACKENDS[backend],
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      options: { source, strategies, samples, temperature, maxNewTokens, timeoutSeconds, synth: check.synth, trees: Object.fromEntries(trees), lookup: lookup.maxTokens, names, grammar,
        exemplars: values.exemplars === undefined ? null : resolve(values.exemplars) },
      seconds,
      training: { source: training.source, tasksInTraining: [...leaked] },
      ...summaries(results, strategies),
      tasks: savedTasks(results),
    };
    await writeReportFile(values.json, report);
    console.error(`wrote ${resolve(values.json)}`);
  }
}
