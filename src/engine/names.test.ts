import { describe, expect, it } from 'vitest';
import { allows, declaredPorts, namedModules, nameSlot, slotBias, specNames, type NameSlot } from './names.js';

const SPEC = 'mux2:\nCombinational 2:1 mux of width 16; sel low routes d0 to the output q, sel high routes d1.\nin: d0[16], d1[16], sel; out: q[16]';
const names = specNames(SPEC);
const port: NameSlot = { kind: 'port', partial: '', atKeyword: false, named: false, expectsName: true, afterComma: false, spaced: false, listed: [] };
const moduleSlot: NameSlot = { kind: 'module', partial: '', atKeyword: false, named: false, expectsName: false, afterComma: false, spaced: false, listed: [] };

describe('nameSlot', () => {
  it('finds the module name being written, then only the header may follow it', () => {
    expect(nameSlot('module')).toEqual({ ...moduleSlot, atKeyword: true });
    expect(nameSlot('module ')).toEqual({ ...moduleSlot, spaced: true });
    expect(nameSlot('module mu')).toEqual({ ...moduleSlot, partial: 'mu' });
    expect(nameSlot('module mux2 ')).toEqual({ ...moduleSlot, named: true, spaced: true });
    expect(nameSlot('endmodule\n')).toBeNull();
  });

  it('finds the port list, each name listed once', () => {
    expect(nameSlot('module mux2 #(parameter W = 8) (')).toEqual({ ...port, afterComma: true });
    expect(nameSlot('module mux2 (d0, ')).toEqual({ ...port, afterComma: true, spaced: true, listed: ['d0'] });
    expect(nameSlot('module mux2 (d0')).toEqual({ ...port, partial: 'd0', afterComma: true });
    expect(nameSlot('module mux2 (d0, d1);\n')).toBeNull();
    expect(allows({ ...port, afterComma: true, listed: ['d0'] }, ' d0', names)).toBe(false);
  });

  it('finds port names after direction, type words and a range, not inside the range or past the declaration', () => {
    expect(nameSlot('module mux2 (\n  input wire ')).toEqual({ ...port, spaced: true });
    expect(nameSlot('module mux2 (\n  input wire [15:0] ')).toEqual({ ...port, named: true, spaced: true });
    expect(nameSlot('module mux2 (\n  input wire [15:0] d')).toEqual({ ...port, partial: 'd', named: true });
    expect(nameSlot('  input [WIDTH-')).toBeNull();
    expect(nameSlot('  input wire inout')).toEqual({ ...port, partial: 'inout' }); // a name begun, not a new declaration
    expect(nameSlot('  input a;\n  input')).toEqual({ ...port, atKeyword: true }); // a new declaration
    expect(nameSlot('  input [7:0] a, b;\n  assign ')).toBeNull();
    expect(nameSlot('  output reg q = ')).toBeNull();
    expect(nameSlot('  input a, // the ')).toBeNull();
  });

  it('lets whitespace pad a name only once: a small model would pad forever', () => {
    expect(allows({ ...moduleSlot, atKeyword: true }, ' ', names)).toBe(true);
    expect(allows({ ...moduleSlot, spaced: true }, ' ', names)).toBe(false);
    expect(allows({ ...moduleSlot, spaced: true }, '\t\t', names)).toBe(false);
    expect(allows({ ...port, spaced: true }, ' d0', names)).toBe(true);
  });
});

describe('namedModules', () => {
  it('reads the name a spec gives its module, in the ways people write it', () => {
    expect(namedModules('simple 8-bit ALU, module alu8.')).toEqual(['alu8']);
    expect(namedModules('16-bit 2:1 mux called mux2 with inputs a, b')).toEqual(['mux2']);
    expect(namedModules('Module name: sub16.\nThe module has a 16-bit input x')).toEqual(['sub16']);
    expect(namedModules('Write a Verilog module named `subtract_27`.')).toEqual(['subtract_27']);
    expect(namedModules('Design spark in Verilog.\n1:4 demux')).toEqual(['spark']);
    expect(namedModules('rain_plum:\nA BCD (decade) counter')).toEqual(['rain_plum']);
    expect(namedModules('4 bit full adder add4 with carry in and carry out')).toEqual([]);
    expect(namedModules('Design FrameRay_9 in Verilog.\nThe module only subtracts.')).toEqual(['FrameRay_9']);
  });

  it('keeps the module to the given name, or to the spec\'s name-like words when none is given', () => {
    expect(allows(moduleSlot, ' add', specNames('Design spark in Verilog. Add a and b.'))).toBe(false);
    expect(allows(moduleSlot, ' add4', specNames('4 bit full adder add4 with carry in'))).toBe(true);
  });
});

describe('declaredPorts', () => {
  it('collects the complete port names, not the one being written', () => {
    expect([...declaredPorts('module m (\n  input wire [3:0] a, b,\n  output reg [3:0] q,\n  input c')]).toEqual(['a', 'b', 'q']);
  });
});

