import type { SpecVariant, TaskFiles } from '../corpus/task-files.js';
import { decode, type GrammarMode, type NameMode, type Strategy } from '../engine/decode.js';
import { LaneStatsAccumulator, type LaneStats } from '../engine/stats.js';
import type { LookupOptions } from '../engine/lookup.js';
import type { LaneTree } from '../engine/tree.js';
import { fitsSource, type LoadedModel } from '../model/package.js';
import { fittedExemplarInput, nearestExemplar, type ExemplarStore } from '../retrieval/exemplars.js';
import type { VerilogSyntax } from '../syntax/index.js';
import { hash32 } from '../util/rng.js';
import { checkDesign, type CheckOptions, type Verdicts } from './check.js';
import { familyOf } from './tasks.js';

export interface EvalOptions {
  strategies: readonly Strategy[];
  /** Sampled generations per task and strategy, besides the greedy one (0: greedy only). */
  samples: number;
  temperature: number;
  maxNewTokens: number;
  /** Checks run in parallel while the model generates the next outputs. */
  jobs: number;
  check: CheckOptions;
  /** Candidate tree and its growth per strategy (undefined: the head variant's default, static). */
  trees: ReadonlyMap<Strategy, LaneTree | undefined>;
  /** Candidates looked up in the spec and output, for the speculative lanes (off when absent). */
  lookup?: LookupOptions;
  /** Declared names kept to the spec's words (`spec`) or left to the model (`free`). */
  names?: NameMode;
  /** Tokens that break Verilog's grammar ruled out (`on`) or left to the model (`off`). */
  grammar?: GrammarMode;
  /** Retrieve-and-edit: each spec is followed by its nearest train design's code (absent: the spec alone). */
  exemplars?: ExemplarStore;
  onTaskDone?: (done: TaskResult, index: number) => void;
  signal?: AbortSignal;
}

/** One output of one lane for one task, and what the checks said of it. */
export interface Generation {
  strategy: Strategy;
  /** null: the greedy output; else the sample's seed. */
  seed: number | null;
  code: string;
  tokens: number;
  stop: 'eos' | 'max-tokens';
  stats: LaneStats;
  verdicts: Verdicts;
}

export interface TaskResult {
  id: string;
  family: string;
  /** How a generated task's spec was written (names renamed, layout). */
  variant?: SpecVariant;
  spec: string;
  /** The task's reference is in the training data: its numbers measure recall (`leak.ts`). */
  inTraining?: boolean;
  /** The train row whose code followed the spec (retrieve-and-edit). */
  exemplar?: string;
  generations: Generation[];
}

/** The seed of a task's i-th sample: stable, and independent between tasks. */
export function sampleSeed(taskId: string, i: number): number {
  return hash32(`sample:${taskId}:${i}`);
}

/** At most `limit` promises in flight: `run` waits for a free slot. */
class Pool {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    while (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

async function generate(model: LoadedModel, syntax: VerilogSyntax, spec: string, strategy: Strategy, seed: number | null, options: EvalOptions) {
  const completeness = strategy === 'syntax' ? syntax.completeness() : undefined;
  const acc = new LaneStatsAccumulator();
  try {
    const it = decode(model, spec, {
      strategy, completeness, maxNewTokens: options.maxNewTokens, tree: options.trees.get(strategy)?.choices, growth: options.trees.get(strategy)?.growth, lookup: options.lookup, names: options.names, grammar: options.grammar, signal: options.signal,
      temperature: seed === null ? 0 : options.temperature, seed: seed ?? 0,
    });
    for (;;) {
      const next = await it.next();
      if (next.done) return { code: next.value.text, tokens: next.value.ids.length, stop: next.value.stop, stats: acc.stats() };
      acc.add(next.value);
    }
  } finally {
    completeness?.dispose();
  }
}

/**
 * Generates with every strategy (greedy, then `samples` seeded samples) for
 * every task, checking each output in parallel with the next generations.
 * Identical outputs of one task are checked once. Results come back in task
 * order; `onTaskDone` hears of each task as its checks finish.
 */
export async function evaluate(model: LoadedModel, syntax: VerilogSyntax, tasks: readonly TaskFiles[], options: EvalOptions): Promise<TaskResult[]> {
  const pool = new Pool(options.jobs);
  const pendingTasks: Promise<TaskResult>[] = [];
  for (const [index, task] of tasks.entries()) {
    // Each task its own seeds: with seeds 1..n everywhere, one extreme draw (seed 1's second
    // uniform is 0.003) lands on the same step of every task and the failures correlate.
    const seeds: (number | null)[] = [null, ...Array.from({ length: options.samples }, (_, i) => sampleSeed(task.id, i))];
    const exemplar = options.exemplars ? nearestExemplar(options.exemplars, task.spec) : null;
    const input = exemplar ? fittedExemplarInput(task.spec, exemplar.row.code, fitsSource(model)) : task.spec;
    const checked = new Map<string, Promise<Verdicts>>();
    const generations: Promise<Generation>[] = [];
    for (const strategy of options.strategies) {
      for (const seed of seeds) {
        const out = await generate(model, syntax, input, strategy, seed, options);
        let verdicts = checked.get(out.code);
        if (!verdicts) {
          verdicts = pool.run(() => checkDesign(out.code, task, syntax, options.check));
          checked.set(out.code, verdicts);
        }
        generations.push(verdicts.then((v) => ({ strategy, seed, ...out, verdicts: v })));
      }
    }
    const result = Promise.all(generations).then((g) => {
      const done: TaskResult = { id: task.id, family: familyOf(task), ...(task.metadata?.variant ? { variant: task.metadata.variant } : {}), spec: task.spec,
        ...(exemplar ? { exemplar: exemplar.row.id } : {}), generations: g };
      options.onTaskDone?.(done, index);
      return done;
    });
    // Surface a failed check (a missing tool) at once, not after the last generation.
    result.catch(() => undefined);
    pendingTasks.push(result);
    if (pendingTasks.length > options.jobs * 4) await pendingTasks[pendingTasks.length - options.jobs * 4 - 1];
  }
  return Promise.all(pendingTasks);
}
