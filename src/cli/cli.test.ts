import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../../bin/verispec.mjs', import.meta.url).pathname;

async function verispec(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return verispecWith({}, ...args);
}

async function verispecWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('verispec help', () => {
  test("a command's --help prints that command's usage and does nothing else; help NAME does the same", async () => {
    for (const args of [['bench', '--help'], ['eval', '--prompts', 'x', '-h'], ['help', 'generate']]) {
      const { code, stdout, stderr } = await verispec(...args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const name = args[0] === 'help' ? args[1]! : args[0]!;
      expect(stdout).toMatch(new RegExp(`^usage:\\n  verispec ${name} `));
      expect(stdout.trim().split('\n')).toHaveLength(2);
    }
    const all = await verispec('--help');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('verispec segment');
    expect(all.stdout).toContain('verispec bench');
  });
});

describe('verispec segment', () => {
  test('--json prints every fragment with its text, and the errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-'));
    const file = join(dir, 'and2.v');
    writeFileSync(file, 'module and2(input a, b, output y);\n  assign y = a & b;\nendmodule\n');
    const { code, stdout } = await verispec('segment', file, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { fragments: { text: string; kind: string }[]; errors: unknown[] };
    expect(out.fragments.map((f) => f.text).join(' ')).toBe('module and2 ( input a , b , output y ) ; assign y = a & b ; endmodule');
    expect(out.fragments[0]).toMatchObject({ kind: 'keyword', start: 0, end: 6 });
    expect(out.errors).toEqual([]);
  });

  test('a missing file and wrong arguments are clear errors with distinct exit codes', async () => {
    const missing = await verispec('segment', '/nonexistent/x.v');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file: /nonexistent/x.v');
    const usage = await verispec('segment');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('expected exactly one FILE');
    const unknown = await verispec('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('verispec corpus', () => {
  test('families lists one name a line', async () => {
    const { code, stdout } = await verispec('corpus', 'families');
    expect(code).toBe(0);
    const names = stdout.trim().split('\n');
    expect(names.length).toBeGreaterThanOrEqual(40);
    expect(names).toContain('sync_fifo');
  });

  test('sample writes a task whose run.sh passes the reference and fails a wrong design', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-task-'));
    const { code, stdout } = await verispec('corpus', 'sample', '--family', 'counter_up', '--seed', '4', '--out', dir);
    expect(code).toBe(0);
    expect(stdout).toContain('counter_up-train-4');
    const spec = readFileSync(join(dir, 'spec.txt'), 'utf8');
    expect(spec.length).toBeGreaterThan(50);
    const pass = await run('sh', [join(dir, 'run.sh')]);
    expect(pass.stdout).toMatch(/^PASS: \d+ checks/m);
    // The same module with its count stuck at zero must fail.
    const reference = readFileSync(join(dir, 'reference.v'), 'utf8');
    const header = reference.slice(0, reference.indexOf(');') + 2);
    const output = /output\s+(?:reg\s+)?(?:\[[^\]]+\]\s*)?(\w+)/.exec(header)![1]!;
    const wrong = join(dir, 'wrong.v');
    writeFileSync(wrong, `${header.replace(/output\s+reg/, 'output')}\n  assign ${output} = 0;\nendmodule\n`);
    const failed = await run('sh', [join(dir, 'run.sh'), wrong]).then(() => null, (e: { code: number; stdout: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/^FAIL/m);
  });

  test('an unknown family or missing option is a usage error', async () => {
    const unknown = await verispec('corpus', 'sample', '--family', 'nope', '--seed', '1', '--out', '/tmp/x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown family 'nope'");
    const missing = await verispec('corpus', 'sample', '--family', 'mux2');
    expect(missing.code).toBe(2);
    expect((await verispec('corpus', 'bogus')).code).toBe(2);
  });
});

describe('verispec generate and bench', () => {
  const TINY = new URL('../../fixtures/model-tiny', import.meta.url).pathname;

  test('generate streams the code and summarises the run', async () => {
    const { code, stdout, stderr } = await verispec('generate', '--model', TINY, '--strategy', 'medusa', '--max-tokens', '24', 'Write a Verilog module named mux2.');
    expect(code).toBe(0);
    expect(stdout.trim().length).toBeGreaterThan(0);
    expect(stderr).toMatch(/medusa: 24 tokens in \d+ steps/);
  });

  test('generate --exemplars follows the spec with the nearest train design, and names it', async () => {
    const corpus = new URL('../../fixtures/corpus', import.meta.url).pathname;
    const spec = 'A 2:1 multiplexer of 8-bit inputs a and b with select s.';
    const { code, stderr } = await verispec('generate', '--model', TINY, '--strategy', 'ntp', '--max-tokens', '8', '--exemplars', corpus, spec);
    expect(code).toBe(0);
    expect(stderr).toMatch(/exemplars: 61 train rows from /);
    expect(stderr).toMatch(/exemplar: mux2-train-\d+/);
    const missing = await verispec('generate', '--model', TINY, '--exemplars', '/nonexistent/corpus', spec);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--exemplars: /nonexistent/corpus is not a corpus folder (no train.jsonl)');
  });

  test('the WASM backend (the page\'s, in Node) gives the native backend\'s tokens', async () => {
    const args = ['--model', TINY, '--quantization', 'fp32', '--strategy', 'syntax', '--max-tokens', '24', 'Write a Verilog module named mux2.'];
    const native = await verispec('generate', ...args);
    const wasm = await verispec('generate', '--backend', 'wasm', ...args);
    expect(wasm.code).toBe(0);
    expect(wasm.stdout).toBe(native.stdout);
    expect((await verispec('generate', '--backend', 'gpu', ...args)).code).toBe(2);
  });

  test('the WebGPU backend without an adapter is a clear failure that says why', async () => {
    const { code, stderr } = await verispecWith({ VK_ICD_FILENAMES: '/nonexistent/icd.json' }, 'generate', '--backend', 'webgpu', '--model', TINY, 'x');
    expect(code).toBe(1);
    expect(stderr).toMatch(/WebGPU found no adapter: VK_ICD_FILENAMES=\/nonexistent\/icd.json gave none; use --backend node/);
  });

  test('bad options and a missing model are usage errors; a broken model is a failure', async () => {
    expect((await verispec('generate', '--model', TINY, '--strategy', 'beam', 'x')).code).toBe(2);
    expect((await verispec('generate', '--model', TINY)).code).toBe(2);
    const broken = await verispec('generate', '--model', '/nonexistent/model', 'x');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('cannot read /nonexistent/model/model.json');
  });

  test('bench prints a row per lane and writes the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-bench-'));
    const report = join(dir, 'bench.json');
    const { code, stdout } = await verispec('bench', '--model', TINY, '--prompts', '2', '--max-tokens', '16', '--json', report);
    expect(code).toBe(0);
    for (const lane of ['ntp', 'medusa', 'syntax', 'transformers.js generate()']) expect(stdout).toContain(`| ${lane} |`);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { lanes: { lane: string; identicalToNtp: string; speedup: number }[]; machine: { cpus: number } };
    expect(json.lanes.map((l) => l.lane)).toEqual(['ntp', 'medusa', 'syntax']);
    expect(json.lanes[0]!.speedup).toBe(1);
    expect(json.lanes.every((l) => l.identicalToNtp === '2/2')).toBe(true);
    expect(json.machine.cpus).toBeGreaterThan(0);
  });

  test('bench --heads swaps the lanes\' head variants (the 2x2 of heads and cut), --lookup 0 turns lookup off; both still NTP\'s tokens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-bench-'));
    const report = join(dir, 'bench.json');
    const { code, stderr } = await verispec('bench', '--model', TINY, '--prompts', '2', '--max-tokens', '16', '--no-transformers-js',
      '--heads', 'medusa=syntax,syntax=vanilla', '--lookup', '0', '--json', report);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('medusa lane on syntax heads; syntax lane on vanilla heads');
    expect(stderr).toContain('lookup: off');
    const json = JSON.parse(readFileSync(report, 'utf8')) as { heads: Record<string, string>; lookup: number; lanes: { identicalToNtp: string }[] };
    expect(json.heads).toEqual({ medusa: 'syntax', syntax: 'vanilla' });
    expect(json.lookup).toBe(0);
    expect(json.lanes.every((l) => l.identicalToNtp === '2/2')).toBe(true);
    expect((await verispec('bench', '--model', TINY, '--heads', 'ntp=syntax')).code).toBe(2);
    expect((await verispec('bench', '--model', TINY, '--lookup', '99')).code).toBe(2);
  });

  test('bench --calibrate writes the best tree per head variant, which generate then uses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-cal-'));
    cpSync(TINY, dir, { recursive: true });
    // Without lookup, so that the one-node tree's tokens a step are known.
    const { code, stdout } = await verispec('bench', '--calibrate', '--lookup', '0', '--model', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/best: \d+ nodes/);
    const cal = JSON.parse(readFileSync(join(dir, 'calibration.json'), 'utf8')) as Record<string, { lookup: number; variants: Record<string, { lane: string; best: { choices: number[][] }; curve: { tokensPerStep: number; stepMs: number }[] }> }>;
    const entry = cal['onnxruntime-node-cpu/int8']!;
    expect(entry.lookup).toBe(0);
    expect(Object.keys(entry.variants).sort()).toEqual(['syntax', 'vanilla']);
    // Each variant replayed with its own lane: the syntax heads with the cut.
    expect(entry.variants.syntax!.lane).toBe('syntax');
    expect(entry.variants.vanilla!.lane).toBe('medusa');
    expect(entry.variants.syntax!.curve.length).toBeGreaterThan(5);
    // The one-node tree commits exactly one token a step; measured, not modelled.
    expect(entry.variants.syntax!.curve[0]!.tokensPerStep).toBeCloseTo(1, 1);
    expect(entry.variants.syntax!.curve.every((p) => p.stepMs > 0)).toBe(true);
    const run = await verispec('generate', '--model', dir, '--max-tokens', '8', 'x');
    expect(run.code).toBe(0);
  }, 240_000); // two calibrations (a replay per tree size) of the tiny model; slow on a busy 2-core machine

  test('bench --cost times the graphs by tree size and projects the lanes from a trained package\'s tokens per step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-cost-'));
    const report = join(dir, 'cost.json');
    const { code, stdout } = await verispec('bench', '--cost', '--model', TINY, '--trees', '1,4', '--spec-tokens', '20', '--repeats', '2', '--check', '1', '--json', report);
    expect(code).toBe(0);
    expect(stdout).toMatch(/encoder: 20 tokens [\d.]+ ms/);
    expect(stdout).toMatch(/\| ntp \| 1 \| 1\.00 \|/);
    const cost = JSON.parse(readFileSync(report, 'utf8')) as { steps: { nodes: number }[]; packageBytes: Record<string, number>; projection: Record<string, { trees: { nodes: number; speedup: number }[] }>; acceptance: string; check: { lane: string; measured: number; projected: number }[] };
    expect(cost.steps.map((s) => s.nodes)).toEqual([1, 4]);
    expect(cost.packageBytes.int8).toBeGreaterThan(0);
    // Tokens per step come from the shipped (trained) package's calibration, not the tiny model's.
    expect(cost.acceptance).toContain('verispec-small');
    expect(cost.projection.medusa!.trees.map((t) => t.nodes)).toEqual([1, 4]);
    // The check decodes with the trained package for real: a measured and a projected speedup per lane.
    expect(cost.check.map((c) => c.lane)).toEqual(['medusa', 'syntax']);
    expect(cost.check.every((c) => c.measured > 0 && c.projected > 0)).toBe(true);
    expect(stdout).toMatch(/check on .*verispec-small/);
    expect((await verispec('bench', '--cost', '--model', TINY, '--trees', '4')).code).toBe(2);
    const none = await verispec('bench', '--cost', '--model', TINY, '--acceptance', TINY);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no calibration\.json/);
  }, 120_000);
});
