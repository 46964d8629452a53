import { expect, test } from 'vitest';
import { accept } from './acceptance.js';
import { lookupCandidates, withChain } from './lookup.js';
import { buildTree } from './tree.js';

test('lookup: what followed the latest earlier match of the last tokens, in the output first, then the spec', () => {
  const spec = [10, 11, 12, 13, 14, 15];
  // "11 12" occurred in the spec: the tokens after it.
  expect(lookupCandidates([5, 11, 12], spec, { maxTokens: 3 })).toEqual([13, 14, 15]);
  // The output's own earlier "7 8" wins over the spec, and the latest occurrence is used.
  expect(lookupCandidates([7, 8, 1, 7, 8, 2, 7, 8], [7, 8, 9], { maxTokens: 2 })).toEqual([2, 7]);
  // The longest n-gram that matches decides.
  expect(lookupCandidates([3, 4, 5], [4, 5, 6, 9, 3, 4, 5, 7], { maxTokens: 1 })).toEqual([7]);
  // No match of at least minNgram tokens, a match at the very end, or lookup off: nothing.
  expect(lookupCandidates([99, 12], spec, { maxTokens: 3, minNgram: 2 })).toEqual([]);
  expect(lookupCandidates([14, 15], spec, { maxTokens: 3 })).toEqual([]);
  expect(lookupCandidates([11, 12], spec, { maxTokens: 0 })).toEqual([]);
  expect(lookupCandidates([9, 12], spec, { maxTokens: 2, minNgram: 1 })).toEqual([13, 14]);
});

test('a looked-up chain hangs from the root after the heads\' nodes, sees only its ancestors, and is accepted like any branch', () => {
  const heads = buildTree([[0], [1], [0, 0]]);
  const tree = withChain(heads, 3);
  expect(tree.size).toBe(7);
  expect(Array.from(tree.parents)).toEqual([-1, 0, 0, 1, 0, 4, 5]);
  expect(Array.from(tree.depths)).toEqual([0, 1, 1, 2, 1, 2, 3]);
  expect(tree.leafPaths).toContainEqual([0, 4, 5, 6]);
  const sees = (i: number) => Array.from(tree.ancestorBias.subarray(i * 7, i * 7 + 7), (b) => (b === 0 ? 1 : 0));
  expect(sees(6)).toEqual([1, 0, 0, 0, 1, 1, 1]);
  expect(sees(3)).toEqual([1, 1, 0, 1, 0, 0, 0]);
  // Greedy: the chain (tokens 20 21 22) matches the base's argmax all the way; the heads' branch only once.
  const tokens = [1, 20, 30, 40, 20, 21, 22];
  const argmax = [20, 99, 0, 0, 21, 22, 23];
  const { path } = accept(tree, { tokens, argmax, entropy: new Float32Array(7), parentLogprob: new Float32Array(7) }, { kind: 'greedy' });
  expect(path).toEqual([0, 4, 5, 6]);
  expect(withChain(heads, 0)).toBe(heads);
});
