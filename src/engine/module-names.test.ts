import { describe, expect, it } from 'vitest';
import { moduleWords, namedModules } from './module-names.js';

describe('module names', () => {
  it('takes no heading or prose word for the name', () => {
    expect(namedModules('priority_arbiter:\nInterface:\n  req (input, 2 bits)')).toEqual(['priority_arbiter']);
    expect(namedModules('I need a Verilog module rom.\nNotes: one module only.')).toEqual(['rom']);
  });

  it('leaves the model any word of the spec but prose where the spec names no module', () => {
    expect(moduleWords(['a', 'flip', 'tff', 'the', 'clk'], [])).toEqual(['flip', 'tff', 'clk']);
    expect(moduleWords(['flip', 'tff'], ['tff'])).toEqual(['tff']);
  });
});
