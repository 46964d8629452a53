import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inTempDir } from '../corpus/simulate.js';
import { TaskFolderError, type MetadataPort, type TaskMetadata } from '../corpus/task-files.js';
import { hash32 } from '../util/rng.js';
import { writeRunScript, writeTestbenchFor } from '../corpus/testbench.js';
import { readModules } from './interface.js';

/**
 * What a person writes for a task of their own, in metadata.json: the
 * module, and for a clocked design its clock and reset; optionally how some
 * inputs are driven (`"stimulus": {"en": {"kind": "high", "p": 0.8}}`) and
 * how many cycles to run. The ports and parameters are read from the
 * reference with yosys.
 */
interface TaskHints {
  module?: string;
  clock?: string;
  reset?: { name: string; activeLow: boolean; sync: boolean };
  stimulus?: Record<string, MetadataPort['stim']>;
  cycles?: number;
  family?: string;
  category?: string;
}

/** The reference with its module renamed `<module>_golden`, for the testbench to run beside the design. */
function goldenCopy(reference: string, module: string): string {
  const pattern = new RegExp(`\\bmodule(\\s+)${module}\\b`);
  if (!pattern.test(reference)) throw new TaskFolderError(`reference.v has no module ${module}`);
  return reference.replace(pattern, `module$1${module}_golden`);
}

/**
 * Completes a hand-written task folder (spec.txt, reference.v and a
 * metadata.json of hints): reads the reference's interface with yosys,
 * writes the full metadata.json, a self-checking testbench.v (the reference
 * as the golden model, seeded random stimulus, as the corpus's tasks have)
 * and run.sh. Returns the metadata.
 */
export async function completeTaskFolder(dir: string, timeoutMs = 30_000): Promise<TaskMetadata> {
  for (const name of ['spec.txt', 'reference.v', 'metadata.json']) {
    if (!existsSync(join(dir, name))) throw new TaskFolderError(`${dir}: no ${name} (a hand-written task needs spec.txt, reference.v and metadata.json)`);
  }
  const reference = await readFile(join(dir, 'reference.v'), 'utf8');
  const hints = JSON.parse(await readFile(join(dir, 'metadata.json'), 'utf8')) as TaskHints & { ports?: MetadataPort[] };
  const modules = await inTempDir('verispec-tb-', async (tmp) => {
    await writeFile(join(tmp, 'design.v'), reference);
    const read = await readModules(tmp, timeoutMs);
    if (!read.modules) throw new TaskFolderError(`${dir}/reference.v: ${read.message}`);
    return read.modules;
  });
  const module = hints.module ?? (Object.keys(modules).length === 1 ? Object.keys(modules)[0]! : undefined);
  if (!module || !modules[module]) throw new TaskFolderError(`${dir}: say which module is the design ("module" in metadata.json; found ${Object.keys(modules).join(', ')})`);
  const found = modules[module];
  // Header order, as the reference declares it (yosys numbers the bits in port order).
  const stimulus = hints.stimulus ?? (hints.ports ? Object.fromEntries(hints.ports.filter((p) => p.stim).map((p) => [p.name, p.stim])) : {});
  const ports: MetadataPort[] = Object.entries(found.ports).map(([name, p]) => {
    if (p.direction === 'inout') throw new TaskFolderError(`${dir}: inout port ${name} cannot be checked by a generated testbench`);
    return { name, dir: p.direction, width: p.bits.length, ...(p.signed === 1 ? { signed: true } : {}), ...(stimulus[name] ? { stim: stimulus[name] } : {}) };
  });
  for (const name of Object.keys(stimulus)) if (!ports.some((p) => p.name === name)) throw new TaskFolderError(`${dir}: stimulus for ${name}, which is not a port`);
  for (const name of [hints.clock, hints.reset?.name]) {
    if (name && !ports.some((p) => p.name === name && p.dir === 'input')) throw new TaskFolderError(`${dir}: ${name} is not an input of ${module}`);
  }
  const parameters = Object.entries(found.parameter_default_values ?? {}).map(([name, raw]) => ({ name, value: parseInt(raw, 2) }));
  const metadata: TaskMetadata = {
    module, parameters, ports,
    ...(hints.clock ? { clock: hints.clock, reset: hints.reset } : {}),
    ...(hints.cycles ? { cycles: hints.cycles } : {}),
    ...(hints.family ? { family: hints.family } : {}),
    ...(hints.category ? { category: hints.category } : {}),
  };
  const testbench = writeTestbenchFor(goldenCopy(reference, module), {
    module, ports, clock: metadata.clock, reset: metadata.reset, cycles: metadata.cycles,
    seed: hash32(`tb:${module}:${reference}`) & 0x7fffffff,
  });
  await writeFile(join(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
  await writeFile(join(dir, 'testbench.v'), testbench);
  await writeFile(join(dir, 'run.sh'), writeRunScript(), { mode: 0o755 });
  return metadata;
}
