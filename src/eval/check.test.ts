import { beforeAll, describe, expect, test } from 'vitest';
import { familyByName } from '../corpus/families/index.js';
import { makeTask } from '../corpus/task.js';
import type { TaskFiles } from '../corpus/task-files.js';
import type { VerilogSyntax } from '../syntax/index.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { checkDesign, failedChecks, type CheckOptions } from './check.js';

let syntax: VerilogSyntax;
let task: TaskFiles;
const options: CheckOptions = { timeoutMs: 3_000, synth: true };

beforeAll(async () => {
  syntax = await loadSyntaxNode();
  const t = makeTask(familyByName('counter_up'), 2, 'test');
  task = { id: t.id, spec: t.spec, testbench: t.testbench, reference: t.reference, metadata: t.metadata };
});

/** The reference's header (through `);`) with a new body. */
const withBody = (body: string) => `${task.reference!.slice(0, task.reference!.indexOf(');') + 2)}\n${body}\nendmodule\n`;

describe('checkDesign', () => {
  test('the reference passes every check', async () => {
    const v = await checkDesign(task.reference!, task, syntax, options);
    expect(failedChecks(v)).toEqual([]);
    expect(v.interface).not.toBeNull();
    expect(v.synth).not.toBeNull();
  });

  test('a design that computes the wrong thing fails only the function check', async () => {
    const wrong = task.reference!.replace(/\+ (\d+'d)1\b/, '+ $12');
    expect(wrong).not.toBe(task.reference);
    const v = await checkDesign(wrong, task, syntax, options);
    expect(failedChecks(v)).toEqual(['function']);
    expect(v.function.message).toMatch(/^FAIL: \d+ of \d+ checks mismatched/);
  });

  test('a design that never lets the simulation advance times out instead of hanging the run', async () => {
    const output = task.metadata!.ports.find((p) => p.dir === 'output')!.name;
    const hanging = withBody(`  reg spin = 1'b0;\n  always @(posedge ${task.metadata!.clock}) while (1) spin = ~spin;\n  assign ${output} = 0;`).replace(/output\s+reg/, 'output');
    const started = Date.now();
    const v = await checkDesign(hanging, task, syntax, { ...options, synth: false });
    expect(v.syntax.ok).toBe(true);
    expect(v.function).toEqual({ ok: false, message: 'TIMEOUT after 3 s' });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('a design that prints its own verdict is refused, not simulated', async () => {
    const cheat = task.reference!.replace(/endmodule\s*$/, '  initial begin $display("PASS: 1 checks"); $finish; end\nendmodule\n');
    const v = await checkDesign(cheat, task, syntax, options);
    expect(v.function).toEqual({ ok: false, message: 'the design calls $display, which a design under test may not' });
  });

  test('a syntax error fails syntax and is not simulated; a renamed module fails the interface', async () => {
    const broken = task.reference!.replace('endmodule', 'end module');
    const v = await checkDesign(broken, task, syntax, options);
    expect(v.syntax.ok).toBe(false);
    expect(v.syntax.message).toMatch(/^iverilog: line \d+/);
    expect(v.function.message).toBe('not simulated: iverilog rejects the design');
    const renamed = task.reference!.replace(`module ${task.metadata!.module}`, 'module something_else');
    const r = await checkDesign(renamed, task, syntax, options);
    expect(r.interface).toEqual({ ok: false, message: `no module named ${task.metadata!.module} (found something_else)` });
    expect(r.synth!.ok).toBe(true);
  });

  test('a design that declares a huge memory fails within the time and memory limits', async () => {
    const output = task.metadata!.ports.find((p) => p.dir === 'output')!.name;
    const huge = withBody(`  reg [4095:0] mem [0:(1<<24)-1];\n  initial mem[5] = 0;\n  assign ${output} = mem[5];`).replace(/output\s+reg/, 'output');
    const started = Date.now();
    const v = await checkDesign(huge, task, syntax, { ...options, synth: false });
    expect(v.syntax.ok).toBe(false);
    expect(v.function.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
