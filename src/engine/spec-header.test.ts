import { expect, test } from 'vitest';
import { ansiPorts, specHeader } from './spec-header.js';
import { specNames, specReading } from './spec-names.js';

test('a header in the prose: a declaration shared by several names keeps its direction and width', () => {
  expect(specHeader('unsigned 8-bit comparator. module cmp8 (input [7:0] a, b, output eq, gt, lt)')).toEqual({
    module: 'cmp8',
    ports: [
      { name: 'a', direction: 'input', width: 8 }, { name: 'b', direction: 'input', width: 8 },
      { name: 'eq', direction: 'output', width: 1 }, { name: 'gt', direction: 'output', width: 1 }, { name: 'lt', direction: 'output', width: 1 },
    ],
  });
});

test('a pasted header: one port a line, comments with parentheses and brackets, type words, parameters with numeric ranges', () => {
  const spec = [
    '// pasted from our lib, please implement the body',
    'module csa3 #(parameter N = 8) (',
    '    input  wire [7:0] x, y,   // two (of three) operands',
    '    input  signed [0:7] z,',
    '    output reg [7:0] s,   // s[i] = x[i] ^ y[i] ^ z[i]',
    '    output [7:0] c    /* c[i] = majority(x[i], y[i], z[i]) */',
    ');',
  ].join('\n');
  expect(specHeader(spec)?.ports.map((p) => `${p.direction} ${p.width} ${p.name}`)).toEqual(['input 8 x', 'input 8 y', 'input 8 z', 'output 8 s', 'output 8 c']);
});

test('what is not a whole ANSI interface is left to the prose readers', () => {
  expect(specHeader('module mux4(a, b, c, d, sel, y); sel is 2 bits')).toBeNull(); // no directions
  expect(specHeader('module fifo #(parameter W = 8) (input [W-1:0] d, output [W-1:0] q)')).toBeNull(); // a parameter's width
  expect(specHeader('module a (input x, output y) and module b (input p, output q)')).toBeNull(); // two headers: which one?
  expect(specHeader('module m (input x, output y')).toBeNull(); // never closed
  expect(specHeader('a module (with ports) that counts')).toBeNull();
  expect(ansiPorts('input a, [3:0] b')).toBeNull(); // a range of its own needs a direction
  expect(ansiPorts('input a, a')).toBeNull();
  expect(ansiPorts('input wire')).toBeNull();
});

test('names from the spec hold the header to a pasted interface the prose readers would read in part', () => {
  const names = specNames('unsigned 8-bit comparator. module cmp8 (input [7:0] a, b, output eq, gt, lt)');
  expect(names.required).toEqual(['a', 'b', 'eq', 'gt', 'lt']);
  expect(names.widths.get('b')).toBe(8);
  expect(names.directions.get('lt')).toBe('output');
  expect(specReading('module csa3 (\n input [7:0] x, y,\n output [7:0] c // c[i] = x[i] & y[i]\n);')).toEqual({
    module: ['csa3'], held: true,
    ports: [{ name: 'x', direction: 'input', width: 8 }, { name: 'y', direction: 'input', width: 8 }, { name: 'c', direction: 'output', width: 8 }],
  });
  // A header of another module than the one the spec names is not this module's interface.
  expect(specNames('Call it top. It wraps module leaf (input [3:0] a, b, output [3:0] y).').required).toEqual([]);
  expect(specNames('It is module leaf (input [3:0] a, b, output [3:0] y).').required).toEqual(['a', 'b', 'y']);
});
