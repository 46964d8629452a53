import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { failedVerdict } from './protocol.js';

/** Debian's yosys on a design, as the page's worker runs yosys in WebAssembly: its log. */
function yosysLog(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'verispec-yosys-'));
  writeFileSync(join(dir, 'design.v'), code);
  const run = spawnSync('yosys', ['-q', '-p', 'read_verilog -sv design.v; synth -auto-top'], { cwd: dir, encoding: 'utf8' });
  expect(run.status, 'this design must fail synthesis').not.toBe(0);
  return run.stdout + run.stderr;
}

test("yosys's error becomes the verdict, with the line of the design it names", () => {
  const verdict = failedVerdict(yosysLog('module m(input a, output y);\n  assign y = a;\n  assign z = b +;\nendmodule\n'), 'failed');
  expect(verdict).toEqual({ ok: false, message: "syntax error, unexpected ';'", line: 3 });
});

test('a failure without a line or a log keeps the reason and names no line', () => {
  expect(failedVerdict('', 'yosys exited with 1')).toEqual({ ok: false, message: 'yosys exited with 1' });
  expect(failedVerdict('ERROR: Module `\\top` not found!\n', 'x')).toEqual({ ok: false, message: 'Module `\\top` not found!' });
});
