import { describe, expect, test } from 'vitest';
import { buildTree, chainTree, growStepTree, growTree } from './tree.js';

const I = -Infinity;

describe('tree buffers', () => {
  test('a hand-worked tree: [0], [1], [0,0], [0,1], [1,0]', () => {
    const t = buildTree([[1, 0], [0], [0, 1], [1], [0, 0]]);
    expect(t.size).toBe(6);
    expect(t.paths).toEqual([[], [0], [1], [0, 0], [0, 1], [1, 0]]);
    expect(Array.from(t.parents)).toEqual([-1, 0, 0, 1, 1, 2]);
    expect(Array.from(t.depths)).toEqual([0, 1, 1, 2, 2, 2]);
    expect(Array.from(t.ranks)).toEqual([-1, 0, 1, 0, 1, 0]);
    const rows = Array.from({ length: 6 }, (_, i) => Array.from(t.ancestorBias.slice(i * 6, i * 6 + 6)));
    expect(rows).toEqual([
      [0, I, I, I, I, I],
      [0, 0, I, I, I, I],
      [0, I, 0, I, I, I],
      [0, 0, I, 0, I, I],
      [0, 0, I, I, 0, I],
      [0, I, 0, I, I, 0],
    ]);
    expect(t.leafPaths).toEqual([[0, 1, 3], [0, 1, 4], [0, 2, 5]]);
    expect(t.depth).toBe(2);
    expect(t.topK).toBe(2);
  });

  test('the empty tree is the root alone (NTP)', () => {
    const t = buildTree([]);
    expect(t.size).toBe(1);
    expect(Array.from(t.ancestorBias)).toEqual([0]);
    expect(t.leafPaths).toEqual([[0]]);
    expect(t.depth).toBe(0);
  });

  test('a chain, duplicates merged', () => {
    const t = buildTree([...chainTree(3), [0]]);
    expect(t.paths).toEqual([[], [0], [0, 0], [0, 0, 0]]);
    expect(Array.from(t.parents)).toEqual([-1, 0, 1, 2]);
  });

  test('bad trees are refused with the path named', () => {
    expect(() => buildTree([[0, 1]])).toThrow('tree path [0,1] has no parent path [0]');
    expect(() => buildTree([[]])).toThrow(/must not be empty/);
    expect(() => buildTree([[-1]])).toThrow(/non-negative integer/);
  });
});

describe('growing a tree from measured accuracy', () => {
  test('takes paths by the product of accuracies, parents first', () => {
    const accuracy = [[0.6, 0.1, 0.05], [0.4, 0.1, 0.05], [0.3, 0.1, 0.02]];
    const { choices, expectedAccepted } = growTree(accuracy, 6);
    // Values: [0] .6, [0,0] .24, [1] .1, [0,0,0] .072, [0,1] .06, [2] .05
    expect(choices).toEqual([[0], [1], [2], [0, 0], [0, 1], [0, 0, 0]]);
    expect(expectedAccepted).toBeCloseTo(0.6 + 0.24 + 0.1 + 0.072 + 0.06 + 0.05);
    expect(() => buildTree(choices)).not.toThrow();
    expect(growTree(accuracy, 0).choices).toEqual([]);
  });
});

describe('growStepTree', () => {
  test("goes deep where the heads are sure and wide where they hesitate, from one step's log-probabilities", () => {
    // Two heads, top 3: head 1 sure of its first choice, head 2 torn between two.
    const sure = [0.95, 0.03, 0.02, 0.9, 0.05, 0.05].map(Math.log);
    expect(growStepTree(sure, 2, 3, 2)).toEqual([[0], [0, 0]]);
    const torn = [0.5, 0.45, 0.05, 0.3, 0.3, 0.4].map(Math.log);
    expect(growStepTree(torn, 2, 3, 2)).toEqual([[0], [1]]);
    // Every path's parent is in the tree, so it builds.
    expect(() => buildTree(growStepTree(torn, 2, 3, 6))).not.toThrow();
    expect(growStepTree(torn, 2, 3, 0)).toEqual([]);
  });
});
