import { describe, expect, test } from 'vitest';
import type { TaskMetadata } from '../corpus/task-files.js';
import { compareInterface, type YosysModules } from './interface.js';

const bits = (n: number) => Array.from({ length: n }, (_, i) => i + 2);
const expected: TaskMetadata = {
  module: 'fifo',
  parameters: [{ name: 'DEPTH', value: 16 }],
  ports: [{ name: 'clk', dir: 'input', width: 1 }, { name: 'din', dir: 'input', width: 8 }, { name: 'dout', dir: 'output', width: 8, signed: true }],
};
const good: YosysModules = {
  fifo: {
    ports: { clk: { direction: 'input', bits: bits(1) }, din: { direction: 'input', bits: bits(8) }, dout: { direction: 'output', bits: bits(8), signed: 1 } },
    parameter_default_values: { DEPTH: '00000000000000000000000000010000' },
  },
};

describe('the interface check', () => {
  test('accepts the asked-for module, ports and parameter defaults', () => {
    expect(compareInterface(expected, good)).toBeNull();
  });

  test('names the first difference', () => {
    const variant = (edit: (m: YosysModules['fifo']) => void) => {
      const copy = structuredClone(good);
      edit(copy.fifo!);
      return compareInterface(expected, copy);
    };
    expect(compareInterface(expected, { counter: good.fifo! })).toBe('no module named fifo (found counter)');
    expect(variant((m) => { m.ports.din!.bits = bits(4); })).toBe('port din: expected input [8 bits], got input [4 bits]');
    expect(variant((m) => { m.ports.dout!.direction = 'input'; })).toMatch(/^port dout: expected output/);
    expect(variant((m) => { delete m.ports.clk; })).toMatch(/^port clk is missing/);
    expect(variant((m) => { m.ports.en = { direction: 'input', bits: bits(1) }; })).toBe('unexpected port en');
    expect(variant((m) => { delete m.ports.dout!.signed; })).toBe('port dout should be signed');
    expect(variant((m) => { m.parameter_default_values = { DEPTH: '1000' }; })).toBe('parameter DEPTH: expected default 16, got 8');
    expect(variant((m) => { delete m.parameter_default_values; })).toBe('parameter DEPTH is missing');
  });
});
