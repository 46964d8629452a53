import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../../bin/verispec.mjs', import.meta.url).pathname;

async function verispec(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

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
