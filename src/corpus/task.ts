import { DesignContext, emitModule, type Design, type Family, type FamilyParams, type Reset, type Style } from './family.js';
import { renameDesign } from './names.js';
import { pickLayout, writeSpec, type Layout } from './spec.js';
import { hash32, Rng } from '../util/rng.js';
import { writeRunScript, writeTestbench } from './testbench.js';
import { metadataOf, type TaskMetadata } from './task-files.js';

export type Split = 'train' | 'validation' | 'test';
export const SPLITS: readonly Split[] = ['train', 'validation', 'test'];
/** Tasks per family in each split of the corpus (`corpus build`'s defaults; `eval` takes the same). */
export const DEFAULT_PER_SPLIT: Readonly<Record<Split, number>> = { train: 1200, validation: 12, test: 24 };

/** One spec -> Verilog task with the testbench that checks an answer. */
export interface Task {
  id: string;
  family: string;
  category: Family['category'];
  split: Split;
  seed: number;
  /** Index of the behaviour phrasing used (the family's last one is test-only). */
  template: number;
  /** How many phrasings the family has; the last is the held-out one. */
  phrasings: number;
  /** How the spec lays out the ports (`spec.ts`); one layout is test-only. */
  layout: Layout;
  /** Whether names were redrawn from the open pools (`names.ts`) instead of the family's usual ones. */
  renamed: boolean;
  /** The parameter combination; test combinations are never trained on. */
  combination: string;
  module: string;
  /** The design as code, layout aside (`designKey`): it decides the split. */
  designKey: string;
  spec: string;
  reference: string;
  testbench: string;
  runScript: string;
  /** The interface the spec asks for, and how the testbench drives it: the task folder's metadata.json. */
  metadata: TaskMetadata;
}

/**
 * The corpus's tasks: for each family and split, seeds 1..perSplit[split],
 * exact duplicates (the same spec and reference) dropped, the first kept.
 * `corpus build` and `eval` take their tasks from here.
 */
export function corpusTasks(families: readonly Family[], perSplit: Partial<Record<Split, number>>): { tasks: Task[]; generated: Record<string, Record<Split, number>>; duplicates: number } {
  const seen = new Set<string>();
  const tasks: Task[] = [];
  const generated: Record<string, Record<Split, number>> = {};
  let duplicates = 0;
  for (const family of families) {
    generated[family.name] = { train: 0, validation: 0, test: 0 };
    for (const split of SPLITS) {
      for (let seed = 1; seed <= (perSplit[split] ?? 0); seed++) {
        const task = makeTask(family, seed, split);
        generated[family.name]![split]++;
        const key = `${task.spec}\u0000${task.reference}`;
        if (seen.has(key)) {
          duplicates++;
          continue;
        }
        seen.add(key);
        tasks.push(task);
      }
    }
  }
  return { tasks, generated, duplicates };
}

/** Share of parameter combinations held out for test. */
const TEST_COMBINATIONS = 0.2;
/** Shares of designs (by `designKey`) that belong to test and to validation; the rest is train's. */
const TEST_DESIGNS = 0.2;
const VALIDATION_DESIGNS = 0.05;

/** Share of tasks whose names come from the open pools, and of their names redrawn. */
const RENAMED_TASKS = 0.5;
const RENAMED_NAMES = 0.75;

interface Draft {
  design: Design;
  /** The clock and reset names (after renaming). */
  timing: { clk: string; reset: Reset };
  renamed: boolean;
  style: Style;
  combination: string;
  rng: Rng;
}

function draft(family: Family, seed: number): Draft {
  const rng = new Rng(hash32(`${family.name}:${seed}`));
  const params: FamilyParams = family.params(rng);
  const style: Style = {
    indent: rng.pick(['  ', '  ', '    ', '\t']),
    header: rng.pick(['ansi', 'ansi-wire', 'classic']),
    star: rng.pick(['@(*)', '@*']),
  };
  const ctx = new DesignContext(rng, style, family.clocked);
  const usual = family.design(params, ctx);
  // Names draw from their own stream, so renaming leaves the rest of the task as it was.
  const nameRng = new Rng(hash32(`names:${family.name}:${seed}`));
  const renamed = nameRng.chance(RENAMED_TASKS);
  const { design, clk, reset: resetNames } = renamed
    ? renameDesign(usual, ctx.clk, ctx.reset, nameRng, { share: RENAMED_NAMES, moduleShare: 0.85 })
    : { design: usual, clk: ctx.clk, reset: ctx.reset };
  const reset = family.clocked ? `${ctx.reset.sync ? 'sync' : 'async'}-${ctx.reset.activeLow ? 'low' : 'high'}` : 'none';
  const combination = JSON.stringify({ ...sortKeys(params), reset, header: style.header });
  return { design, timing: { clk, reset: resetNames }, renamed, style, combination, rng };
}

