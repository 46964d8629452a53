import { describe, expect, it } from 'vitest';
import { buildDatastore, draftFromStore } from './datastore.js';
import { lookupCandidates } from './lookup.js';

describe('datastore drafting', () => {
  const code = [
    [1, 2, 3, 10, 11, 12, 13],
    [1, 2, 3, 10, 11, 14],
    [7, 1, 2, 3, 10, 11, 12, 99],
  ];
  const store = buildDatastore(code, { ngram: 3, length: 6, perKey: 8 });

  it('drafts the path most stored continuations agree on, while two or more agree', () => {
    expect(draftFromStore(store, [5, 1, 2, 3], 8)).toEqual([10, 11, 12]);
    expect(draftFromStore(store, [1, 2, 3], 2)).toEqual([10, 11]);
  });

  it('drafts nothing for an unseen context or a single occurrence', () => {
    expect(draftFromStore(store, [4, 5, 6], 8)).toEqual([]);
    expect(draftFromStore(store, [11, 12, 13], 8)).toEqual([]);
    expect(draftFromStore(store, [2, 3], 8)).toEqual([]);
  });

  it('keeps at most perKey continuations a key', () => {
    const many = buildDatastore(Array.from({ length: 20 }, () => [1, 2, 3, 4]), { ngram: 2, perKey: 5 });
    expect(many.continuations.get(1 * 65536 + 2)).toHaveLength(5);
    expect(many.tokens).toBe(80);
  });

  it('is the lookup\'s fallback: the output and the spec first, then the store', () => {
    // [1, 2, 3] occurs earlier in the output: that wins.
    expect(lookupCandidates([1, 2, 3, 50, 1, 2, 3], [], { maxTokens: 4, store })).toEqual([50, 1, 2, 3]);
    // Not in the output or the spec: the store's draft.
    expect(lookupCandidates([9, 1, 2, 3], [], { maxTokens: 4, store })).toEqual([10, 11, 12]);
    expect(lookupCandidates([9, 1, 2, 3], [], { maxTokens: 4 })).toEqual([]);
  });
});
