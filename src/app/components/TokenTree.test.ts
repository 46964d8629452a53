import { describe, expect, it } from 'vitest';
import type { StepEvent } from '../../engine/decode.js';
import { cutSteps, nodeRange } from './TokenTree.js';

// root "(" ; kept: "input" -> " clk" ; rejected: "output" ; cut: ";" under " clk"
const event = {
  strategy: 'syntax', step: 3,
  tree: { tokens: [10, 11, 12, 13, 14], parents: [-1, 0, 1, 0, 2], depths: [0, 1, 2, 1, 3], texts: ['(', 'input', ' clk', 'output', ';'], lookup: 0 },
  states: ['root', 'committed', 'committed', 'rejected', 'cut'],
  committed: [11, 12, 15], text: 'input clk,', stepMs: 1, phases: { forward: 1, accept: 0, commit: 0, heads: 0 }, masking: 'eager', tokens: 9, done: false,
} satisfies StepEvent;

describe('nodeRange', () => {
  it('puts a kept node on its own characters, after the kept nodes above it', () => {
    expect(nodeRange(event, 1, 20)).toEqual({ start: 20, end: 25 });
    expect(nodeRange(event, 2, 20)).toEqual({ start: 25, end: 29 });
  });

  it('puts any other node (rejected, cut, the root) on what its step added', () => {
    expect(nodeRange(event, 3, 20)).toEqual({ start: 20, end: 30 });
    expect(nodeRange(event, 4, 20)).toEqual({ start: 20, end: 30 });
    expect(nodeRange(event, 0, 0)).toEqual({ start: 0, end: 10 });
  });

  it('finds the steps with a cut', () => {
    expect(cutSteps([{ ...event, states: ['root', 'committed'] }, event])).toEqual([2]);
  });
});
