import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
