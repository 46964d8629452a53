import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from '../corpus/simulate.js';
import { errorLine } from '../util/tool-log.js';
import type { TaskMetadata } from '../corpus/task-files.js';

/** The part of yosys's `write_json` that the interface check reads. */
export type YosysModules = Record<string, {
  ports: Record<string, { direction: 'input' | 'output' | 'inout'; bits: unknown[]; signed?: number }>;
  /** Parameter defaults as binary strings (yosys writes them for parameterised modules). */
  parameter_default_values?: Record<string, string>;
}>;

/** A yosys parameter value: a binary string of 0/1 (numbers), anything else is not a number. */
function parameterValue(raw: string): number {
  return /^[01]+$/.test(raw) ? parseInt(raw, 2) : Number.NaN;
}

const describe = (p: { dir: string; width: number }) => `${p.dir} [${p.width} bit${p.width === 1 ? '' : 's'}]`;

/**
 * Whether a design has the interface its task asks for: a module of that
 * name; exactly the ports named, with their directions and widths (at the
 * default parameter values; signedness where the spec says signed); every
 * parameter with its default. Returns the first difference, or null.
 */
export function compareInterface(expected: TaskMetadata, modules: YosysModules): string | null {
  const found = modules[expected.module];
  if (!found) {
    const names = Object.keys(modules);
    return `no module named ${expected.module} (found ${names.length ? names.join(', ') : 'none'})`;
  }
  const actual = new Map(Object.entries(found.ports).map(([name, p]) => [name, { dir: p.direction, width: p.bits.length, signed: p.signed === 1 }]));
  for (const port of expected.ports) {
    const got = actual.get(port.name);
    if (!got) return `port ${port.name} is missing (ports: ${[...actual.keys()].join(', ') || 'none'})`;
    if (got.dir !== port.dir || got.width !== port.width) return `port ${port.name}: expected ${describe(port)}, got ${describe(got)}`;
    if (port.signed && !got.signed) return `port ${port.name} should be signed`;
  }
  const extra = [...actual.keys()].filter((name) => !expected.ports.some((p) => p.name === name));
  if (extra.length) return `unexpected port${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`;
  const defaults = found.parameter_default_values ?? {};
  for (const param of expected.parameters) {
    const raw = defaults[param.name];
    if (raw === undefined) return `parameter ${param.name} is missing`;
    const value = parameterValue(raw);
    if (value !== param.value) return `parameter ${param.name}: expected default ${param.value}, got ${Number.isNaN(value) ? JSON.stringify(raw) : value}`;
  }
  return null;
}

/** Every module yosys reads in `dir`/design.v, with its ports and parameter defaults (null, and why, when yosys cannot read it). */
export async function readModules(dir: string, timeoutMs: number): Promise<{ modules: YosysModules | null; message: string }> {
  const run = await runTool('yosys', ['-q', '-p', 'read_verilog -sv design.v; proc; write_json interface.json'], { timeoutMs, cwd: dir });
  if (run.timedOut) return { modules: null, message: 'yosys: timed out reading the design' };
  if (run.code !== 0) return { modules: null, message: `yosys: ${errorLine(run.stdout + run.stderr)}` };
  const json = JSON.parse(await readFile(join(dir, 'interface.json'), 'utf8')) as { modules: YosysModules };
  return { modules: json.modules, message: '' };
}
