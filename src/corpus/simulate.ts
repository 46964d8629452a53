import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execTool = promisify(execFile);

/** Icarus Verilog is not installed: an error of the machine, never a verdict on a design. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/** Runs an Icarus Verilog tool. */
async function run(tool: 'iverilog' | 'vvp', args: string[], options: { timeout: number; cwd?: string; maxBuffer?: number }) {
  try {
    return await execTool(tool, args, options);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') throw new MissingToolError(`${tool} is not installed (Debian: apt-get install iverilog)`);
    throw e;
  }
}

const isMissingTool = (e: unknown) => e instanceof MissingToolError;

export interface Verdict {
  pass: boolean;
  /** The testbench's verdict line, or why there is none (compile error, timeout). */
  line: string;
}

/**
 * Runs a testbench against a design with Icarus Verilog, as the task's
 * run.sh does, in a temporary folder.
 */
export async function simulate(testbench: string, design: string, timeoutMs = 60_000): Promise<Verdict> {
  const dir = await mkdtemp(join(tmpdir(), 'verispec-sim-'));
  try {
    await writeFile(join(dir, 'testbench.v'), testbench);
    await writeFile(join(dir, 'design.v'), design);
    try {
      await run('iverilog', ['-g2012', '-o', join(dir, 'sim.vvp'), join(dir, 'testbench.v'), join(dir, 'design.v')], { timeout: timeoutMs });
    } catch (e) {
      if (isMissingTool(e)) throw e;
      const stderr = (e as { stderr?: string }).stderr ?? String(e);
      return { pass: false, line: `COMPILE ERROR: ${stderr.trim().split('\n')[0] ?? ''}` };
    }
    let stdout: string;
    try {
      ({ stdout } = await run('vvp', ['-n', join(dir, 'sim.vvp')], { timeout: timeoutMs, maxBuffer: 16 << 20 }));
    } catch (e) {
      if (isMissingTool(e)) throw e;
      const err = e as { killed?: boolean; stdout?: string };
      if (err.killed) return { pass: false, line: 'TIMEOUT' };
      stdout = err.stdout ?? '';
    }
    const line = stdout.split('\n').filter((l) => /^(PASS|FAIL)/.test(l)).pop() ?? 'NO VERDICT';
    return { pass: line.startsWith('PASS'), line };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Whether Icarus Verilog accepts `code` (parse and elaborate, missing
 * submodules ignored, no simulation): the corpus's second syntax filter.
 */
export async function iverilogAccepts(code: string, timeoutMs = 30_000): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'verispec-parse-'));
  try {
    await writeFile(join(dir, 'design.v'), code);
    await run('iverilog', ['-g2012', '-i', '-t', 'null', '-o', '/dev/null', join(dir, 'design.v')], { timeout: timeoutMs, cwd: dir });
    return true;
  } catch (e) {
    if (isMissingTool(e)) throw e;
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
