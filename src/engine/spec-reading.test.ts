import { describe, expect, it } from 'vitest';
import { specReading } from './spec-names.js';

describe('specReading', () => {
  it('says the header is held where the spec declares every port with a direction and a width', () => {
    expect(specReading('Module name: mux2.\nPort list: input [15:0] d0, input [15:0] d1, input sel, output [15:0] q.')).toEqual({
      module: ['mux2'],
      ports: [{ name: 'd0', direction: 'input', width: 16 }, { name: 'd1', direction: 'input', width: 16 }, { name: 'sel', direction: 'input', width: 1 }, { name: 'q', direction: 'output', width: 16 }],
      held: true,
    });
  });

  it('gives what it found, not held, where a port lacks a direction or a width', () => {
    const reading = specReading('a 4-bit up counter with enable en; clock clk; output [3:0] q');
    expect(reading.held).toBe(false);
    expect(reading.module).toEqual([]);
    expect(reading.ports).toEqual([{ name: 'q', direction: 'output', width: 4 }]);
  });
});
