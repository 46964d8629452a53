import { describe, expect, test } from 'vitest';
import { passAtK, reportedKs } from './passk.js';

/** C(n, k) by the multiplicative formula, for the brute-force reference. */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

describe('pass@k', () => {
  test('matches 1 - C(n-c, k) / C(n, k) for every n <= 12', () => {
    for (let n = 1; n <= 12; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) expect(passAtK(n, c, k)).toBeCloseTo(1 - choose(n - c, k) / choose(n, k), 12);
      }
    }
  });

  test('edge cases: no correct sample, every sample, pass@1 is the share correct', () => {
    expect(passAtK(10, 0, 10)).toBe(0);
    expect(passAtK(10, 10, 1)).toBe(1);
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passAtK(10, 1, 10)).toBe(1);
  });

  test('refuses k above n and counts out of range', () => {
    expect(() => passAtK(5, 1, 10)).toThrow(RangeError);
    expect(() => passAtK(5, 6, 1)).toThrow(RangeError);
    expect(reportedKs(10)).toEqual([1, 5, 10]);
    expect(reportedKs(3)).toEqual([1]);
  });
});
