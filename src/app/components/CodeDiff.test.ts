import { describe, expect, it } from 'vitest';
import { differingPair } from './CodeDiff.js';

describe('differingPair', () => {
  it('is null when every lane wrote the same code, else the first two that differ', () => {
    expect(differingPair(['a', 'a', 'a'])).toBeNull();
    expect(differingPair(['a', 'a', 'b'])).toEqual([0, 2]);
    expect(differingPair(['a', 'b', 'a'])).toEqual([0, 1]);
  });
});