function sortKeys(o: FamilyParams): FamilyParams {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The design as code, independent of how it is laid out: the reference in one
 * fixed header style, `@*` for `@(*)`, whitespace collapsed. Two tasks with
 * the same key are the same design, whatever their phrasing or indentation.
 */
export function designKey(design: Design, style: Style): string {
  return normalizeVerilog(emitModule(design, { ...style, header: 'ansi' }).replaceAll('@(*)', '@*'));
}

/** Whitespace-insensitive form of Verilog text (runs of whitespace become one space). */
export function normalizeVerilog(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}

/**
 * Which split a design belongs to: a stable hash of its `designKey`, so a
 * design drawn in two splits can only be kept in one of them, and no
 * validation or test design is ever a train design.
 */
export function designSplit(family: string, key: string): Split {
  const u = (hash32(`design:${family}:${key}`) % 1000) / 1000;
  return u < TEST_DESIGNS ? 'test' : u < TEST_DESIGNS + VALIDATION_DESIGNS ? 'validation' : 'train';
}

/** Which side of the split a parameter combination falls on (a stable hash, not the seed). */
export function isTestCombination(family: string, combination: string): boolean {
  return (hash32(`split:${family}:${combination}`) % 1000) / 1000 < TEST_COMBINATIONS;
}

/**
 * The task of `family` for `seed` in `split`. Every design belongs to one
 * split (`designSplit`), so test and validation designs are never trained on;
 * train and validation tasks also use neither a held-out combination nor the
 * held-out phrasing, and half the test tasks use the held-out phrasing. Each
 * split draws from its own seed stream; seeds that land on the wrong side are
 * skipped deterministically, so (family, seed, split) always gives the same task.
 */
export function makeTask(family: Family, seed: number, split: Split = 'train'): Task {
  for (let attempt = 0; attempt < 5000; attempt++) {
    const s = seed * 5000 + attempt;
    const d = draft(family, split === 'train' ? s : -s - (split === 'test' ? 0 : 100_000_000));
    const key = designKey(d.design, d.style);
    if (designSplit(family.name, key) !== split) continue;
    const heldOutCombination = isTestCombination(family.name, d.combination);
    const phrasings = d.design.behaviour.length;
    if (phrasings < 3) throw new Error(`${family.name}: needs at least 3 phrasings, has ${phrasings}`);
    let template: number;
    if (split === 'test') {
      // Half the test tasks use the held-out phrasing; held-out combinations may use any.
      template = heldOutCombination && d.rng.chance(0.5) ? d.rng.int(0, phrasings - 2) : phrasings - 1;
    } else {
      if (heldOutCombination) continue;
      template = d.rng.int(0, phrasings - 2);
    }
    const reference = emitModule(d.design, d.style);
    const layout = pickLayout(d.rng, split);
    return {
      id: `${family.name}-${split}-${seed}`,
      family: family.name,
      category: family.category,
      split,
      seed,
      template,
      phrasings,
      layout,
      renamed: d.renamed,
      combination: d.combination,
      module: d.design.module,
      designKey: key,
      // Long specs (a second phrasing) in train and validation only, so far: the test split stays as measured;
      // the module named as the behaviour's subject in train only (validation stays as measured too).
      spec: writeSpec(d.design, template, layout, d.rng, split === 'test' ? undefined : d.rng.int(0, phrasings - 2), split === 'train'),
      reference,
      testbench: writeTestbench(d.design, d.timing, d.style, family.clocked, hash32(`tb:${s}`) & 0x7fffffff),
      runScript: writeRunScript(),
      metadata: { ...metadataOf(d.design, family, family.clocked ? d.timing : undefined), variant: { renamed: d.renamed, layout } },
    };
  }
  throw new Error(`${family.name}: no ${split} task found for seed ${seed}`);
}
