import { describe, expect, it } from 'vitest';
import { rangeRow, rangeSlot } from './ranges.js';
import { listedPorts, portWidths } from './spec-ports.js';
import { namedModules } from './module-names.js';
import { allows, declaredPorts, nameSlot, slotBias, type NameSlot } from './names.js';
import { specNames } from './spec-names.js';

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
    // A list begun without a direction (non-ANSI) goes on without one.
    expect(nameSlot('module mux2 (d0, ')).toEqual({ ...port, afterComma: true, spaced: true, listed: ['d0'], plain: true });
    expect(allows(nameSlot('module mux2 (d0, ')!, ' input', names)).toBe(false);
    expect(allows(nameSlot('module mux2 (')!, ' input', names)).toBe(true);
    // Names only: no range, no type word in a name-only list (`module register (clk, d, [0] logic`).
    expect(allows(nameSlot('module mux2 (d0, ')!, '[', names)).toBe(false);
    expect(allows(nameSlot('module mux2 (d0, ')!, ' wire', names)).toBe(false);
    expect(allows(nameSlot('module mux2 (d0, ')!, ' d1', names)).toBe(true);
    expect(nameSlot('module mux2 (d0')).toEqual({ ...port, partial: 'd0', afterComma: true });
    expect(nameSlot('module mux2 (d0, d1);\n')).toBeNull();
    expect(allows({ ...port, afterComma: true, listed: ['d0'] }, ' d0', names)).toBe(false);
  });

  it('finds port names after direction, type words and a range, not inside the range or past the declaration', () => {
    // After `wire` (or `reg`, `logic`) the declaration is typed: no second type may follow.
    // The declaration's width: its range's, 1 bit with none.
    expect(nameSlot('module mux2 (\n  input wire ')).toEqual({ ...port, direction: 'input', spaced: true, typed: true, width: 1 });
    expect(nameSlot('module mux2 (\n  input wire [15:0] ')).toEqual({ ...port, direction: 'input', named: true, spaced: true, typed: true, width: 16 });
    expect(nameSlot('module mux2 (\n  input wire [15:0] d')).toEqual({ ...port, direction: 'input', partial: 'd', named: true, typed: true, width: 16 });
    expect(nameSlot('module mux2 (\n  input wire [W-1:0] d')).toEqual({ ...port, direction: 'input', partial: 'd', named: true, typed: true });
    expect(allows({ ...port, typed: true }, ' reg', names)).toBe(false);
    // The next declaration after a comma is a new one: its own type.
    const afterComma = nameSlot('module mux2 (\n  input wire [15:0] d0,\n  ')!;
    expect(allows(afterComma, '\n  input wire', names)).toBe(true);
    expect(allows(nameSlot('module mux2 (\n  input wire [15:0] d0,\n  input')!, ' wire', names)).toBe(true);
    expect(nameSlot('  input [WIDTH-')).toBeNull();
    expect(nameSlot('  input wire inout')).toEqual({ ...port, direction: 'input', partial: 'inout', typed: true, width: 1 }); // a name begun, not a new declaration
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

  it('reads a name given at the end, as the top level, or on a line with its ports', () => {
    expect(namedModules('Count leading zeros of d. Ports: d, z. Call it lzc8.')).toEqual(['lzc8']);
    expect(namedModules('Shift the data left; name the module shl4, please')).toEqual(['shl4']);
    expect(namedModules('A 7-bit LFSR with output prbs_out.\nModule: prbs7.')).toEqual(['prbs7']);
    expect(namedModules('The top-level bcd2bin takes a BCD input d')).toEqual(['bcd2bin']);
    expect(namedModules('top module `vend15` of a vending machine')).toEqual(['vend15']);
    expect(namedModules('Verilog, please.\ndec: input [2:0] a, output [7:0] y')).toEqual(['dec']);
    expect(namedModules('asr8(din[7:0], shamt[2:0], dout[7:0]): arithmetic shift right')).toEqual(['asr8']);
  });

  it('takes no heading with its own words in brackets, and no sentence subject, for a name', () => {
    expect(namedModules('Ports (all 8 bits wide): a, b, y')).toEqual([]);
    expect(namedModules('Inputs: a, b\nOutputs: y')).toEqual([]);
    expect(namedModules('Counter is a 4-bit up counter with enable en')).toEqual([]);
    expect(namedModules('Keep the top of the stack in top_q; module stack4')).toEqual(['stack4']);
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
    // A port the spec lists (`d0[16]`) may name a port, the module's given name may not; no special
    // token, no other word, no separator before the name.
    expect(Array.from(row, (v) => v === 0)).toEqual([false, false, false, true, false, false, false, false]);
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


describe('ports the spec lists', () => {
  it('reads the usual shapes of a port list', () => {
    expect(listedPorts('in: d0[16], d1[16], sel; out: q[16]')).toEqual(['d0', 'd1', 'sel', 'q']);
    expect(listedPorts('| port | direction | width |\n| --- | --- | --- |\n| din | input | 8 |\n| y0 | output | 8 |')).toEqual(['din', 'y0']);
    expect(listedPorts('Interface:\n  a (input, 45 bits) - input 0\n  s (input, 2 bits) - select')).toEqual(['a', 's']);
    expect(listedPorts('The module has a 4-bit input a (data), a 1-bit input en (enable) and a 8-bit output out (result).')).toEqual(['a', 'en', 'out']);
    expect(listedPorts('decade counter: module bcd_counter with clk, reset (sync, active high), en, count[3:0], carry. counts 0..9')).toEqual(['clk', 'reset', 'en', 'count', 'carry']);
    expect(listedPorts('a 4-to-1 mux, 8 bits wide. module mux4(a, b, c, d, sel, y); sel is 2 bits')).toEqual(['a', 'b', 'c', 'd', 'sel', 'y']);
  });

  it('names ports only with listed or identifier-like words where the spec lists them, never the module', () => {
    const names = specNames('Design demux4 in Verilog.\nThe output numbered by s carries din.\n| port | direction | width |\n| --- | --- | --- |\n| din | input | 8 |\n| s | input | 2 |\n| y0 | output | 8 |');
    expect(names.portName.words.has('din')).toBe(true);
    expect(names.portName.words.has('in')).toBe(false); // "in Verilog": prose
    expect(names.portName.words.has('demux4')).toBe(false); // the module's name
    expect(names.portName.words.has('carries')).toBe(false);
    // Without a list, any word of the spec may name a port.
    expect(specNames('a mux that carries din to out').portName.words.has('carries')).toBe(true);
  });
});

describe('widths from the spec', () => {
  const spec = 'mux2:\nCombinational 2:1 mux of width 16.\nin: d0[16], d1[16], sel; out: q[16]\n| sel | input | 1 | select |';

  it('reads the widths the spec gives, none where it gives two', () => {
    expect(Object.fromEntries(portWidths(spec))).toEqual({ d0: 16, d1: 16, q: 16, sel: 1 });
    expect(Object.fromEntries(portWidths('- input [7:0] din: data\n- input en: enable\nThe module has a 4-bit output q (count).'))).toEqual({ din: 8, en: 1, q: 4 });
    expect(portWidths('q[7:0] shifts: q <= {q[6:0], q[7]}').has('q')).toBe(false);
    // A table's width stands against a part select in the prose.
    expect(portWidths('| q | output | 4 | state |\nTwisted ring: q <= {q[2:0], ~q[3]} every clock.').get('q')).toBe(4);
  });

  it('declares a port with its own width: the name after a range, and the range itself', () => {
    const names = specNames(spec);
    expect(allows(nameSlot('module mux2 (\n  input wire [15:0] ')!, ' sel', names)).toBe(false);
    expect(allows(nameSlot('module mux2 (\n  input wire [15:0] ')!, ' d0', names)).toBe(true);
    expect(allows(nameSlot('module mux2 (\n  input wire ')!, ' d0', names)).toBe(false); // 16 bits need a range
    expect(rangeSlot('module mux2 (\n  input wire [1')).toBe('1');
    expect(rangeSlot('module mux2 (\n  input wire [15:0] d0')).toBeNull();
    const pieces = ['15', ':0]', '1', '7', 'W', ''];
    const row = rangeRow('', [16, 1], pieces)!;
    expect(Array.from(row, (v) => v === 0)).toEqual([true, false, true, false, true, false]);
    expect(Array.from(rangeRow('15', [16, 1], pieces)!, (v) => v === 0)).toEqual([false, true, false, false, true, false]);
    expect(rangeRow('1', [16], ['5', '\n', ' ', '\t\t'])![1]).toBe(-Infinity); // no line break in a range
    expect(Array.from(rangeRow('1', [16], ['5', ' ', '\t5'])!)).toEqual([0, -Infinity, -Infinity]); // no space inside a number
    // Without a parameter declared, a letter names nothing there.
    expect(Array.from(rangeRow('', [16, 1], pieces, false)!, (v) => v === 0)).toEqual([true, false, true, false, false, false]);
  });
});