describe('allows', () => {
  it('keeps a port name to the spec words, on its way there or complete', () => {
    expect(allows(port, ' d', names)).toBe(true); // prefix of d0, d1
    expect(allows(port, ' d0,', names)).toBe(true);
    expect(allows(port, ' data,', names)).toBe(false);
    expect(allows(port, ' of,', specNames('the output of the mux, q'))).toBe(false); // prose
    expect(allows(port, ' a,', specNames('adds a and b'))).toBe(true);
    expect(allows({ ...port, partial: 'd' }, ',', names)).toBe(false); // would end the name as `d`
    expect(allows({ ...port, partial: 'd' }, '0', names)).toBe(true);
    expect(allows(port, ' wire', names)).toBe(true); // a type word, before the range
    expect(allows({ ...port, partial: 'wire' }, ' enable', names)).toBe(false); // and what follows it in the same token
    expect(allows({ ...port, partial: 'wire' }, ' d0', names)).toBe(true);
    expect(allows({ ...port, named: true, afterComma: true, partial: 'input' }, ' wire', names)).toBe(true); // a new declaration
    expect(allows(port, ' output', names)).toBe(false); // no direction after a direction
    expect(allows({ ...port, named: true }, ' reg', names)).toBe(false); // not after it
    expect(allows({ ...port, named: true }, ' output', names)).toBe(false); // nor a direction, but after a comma
    expect(allows({ ...port, named: true, afterComma: true }, '\n  output', names)).toBe(true);
    expect(allows(port, ' [', names)).toBe(true); // a range: no name yet
    expect(allows(port, '', names)).toBe(false); // no end of output mid-declaration
    expect(allows(port, ' ,', names)).toBe(false); // no empty name
    expect(allows({ ...port, named: true, expectsName: false }, ',', names)).toBe(true);
    expect(allows({ ...port, partial: 'd0' }, '(', names)).toBe(false); // a port name ends the declaration or lists the next
  });

  it('declares a port once', () => {
    expect(allows(port, ' d0,', names, new Set(['d0']))).toBe(false);
    expect(allows(port, ' d', names, new Set(['d0']))).toBe(true); // d1 is left
    expect(allows(port, ' d', names, new Set(['d0', 'd1']))).toBe(false);
  });

  it('never names the module after a prose word, and lets only the header follow the name', () => {
    expect(allows(moduleSlot, ' mux2', names)).toBe(true);
    expect(allows(moduleSlot, ' mux2_16', names)).toBe(false);
    expect(allows(moduleSlot, ' the', specNames('the adder named add4'))).toBe(false);
    expect(allows({ ...moduleSlot, atKeyword: true }, '5', names)).toBe(false); // `module5` would be no module at all
    expect(allows({ ...port, atKeyword: true }, '_q', names)).toBe(true); // `input_q`: a name in the body, not a declaration
    expect(allows({ ...moduleSlot, named: true }, ' (', names)).toBe(true);
    expect(allows({ ...moduleSlot, named: true }, ' mux', names)).toBe(false);
    expect(allows({ ...moduleSlot, partial: 'mux2' }, ',', names)).toBe(false);
  });
});

describe('slotBias and NameConstraint', () => {
  const pieces = ['', ' mux2', ' mux2_16', ' d0', ' data', ',', 'x', ' ('];
  it('rules out exactly the tokens that leave the spec', () => {
    const row = slotBias(port, names, pieces)!;
    // Any spec word may name a port; no special token, no other word, no separator before the name.
    expect(Array.from(row, (v) => v === 0)).toEqual([false, true, false, true, false, false, false, false]);
  });

  it('gives no row where nothing is allowed, so the model is never stuck', () => {
    expect(slotBias({ ...moduleSlot, partial: 'zz' }, names, [' q', 'y'])).toBeNull();
  });
});

describe('slotBias', () => {
  it('gives exactly what `allows` says of every token, though it checks only those that could pass', () => {
    const vocab = ['', ' ', '  ', '\n  ', ' (', '(', '(*', ' #(', ',', ',\n  ', ';', ');', ')', ' [', '[', '7', ':0]', ' d', 'd', '0', '1', ' d0', ' d1', 'd0,', ' sel', 'sel', 'el', ' q', 'q', ' mux', 'mux', '2', ' mux2', ' wire', 'wire', ' reg', ' input', 'input', ' output', '\n  input', ' in', 'put', ' data', ' s', ' enable', 'x', ' of', ' //'];
    const texts = ['module', 'module ', 'module mu', 'module mux2', 'module mux2 ', 'module mux2 (', 'module mux2 (d0, ', 'module mux2 (\n  input', 'module mux2 (\n  input wire',
      'module mux2 (\n  input wire ', 'module mux2 (\n  input wire [15:0] ', 'module mux2 (\n  input wire [15:0] d', 'module mux2 (\n  input wire [15:0] d0,\n  ', 'module mux2 (\n  input wire [15:0] d0,\n  input'];
    for (const text of texts) {
      const slot = nameSlot(text)!;
      for (const declared of [new Set<string>(), new Set(['d0'])]) {
        const row = slotBias(slot, names, vocab, declared);
        const brute = vocab.map((piece) => allows(slot, piece, names, declared));
        expect(row ? Array.from(row, (v) => v === 0) : vocab.map(() => false), `${JSON.stringify(text)} ${[...declared]}`).toEqual(brute.some(Boolean) ? brute : vocab.map(() => false));
      }
    }
  });
});

