import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Design, DesignContext, Family, Reset, Stimulus } from './family.js';

/**
 * A task folder (docs/eval.md): `spec.txt`, `testbench.v` (prints a line
 * starting `PASS` or `FAIL`; the last one is the verdict), optionally
 * `reference.v`, `metadata.json` and `run.sh`. `corpus sample` writes it,
 * `eval --tasks` reads it, and a user can bring a benchmark in it.
 */
export interface TaskMetadata {
  /** The module the spec asks for. */
  module: string;
  /** Parameters and their default values, as the spec states them. */
  parameters: { name: string; value: number }[];
  /** Every port, in header order, with its width at the default parameter values. */
  ports: MetadataPort[];
  /** Clocked designs: the clock and reset ports. */
  clock?: string;
  reset?: Reset;
  family?: string;
  category?: string;
  /** Cycles the testbench runs (`verispec testbench` reads it). */
  cycles?: number;
  /** Generated tasks: how the spec was written, so eval can report renamed names and the held-out layout apart. */
  variant?: SpecVariant;
}

export interface SpecVariant {
  /** Names drawn from the open pools (else the family's usual ones). */
  renamed: boolean;
  /** How the spec lays out the ports. */
  layout: string;
}

export interface MetadataPort {
  name: string;
  dir: 'input' | 'output';
  width: number;
  signed?: boolean;
  /** How the testbench drives an input (default: random). */
  stim?: Stimulus;
}

/** A task as eval reads it. */
export interface TaskFiles {
  id: string;
  spec: string;
  testbench: string;
  reference?: string;
  metadata?: TaskMetadata;
  /** The folder it came from, if any. */
  dir?: string;
}

/** The metadata of a generated design (the interface its spec describes). */
export function metadataOf(design: Design, family: Family, ctx?: Pick<DesignContext, 'clk' | 'reset'>): TaskMetadata {
  return {
    module: design.module,
    parameters: design.parameters ?? [],
    ports: design.ports.map((p) => ({ name: p.name, dir: p.dir, width: p.width, ...(p.signed ? { signed: true } : {}) })),
    ...(ctx ? { clock: ctx.clk, reset: ctx.reset } : {}),
    family: family.name,
    category: family.category,
  };
}

export async function writeTaskFolder(dir: string, task: { spec: string; reference: string; testbench: string; runScript: string; metadata: TaskMetadata }): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'spec.txt'), `${task.spec}\n`);
  await writeFile(join(dir, 'reference.v'), task.reference);
  await writeFile(join(dir, 'testbench.v'), task.testbench);
  await writeFile(join(dir, 'metadata.json'), `${JSON.stringify(task.metadata, null, 1)}\n`);
  await writeFile(join(dir, 'run.sh'), task.runScript, { mode: 0o755 });
}

/** A malformed task folder: the message names the folder and the file. */
export class TaskFolderError extends Error {
  override name = 'TaskFolderError';
}

function checkMetadata(value: unknown, where: string): TaskMetadata {
  const m = value as TaskMetadata;
  const ok = typeof m === 'object' && m !== null && typeof m.module === 'string' && Array.isArray(m.ports)
    && m.ports.every((p) => typeof p?.name === 'string' && (p.dir === 'input' || p.dir === 'output') && Number.isInteger(p.width) && p.width >= 1)
    && (m.parameters === undefined || (Array.isArray(m.parameters) && m.parameters.every((p) => typeof p?.name === 'string' && typeof p.value === 'number')));
  if (!ok) throw new TaskFolderError(`${where}: expected {"module": NAME, "ports": [{"name", "dir": "input"|"output", "width"}], "parameters"?: [{"name", "value"}]}`);
  return { ...m, parameters: m.parameters ?? [] };
}

/** Reads one task folder; spec.txt and testbench.v are required. */
export async function readTaskFolder(dir: string): Promise<TaskFiles> {
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  for (const required of ['spec.txt', 'testbench.v']) {
    if (!existsSync(join(dir, required))) throw new TaskFolderError(`${dir}: no ${required} (a task folder needs spec.txt and testbench.v)`);
  }
  const spec = (await read('spec.txt')).trim();
  if (!spec) throw new TaskFolderError(`${dir}/spec.txt is empty`);
  let metadata: TaskMetadata | undefined;
  if (existsSync(join(dir, 'metadata.json'))) {
    let raw: unknown;
    try { raw = JSON.parse(await read('metadata.json')); } catch (e) { throw new TaskFolderError(`${dir}/metadata.json: ${(e as Error).message}`); }
    metadata = checkMetadata(raw, `${dir}/metadata.json`);
  }
  return {
    id: basename(resolve(dir)),
    spec,
    testbench: await read('testbench.v'),
    reference: existsSync(join(dir, 'reference.v')) ? await read('reference.v') : undefined,
    metadata,
    dir,
  };
}

/** Every task folder directly under `root` (or `root` itself when it is one), sorted by name. */
export async function readTaskFolders(root: string): Promise<TaskFiles[]> {
  if (!existsSync(root)) throw new TaskFolderError(`no such folder: ${root}`);
  if (existsSync(join(root, 'spec.txt'))) return [await readTaskFolder(root)];
  const entries = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const dirs = entries.filter((name) => existsSync(join(root, name, 'spec.txt')));
  if (dirs.length === 0) throw new TaskFolderError(`${root}: no task folders (each needs spec.txt and testbench.v)`);
  return Promise.all(dirs.map((name) => readTaskFolder(join(root, name))));
}
