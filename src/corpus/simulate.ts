import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Icarus Verilog or yosys is not installed: an error of the machine, never a verdict on a design. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

export type Tool = 'iverilog' | 'vvp' | 'yosys';

const INSTALL: Record<Tool, string> = { iverilog: 'iverilog', vvp: 'iverilog', yosys: 'yosys' };

export interface ToolRun {
  stdout: string;
  stderr: string;
  /** Exit status; null when it was killed. */
  code: number | null;
  /** Killed for running past the time limit. */
  timedOut: boolean;
}

export interface ToolLimits {
  timeoutMs: number;
  cwd?: string;
  /** Address-space limit: a design that declares a huge memory fails instead of taking the machine. */
  memoryMiB?: number;
}

/**
 * Runs a tool on untrusted Verilog: in `cwd` (a private temporary folder),
 * with a memory limit (ulimit -v), killed outright past the time limit, its
 * output capped. A failing run is a result, not an exception; only a missing
 * tool throws.
 */
export function runTool(tool: Tool, args: string[], limits: ToolLimits): Promise<ToolRun> {
  const memoryKiB = (limits.memoryMiB ?? 2048) * 1024;
  // A missing tool says so on stderr: the tool itself may exit 127 too (a helper it could not start
  // under the memory limit), and that is a failed check, not a missing tool.
  // A CPU-time limit too (never below the wall-time one): a tool whose parent died before its timer (an eval
  // stopped with Ctrl+C or killed) must not run on, and it is in its own process group, out of the signal's reach.
  const cpuSeconds = Math.ceil(limits.timeoutMs / 1000) + 1;
  const script = `ulimit -v ${memoryKiB} 2>/dev/null; ulimit -t ${cpuSeconds} 2>/dev/null; command -v "$0" >/dev/null || { echo "${MISSING}" >&2; exit 127; }; exec "$0" "$@"`;
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills iverilog's helpers (ivlpp, ivl) too; /bin/sh by
    // its path, so a tool missing from PATH is exit 127 even when PATH is empty.
    const child = spawn('/bin/sh', ['-c', script, tool, ...args], { cwd: limits.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
    for (const name of ['stdout', 'stderr'] as const) {
      child[name].setEncoding('utf8').on('data', (d: string) => {
        if (out[name].length < OUTPUT_CAP) out[name] += d.slice(0, OUTPUT_CAP - out[name].length);
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, limits.timeoutMs);
    live.add(child.pid!);
    child.on('error', (e) => { clearTimeout(timer); live.delete(child.pid!); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      live.delete(child.pid!);
      if (code === 127 && !timedOut && out.stderr.includes(MISSING)) reject(new MissingToolError(`${tool} is not installed (Debian: apt-get install ${INSTALL[tool]})`));
      else resolve({ ...out, code: timedOut ? null : code, timedOut });
    });
  });
}

const MISSING = 'verispec: tool not found';

/**
 * Process groups of the tools running now: killed when this process exits. A process killed outright
 * runs no handler; then the tools' own CPU-time limit ends them.
 */
const live = new Set<number>();
process.on('exit', () => live.forEach(killGroup));

function killGroup(pid: number | undefined): void {
  try { process.kill(-pid!, 'SIGKILL'); } catch { /* already gone */ }
}

/** Output kept per stream: a design that floods the log cannot fill the memory. */
const OUTPUT_CAP = 1 << 20;

/** A private temporary folder for `fn`, removed afterwards whatever happens. */
export async function inTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first line of a tool's output, with the temporary file's name turned into `line N`. */
const firstLine = (text: string) => (text.trim().split('\n')[0] ?? '').replace(/\b(?:design|testbench)\.v:(\d+):\s*/, 'line $1: ');

export interface Verdict {
  pass: boolean;
  /** The testbench's verdict line, or why there is none (compile error, timeout). */
  line: string;
}

/**
 * Runs a testbench against a design with Icarus Verilog, as the task's
 * run.sh does, in a temporary folder. A simulation that runs past the time
 * limit (a combinational loop, a testbench that never finishes) is a TIMEOUT.
 */
export async function simulate(testbench: string, design: string, timeoutMs = 60_000): Promise<Verdict> {
  return inTempDir('verispec-sim-', async (dir) => {
    await writeFile(join(dir, 'testbench.v'), testbench);
    await writeFile(join(dir, 'design.v'), design);
    const compiled = await runTool('iverilog', ['-g2012', '-o', 'sim.vvp', 'testbench.v', 'design.v'], { timeoutMs, cwd: dir });
    if (compiled.timedOut) return { pass: false, line: 'TIMEOUT (compiling)' };
    if (compiled.code !== 0) return { pass: false, line: `COMPILE ERROR: ${firstLine(compiled.stderr || compiled.stdout)}` };
    const ran = await runTool('vvp', ['-n', 'sim.vvp'], { timeoutMs, cwd: dir });
    if (ran.timedOut) return { pass: false, line: `TIMEOUT after ${(timeoutMs / 1000).toFixed(0)} s` };
    const line = ran.stdout.split('\n').filter((l) => /^(PASS|FAIL)/.test(l)).pop() ?? 'NO VERDICT';
    return { pass: line.startsWith('PASS'), line };
  });
}

/**
 * Whether Icarus Verilog accepts `code`: parse and elaborate, no simulation.
 * `ignoreMissing` leaves out modules it instantiates but does not define
 * (the corpus's filter for real RTL); without it they are errors.
 */
export async function iverilogCheck(code: string, options: { timeoutMs?: number; ignoreMissing?: boolean } = {}): Promise<{ ok: boolean; message: string }> {
  return inTempDir('verispec-parse-', async (dir) => {
    await writeFile(join(dir, 'design.v'), code);
    const args = ['-g2012', ...(options.ignoreMissing ? ['-i'] : []), '-t', 'null', '-o', '/dev/null', 'design.v'];
    const run = await runTool('iverilog', args, { timeoutMs: options.timeoutMs ?? 30_000, cwd: dir });
    if (run.timedOut) return { ok: false, message: 'iverilog: timed out' };
    return run.code === 0 ? { ok: true, message: '' } : { ok: false, message: `iverilog: ${firstLine(run.stderr || run.stdout)}` };
  });
}

/** The corpus's second syntax filter (missing submodules ignored). */
export async function iverilogAccepts(code: string, timeoutMs = 30_000): Promise<boolean> {
  return (await iverilogCheck(code, { timeoutMs, ignoreMissing: true })).ok;
}
