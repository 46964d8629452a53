import { describe, expect, test } from 'vitest';
import { accept } from './acceptance.js';
import { buildTree } from './tree.js';

// Root, [0], [1], [0,0], [0,1], [1,0]
const tree = buildTree([[0], [1], [0, 0], [0, 1], [1, 0]]);

describe('acceptance', () => {
  test('greedy accepts a node when it is the argmax at its parent, down the deepest path', () => {
    const scores = {
      tokens: [7, 20, 21, 30, 31, 32],
      argmax: [21, 99, 32, 0, 0, 5],
      entropy: [0, 0, 0, 0, 0, 0],
      parentLogprob: [0, -3, -0.1, -1, -1, -0.2],
    };
    const { accepted, path } = accept(tree, scores, { kind: 'greedy' });
    expect(accepted).toEqual([true, false, true, false, false, true]);
    expect(path).toEqual([0, 2, 5]);
  });

  test('nothing accepted leaves the root alone', () => {
    const scores = { tokens: [7, 1, 2, 3, 4, 5], argmax: [9, 9, 9, 9, 9, 9], entropy: [0, 0, 0, 0, 0, 0], parentLogprob: [0, 0, 0, 0, 0, 0] };
    expect(accept(tree, scores, { kind: 'greedy' }).path).toEqual([0]);
  });

  test('typical: threshold min(epsilon, alpha * exp(-H)); ties at one depth go to the likelier path', () => {
    const high = Math.log(0.5);
    const scores = {
      tokens: [7, 20, 21, 30, 31, 32],
      argmax: [0, 0, 0, 0, 0, 0],
      // At the root H = 5: threshold min(0.09, 0.3 * e^-5 = 0.002) = 0.002.
      entropy: [5, 0, 5, 0, 0, 0],
      parentLogprob: [0, Math.log(0.01), Math.log(0.003), high, high, Math.log(0.0025)],
    };
    const { accepted, path } = accept(tree, scores, { kind: 'typical', epsilon: 0.09, alpha: 0.3 });
    // Under [0] (H = 0): threshold 0.09, 0.5 passes. Under [1] (H = 5): 0.0025 passes 0.002.
    expect(accepted).toEqual([true, true, true, true, true, true]);
    expect(path).toEqual([0, 1, 3]);
  });
});
