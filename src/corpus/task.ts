import { DesignContext, emitModule, type Design, type Family, type FamilyParams, type Port, type Style } from './family.js';
import { hash32, Rng } from '../util/rng.js';
import { writeRunScript, writeTestbench } from './testbench.js';
import { metadataOf, type TaskMetadata } from './task-files.js';

export type Split = 'train' | 'validation' | 'test';
export const SPLITS: readonly Split[] = ['train', 'validation', 'test'];
/** Tasks per family in each split of the corpus (`corpus build`'s defaults; `eval` takes the same). */
export const DEFAULT_PER_SPLIT: Readonly<Record<Split, number>> = { train: 300, validation: 12, test: 24 };

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
  /** The parameter combination; test combinations are never trained on. */
  combination: string;
  module: string;
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

/** Share of parameter combinations held out for test, and of the rest kept for validation. */
const TEST_COMBINATIONS = 0.2;
const VALIDATION_SHARE = 0.05;

interface Draft {
  design: Design;
  ctx: DesignContext;
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
  const design = family.design(params, ctx);
  const reset = family.clocked ? `${ctx.reset.sync ? 'sync' : 'async'}-${ctx.reset.activeLow ? 'low' : 'high'}` : 'none';
  const combination = JSON.stringify({ ...sortKeys(params), reset, header: style.header });
  return { design, ctx, style, combination, rng };
}

function sortKeys(o: FamilyParams): FamilyParams {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** Which side of the split a parameter combination falls on (a stable hash, not the seed). */
export function isTestCombination(family: string, combination: string): boolean {
  return (hash32(`split:${family}:${combination}`) % 1000) / 1000 < TEST_COMBINATIONS;
}

/**
 * The task of `family` for `seed` in `split`. Train and validation tasks use
 * neither a held-out combination nor the held-out phrasing; a test task uses
 * at least one of the two. Seeds that land on the wrong side are skipped
 * deterministically, so (family, seed, split) always gives the same task.
 */
export function makeTask(family: Family, seed: number, split: Split = 'train'): Task {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const s = seed * 1000 + attempt;
    const d = draft(family, s);
    const heldOutCombination = isTestCombination(family.name, d.combination);
    const phrasings = d.design.behaviour.length;
    if (phrasings < 3) throw new Error(`${family.name}: needs at least 3 phrasings, has ${phrasings}`);
    let template: number;
    if (split === 'test') {
      // Half the test tasks use the held-out phrasing, the rest a held-out combination.
      template = heldOutCombination && d.rng.chance(0.5) ? d.rng.int(0, phrasings - 2) : phrasings - 1;
    } else {
      if (heldOutCombination) continue;
      const inValidation = (hash32(`val:${family.name}:${s}`) % 1000) / 1000 < VALIDATION_SHARE;
      if (inValidation !== (split === 'validation')) continue;
      template = d.rng.int(0, phrasings - 2);
    }
    const reference = emitModule(d.design, d.style);
    return {
      id: `${family.name}-${split}-${seed}`,
      family: family.name,
      category: family.category,
      split,
      seed,
      template,
      phrasings,
      combination: d.combination,
      module: d.design.module,
      spec: writeSpec(d, template),
      reference,
      testbench: writeTestbench(d.design, d.ctx, d.style, family.clocked, hash32(`tb:${s}`) & 0x7fffffff),
      runScript: writeRunScript(),
      metadata: metadataOf(d.design, family, family.clocked ? d.ctx : undefined),
    };
  }
  throw new Error(`${family.name}: no ${split} task found for seed ${seed}`);
}

function describePort(p: Port): { dir: string; size: string; bitsText: string } {
  const size = p.range ? `[${p.range}]` : p.width > 1 ? `[${p.width - 1}:0]` : '';
  const bitsText = p.range ? `${p.width} bits by default` : p.width === 1 ? '1 bit' : `${p.width} bits`;
  return { dir: p.dir, size, bitsText };
}

function writeSpec(d: Draft, template: number): string {
  const { design, rng } = d;
  const m = design.module;
  const intro = rng.pick([
    `Write a Verilog module named \`${m}\`.`,
    `Implement the Verilog module \`${m}\`.`,
    `Design ${m} in Verilog.`,
    `Create a synthesizable Verilog module called ${m}.`,
  ]);
  const params = (design.parameters ?? []).map((p) => `Parameter ${p.name} defaults to ${p.value}.`).join(' ');
  const signed = (p: Port) => (p.signed ? 'signed ' : '');
  const portStyle = rng.int(0, 2);
  let ports: string;
  if (portStyle === 0) {
    ports = ['Ports:', ...design.ports.map((p) => {
      const { dir, size } = describePort(p);
      return `- ${dir} ${signed(p)}${size ? `${size} ` : ''}${p.name}: ${p.desc}`;
    })].join('\n');
  } else if (portStyle === 1) {
    ports = ['Interface:', ...design.ports.map((p) => {
      const { dir, bitsText } = describePort(p);
      return `  ${p.name} (${dir}, ${signed(p)}${bitsText}) - ${p.desc}`;
    })].join('\n');
  } else {
    const list = (dir: string) => design.ports.filter((p) => p.dir === dir)
      .map((p) => `${p.name} (${signed(p)}${describePort(p).bitsText}, ${p.desc})`).join(', ');
    ports = `Inputs: ${list('input')}.\nOutputs: ${list('output')}.`;
  }
  return [intro, design.behaviour[template]!, params, ports].filter(Boolean).join('\n');
}
