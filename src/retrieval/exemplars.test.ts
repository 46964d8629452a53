import { describe, expect, it } from 'vitest';
import { buildExemplarStore, fittedExemplarInput, MAX_EXEMPLAR_CHARS, nearestExemplar, specWords, trimExemplar, withExemplar, type ExemplarRow } from './exemplars.js';

const ROWS: ExemplarRow[] = [
  { id: 'mux2-train-1', design: 'mux2:1', spec: 'A 4-bit 2-to-1 multiplexer: out is a when sel is 0, b when sel is 1.', code: 'module mux (input [3:0] a, b, input sel, output [3:0] out);\nendmodule\n' },
  { id: 'mux2-train-2', design: 'mux2:1', spec: 'Write a 2:1 multiplexer of 4-bit inputs a and b with select sel.', code: 'module mux (input [3:0] a, b, input sel, output [3:0] out);\nendmodule\n' },
  { id: 'counter-train-1', design: 'counter:1', spec: 'An 8-bit up counter with synchronous reset rst and enable en.', code: 'module counter (input clk, rst, en, output reg [7:0] q);\nendmodule\n' },
  { id: 'gray-train-1', design: 'gray:1', spec: 'Convert a 4-bit binary value to Gray code.', code: 'module bin2gray (input [3:0] b, output [3:0] g);\nendmodule\n' },
];

describe('exemplar ranking', () => {
  const store = buildExemplarStore(ROWS);

  it('splits a spec into lower-cased identifiers and numbers', () => {
    expect(specWords('A 4-bit Up_Counter, `cnt4`!')).toEqual(['a', '4', 'bit', 'up_counter', 'cnt4']);
  });

  it('finds the design whose spec shares the rarest words', () => {
    expect(nearestExemplar(store, 'a 16-bit counter with reset and enable')?.row.id).toBe('counter-train-1');
    expect(nearestExemplar(store, 'binary to gray code converter')?.row.id).toBe('gray-train-1');
  });

  it('never returns a row of the excluded design, and null when nothing is shared', () => {
    const found = nearestExemplar(store, 'a 2-to-1 multiplexer with select sel', 'mux2:1');
    expect(found?.row.design).not.toBe('mux2:1');
    expect(nearestExemplar(store, 'zzz qqq')).toBeNull();
    expect(nearestExemplar(buildExemplarStore([]), 'counter')).toBeNull();
  });

  it('scores rise with shared words and ties go to the earlier row', () => {
    const one = nearestExemplar(store, 'multiplexer')!;
    const two = nearestExemplar(store, 'multiplexer sel')!;
    expect(two.score).toBeGreaterThan(one.score);
    const twins = buildExemplarStore([{ ...ROWS[3]!, id: 'first' }, { ...ROWS[3]!, id: 'second' }]);
    expect(nearestExemplar(twins, 'gray code')?.row.id).toBe('first');
  });

  it('puts the trimmed exemplar after the spec, cut at a line end', () => {
    const long = Array.from({ length: 200 }, (_, i) => `  assign w${i} = a;`).join('\n');
    const trimmed = trimExemplar(long);
    expect(trimmed.length).toBeLessThanOrEqual(MAX_EXEMPLAR_CHARS);
    expect(trimmed.endsWith('\n')).toBe(true);
    expect(long.startsWith(trimmed)).toBe(true);
    expect(trimExemplar('module m;\nendmodule\n')).toBe('module m;\nendmodule\n');
    const input = withExemplar('An 8-bit counter.', ROWS[2]!.code);
    expect(input.startsWith('An 8-bit counter.\n\nA similar module:\nmodule counter')).toBe(true);
  });
});

describe('fittedExemplarInput', () => {
  const code = Array.from({ length: 60 }, (_, i) => `  assign w${i} = a${i} & b${i};`).join('\n');
  it('cuts the exemplar at line ends until the input fits, and gives the spec alone when nothing fits', () => {
    const spec = 'A module named and60.';
    expect(fittedExemplarInput(spec, code, () => true)).toBe(withExemplar(spec, code));
    const fitted = fittedExemplarInput(spec, code, (input) => input.length <= 600);
    expect(fitted.length).toBeLessThanOrEqual(600);
    expect(fitted.startsWith(withExemplar(spec, '').trimEnd())).toBe(true);
    expect(fitted.endsWith('\n')).toBe(true);
    expect(fitted.length).toBeGreaterThan(400);
    expect(fittedExemplarInput(spec, code, (input) => input === spec)).toBe(spec);
  });
});
