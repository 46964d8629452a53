import { describe, expect, test } from 'vitest';
import { commitSlots } from './session.js';

describe('commitSlots: the kv_commit layout', () => {
  test('keeps the slots in use, appends the committed nodes in path order, fills the rest with row 0', () => {
    // 3 slots in use of 8; the step's nodes 0, 2 and 5 are committed: rows 8, 10 and 13 of [old ; nodes].
    expect(commitSlots(3, 8, [0, 2, 5], 4)).toEqual({ slots: [0, 1, 2, 8, 10, 13, 0, 0], capacity: 8 });
  });

  test('an exactly full buffer keeps its capacity', () => {
    expect(commitSlots(6, 8, [0, 1], 4).capacity).toBe(8);
  });

  test('grows by whole pages when the nodes do not fit', () => {
    const { slots, capacity } = commitSlots(7, 8, [0, 3, 4], 4);
    expect(capacity).toBe(12);
    expect(slots.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 11, 12]);
    expect(commitSlots(0, 0, [0], 64)).toEqual({ slots: [0, ...Array<number>(63).fill(0)], capacity: 64 });
    expect(commitSlots(60, 64, Array.from({ length: 70 }, (_, i) => i), 64).capacity).toBe(192);
  });
});
