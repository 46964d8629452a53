import { emitModule, rangeOf, type Design, type DesignContext, type Port, type Reset, type Style } from './family.js';

/** What a testbench needs to know of the design under test besides its golden copy. */
export interface TestbenchPlan {
  module: string;
  /** Header order; each input's `stim` says how it is driven (default: random). */
  ports: Pick<Port, 'name' | 'dir' | 'width' | 'signed' | 'stim'>[];
  /** The clock port of a clocked design. */
  clock?: string;
  /** The reset of a clocked design (a clocked design without one runs from its initial state). */
  reset?: Reset;
  /** Cycles (clocked) or input vectors (combinational) to check; default 200. */
  cycles?: number;
  /** Seed of the testbench's $random stimulus. */
  seed: number;
}

/**
 * Writes a self-checking testbench: the reference design, renamed
 * `<module>_golden`, runs beside the design under test on the same seeded
 * random stimulus; every cycle (after reset) all outputs must be identical,
 * X and Z included. It prints one verdict line: `PASS: ...` or `FAIL: ...`.
 */
export function writeTestbench(design: Design, ctx: Pick<DesignContext, 'clk' | 'reset'>, style: Style, clocked: boolean, seed: number): string {
  const golden = emitModule({ ...design, module: `${design.module}_golden` }, style);
  return writeTestbenchFor(golden, {
    module: design.module, ports: design.ports, seed, cycles: design.cycles,
    clock: clocked ? ctx.clk : undefined, reset: clocked ? ctx.reset : undefined,
  });
}

/** The testbench for `plan` around `golden`, the reference's source with its module renamed `<module>_golden`. */
export function writeTestbenchFor(golden: string, plan: TestbenchPlan): string {
  const { module, ports, seed } = plan;
  const inputs = ports.filter((p) => p.dir === 'input');
  const outputs = ports.filter((p) => p.dir === 'output');
  const clk = plan.clock;
  const rst = plan.reset?.name ? plan.reset : undefined;
  const driven = inputs.filter((p) => p.name !== clk && p.name !== rst?.name);
  const cycles = plan.cycles ?? 200;
  if (clk && !rst) throw new Error(`${module}: a clocked design needs a reset for its testbench`);

  const decl = (p: TestbenchPlan['ports'][number], suffix = '') => `${rangeOf({ width: p.width })}${p.name}${suffix}`;
  const lines: string[] = ['`timescale 1ns/1ps', 'module tb;'];
  for (const p of inputs) lines.push(`  reg ${p.signed ? 'signed ' : ''}${decl(p)}${p.name === clk ? ' = 1\'b0' : ''};`);
  for (const p of outputs) lines.push(`  wire ${p.signed ? 'signed ' : ''}${decl(p, '_dut')}, ${p.name}_ref;`);
  const connect = (suffix: string) => ports
    .map((p) => `.${p.name}(${p.name}${p.dir === 'output' ? suffix : ''})`).join(', ');
  lines.push(`  ${module} dut (${connect('_dut')});`);
  lines.push(`  ${module}_golden golden (${connect('_ref')});`);
  if (clk) lines.push(`  always #5 ${clk} = ~${clk};`);
  lines.push(`  integer seed = ${seed};`);
  lines.push('  integer cycle, checks = 0, errors = 0, defined = 0;');

  const dutAll = `{${outputs.map((p) => `${p.name}_dut`).join(', ')}}`;
  const refAll = `{${outputs.map((p) => `${p.name}_ref`).join(', ')}}`;
  const shown = outputs.map((p) => `${p.name}=%h (expected %h)`).join(' ');
  const shownArgs = outputs.map((p) => `${p.name}_dut, ${p.name}_ref`).join(', ');
  lines.push(
    '  task check;',
    '    begin',
    '      checks = checks + 1;',
    `      if (${dutAll} !== ${refAll}) begin`,
    '        errors = errors + 1;',
    `        if (errors <= 5) $display("MISMATCH cycle %0d: ${shown}", cycle, ${shownArgs});`,
    '      end',
    `      if (^${refAll} !== 1'bx) defined = defined + 1;`,
    '    end',
    '  endtask',
    '  task drive;',
    '    begin',
    ...driven.map((p) => `      ${stimulusLine(p)}`),
    '    end',
    '  endtask',
  );

  lines.push('  initial begin');
  // Held inputs change only now and then: give them a value before the first check.
  for (const p of driven.filter((q) => q.stim?.kind === 'hold')) lines.push(`    ${p.name} = ${randomBits(p.width)};`);
  if (clk && rst) {
    const on = rst.activeLow ? "1'b0" : "1'b1";
    const off = rst.activeLow ? "1'b1" : "1'b0";
    lines.push(
      `    ${rst.name} = ${on};`,
      '    drive;',
      `    @(negedge ${clk}); @(negedge ${clk});`,
      `    ${rst.name} = ${off};`,
      `    for (cycle = 0; cycle < ${cycles}; cycle = cycle + 1) begin`,
      `      @(negedge ${clk});`,
      '      check;',
      '      drive;',
      // An occasional reset in mid-run checks the reset behaviour too, and a check
      // between the clock edges its timing: an asynchronous reset has acted by then,
      // a synchronous one not yet (a design that resets the other way fails).
      `      ${rst.name} = (($random(seed) & 63) == 0) ? ${on} : ${off};`,
      `      if (${rst.name} === ${on}) begin #1; check; end`,
      '    end',
    );
  } else {
    lines.push(
      `    for (cycle = 0; cycle < ${cycles}; cycle = cycle + 1) begin`,
      '      drive;',
      '      #5;',
      '      check;',
      '    end',
    );
  }
  lines.push(
    '    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);',
    '    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");',
    '    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);',
    '    $finish;',
    '  end',
    'endmodule',
  );
  return `${golden}\n${lines.join('\n')}\n`;
}

/** One random draw as wide as the port ($random gives 32 bits a call). */
function randomBits(width: number): string {
  const calls = Math.ceil(width / 32);
  return calls === 1 ? '$random(seed)' : `{${Array.from({ length: calls }, () => '$random(seed)').join(', ')}}`;
}

function stimulusLine(p: TestbenchPlan['ports'][number]): string {
  const s = p.stim ?? { kind: 'random' };
  switch (s.kind) {
    case 'random':
      return `${p.name} = ${randomBits(p.width)};`;
    case 'high':
      return `${p.name} = (($random(seed) & 1023) < ${Math.round(s.p * 1024)});`;
    case 'hold':
      return `if (($random(seed) & 1023) < ${Math.round(s.p * 1024)}) ${p.name} = ${randomBits(p.width)};`;
    case 'below':
      return `${p.name} = $unsigned($random(seed)) % ${s.max + 1};`;
  }
}

/** The script that runs a task: exit 0 and a PASS line when the design passes. */
export function writeRunScript(): string {
  return `#!/bin/sh
# Simulates testbench.v against reference.v, or against the file given as $1.
# Prints the verdict line; exits 0 on PASS. Needs Icarus Verilog (iverilog, vvp).
set -e
here=$(cd "$(dirname "$0")" && pwd)
dut=$(cd "$(dirname "\${1:-$here/reference.v}")" && pwd)/$(basename "\${1:-reference.v}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
iverilog -g2012 -o "$work/sim.vvp" "$here/testbench.v" "$dut"
timeout 60 vvp -n "$work/sim.vvp" > "$work/sim.log" || true
grep -E '^(PASS|FAIL)' "$work/sim.log" | tail -n 1
grep -q '^PASS' "$work/sim.log"
`;
}
