import { describe, expect, it } from 'vitest';
import { verilogFileName } from './download.js';

describe('verilogFileName', () => {
  it('names the file after the first module', () => {
    expect(verilogFileName('module cnt4 (\n  input clk\n);\nendmodule\n', 'syntax')).toBe('cnt4.v');
    expect(verilogFileName('`timescale 1ns/1ps\nmodule  gray2bin#(parameter W=4)(input [W-1:0] g);\nendmodule', 'ntp')).toBe('gray2bin.v');
  });

  it('skips a module named in a comment, and falls back to the lane without a module', () => {
    expect(verilogFileName('// module old_name\nmodule new_name;\nendmodule', 'ntp')).toBe('new_name.v');
    expect(verilogFileName('/* module a */ assign x = y;', 'medusa')).toBe('medusa.v');
    expect(verilogFileName('', 'syntax')).toBe('syntax.v');
  });
});
