import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inTempDir, iverilogCheck, runTool, simulate } from '../corpus/simulate.js';
import { errorLine } from '../util/tool-log.js';
import type { TaskFiles } from '../corpus/task-files.js';
import { toDiagnostics } from '../syntax/diagnostics.js';
import type { Segmentation, VerilogSyntax } from '../syntax/index.js';
import { compareInterface, readModules } from './interface.js';

/** One check's verdict; `message` says why it failed (empty when it passed). */
export interface CheckResult {
  ok: boolean;
  message: string;
}

/** The four checks of one generated design (null: not checked, e.g. no metadata or --no-synth). */
export interface Verdicts {
  /** iverilog -g2012 parses and elaborates it (missing submodules are errors). */
  syntax: CheckResult;
  /**
   * tree-sitter-verilog parses it without errors: what the syntax lane's cut
   * and the page's markers see. Reported beside, never instead of, iverilog's
   * verdict: the grammar rejects some valid Verilog (`{q[6:0], ~q[7]}`).
   */
  treeSitter: CheckResult;
  /** The module, ports (names, directions, widths) and parameters the task's metadata asks for. */
  interface: CheckResult | null;
  /** The task's testbench prints PASS. */
  function: CheckResult;
  /** yosys synthesizes it. */
  synth: CheckResult | null;
}

/** The checks that judge a design, in report order (tree-sitter is informational). */
export const JUDGED_CHECKS = ['syntax', 'interface', 'function', 'synth'] as const satisfies readonly (keyof Verdicts)[];

/** The judged checks a design failed (not-run checks count as neither). */
export function failedChecks(v: Verdicts): (typeof JUDGED_CHECKS)[number][] {
  return JUDGED_CHECKS.filter((c) => v[c] && !v[c]!.ok);
}

export interface CheckOptions {
  /** Time limit of each tool run (iverilog, vvp, yosys). */
  timeoutMs: number;
  synth: boolean;
}

/**
 * System tasks a design under test may call: the ones that compute. Anything
 * else ($display, $finish, $fopen, ...) could print a verdict, end the
 * simulation or touch files, so the function check refuses it.
 */
const ALLOWED_SYSTEM_CALLS = new Set(['$signed', '$unsigned', '$clog2', '$bits', '$size', '$random', '$urandom', '$urandom_range',
  '$time', '$stime', '$realtime', '$countones', '$onehot', '$onehot0', '$isunknown', '$left', '$right', '$high', '$low', '$ln', '$pow',
  '$sqrt', '$floor', '$ceil', '$rtoi', '$itor', '$realtobits', '$bitstoreal']);

const pass: CheckResult = { ok: true, message: '' };
const fail = (message: string): CheckResult => ({ ok: false, message });

function treeSitterCheck(code: string, segmentation: Segmentation): CheckResult {
  const first = toDiagnostics(code, segmentation.errors)[0];
  return first ? fail(`line ${first.line}: ${first.message}`) : pass;
}

function forbiddenCall(code: string, segmentation: Segmentation): string | undefined {
  return segmentation.fragments
    .filter((f) => f.kind === 'system')
    .map((f) => code.slice(f.start, f.end))
    .find((name) => !ALLOWED_SYSTEM_CALLS.has(name));
}

async function synthesize(dir: string, top: string | undefined, timeoutMs: number): Promise<CheckResult> {
  const script = `read_verilog -sv design.v; ${top ? `synth -top ${top}` : 'synth -auto-top'}`;
  const run = await runTool('yosys', ['-q', '-p', script], { timeoutMs, cwd: dir });
  if (run.timedOut) return fail(`yosys: synthesis timed out after ${(timeoutMs / 1000).toFixed(0)} s`);
  return run.code === 0 ? pass : fail(`yosys: ${errorLine(run.stdout + run.stderr)}`);
}

/**
 * Checks one generated design against its task: syntax, interface, function
 * (the testbench, in the simulator only), synthesis. Generated code is
 * untrusted: every tool runs in a private temporary folder with time and
 * memory limits, and a hang is a failed check, never a stuck run.
 */
export async function checkDesign(code: string, task: TaskFiles, syntax: VerilogSyntax, options: CheckOptions): Promise<Verdicts> {
  const syntaxResult = await iverilogCheck(code, { timeoutMs: options.timeoutMs });
  const segmentation = syntax.segment(code);
  return inTempDir('verispec-eval-', async (dir) => {
    await writeFile(join(dir, 'design.v'), code);
    const needYosys = task.metadata !== undefined || options.synth;
    const read = needYosys ? await readModules(dir, options.timeoutMs) : { modules: null, message: '' };
    let interfaceResult: CheckResult | null = null;
    if (task.metadata) {
      const mismatch = read.modules ? compareInterface(task.metadata, read.modules) : `cannot read the design (${read.message})`;
      interfaceResult = mismatch ? fail(mismatch) : pass;
    }
    const forbidden = forbiddenCall(code, segmentation);
    let functionResult: CheckResult;
    if (forbidden) functionResult = fail(`the design calls ${forbidden}, which a design under test may not`);
    else if (!syntaxResult.ok) functionResult = fail('not simulated: iverilog rejects the design');
    else {
      const verdict = await simulate(task.testbench, code, options.timeoutMs);
      functionResult = verdict.pass ? pass : fail(verdict.line);
    }
    let synthResult: CheckResult | null = null;
    if (options.synth) {
      const wanted = task.metadata?.module;
      const top = wanted && read.modules && wanted in read.modules ? wanted : undefined;
      synthResult = read.modules ? await synthesize(dir, top, options.timeoutMs) : fail(read.message);
    }
    return { syntax: syntaxResult, treeSitter: treeSitterCheck(code, segmentation), interface: interfaceResult, function: functionResult, synth: synthResult };
  });
}
