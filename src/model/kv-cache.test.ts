import { describe, expect, test } from 'vitest';
import { appendRows, commitSlots } from './kv-cache.js';

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

describe('appendRows: the in-memory commit', () => {
  /** What the kv_commit graph computes: [past ; present] gathered by commitSlots' slots, row by row. */
  function gathered(past: Float32Array, capacity: number, length: number, present: Float32Array, nodes: number[], rows: number, width: number, page: number): Float32Array {
    const { slots, capacity: next } = commitSlots(length, capacity, nodes, page);
    const t = present.length / (rows * width);
    const out = new Float32Array(rows * next * width);
    for (let r = 0; r < rows; r++) {
      slots.forEach((slot, s) => {
        const from = slot < capacity ? past.subarray((r * capacity + slot) * width, (r * capacity + slot + 1) * width) : present.subarray((r * t + slot - capacity) * width, (r * t + slot - capacity + 1) * width);
        out.set(from, (r * next + s) * width);
      });
    }
    return out;
  }
  const filled = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 1000) / 100);

  test.each([
    ['grows every commit (pages of one slot)', 5, 5, [0, 2, 3], 1],
    ['writes in place while the capacity holds', 3, 8, [1, 0], 4],
    ['grows by whole pages', 7, 8, [0, 3, 4], 4],
    ['starts from an empty cache', 0, 1, [0], 1],
  ])('%s: the slots in use equal the graph\'s gather', (_, length, capacity, nodes, page) => {
    const rows = 3, width = 4, t = 5;
    const past = filled(rows * capacity * width, 1);
    const before = past.slice();
    const present = filled(rows * t * width, 2);
    const want = gathered(before, capacity, length, present, nodes, rows, width, page);
    const { data, capacity: next } = appendRows(past, capacity, length, present, nodes, rows, width, page);
    expect(next).toBe(commitSlots(length, capacity, nodes, page).capacity);
    expect(data === past).toBe(next === capacity);
    const used = length + nodes.length;
    for (let r = 0; r < rows; r++) {
      expect(Array.from(data.subarray(r * next * width, (r * next + used) * width))).toEqual(Array.from(want.subarray(r * next * width, (r * next + used) * width)));
    }
  });
});
