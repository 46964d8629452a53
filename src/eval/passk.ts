/**
 * The unbiased pass@k estimator (Chen et al. 2021): the chance that at
 * least one of k samples drawn without replacement from n, of which c are
 * correct, passes: 1 - C(n-c, k) / C(n, k), computed as a product for
 * numerical stability.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!(Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k)) || n < 1 || c < 0 || c > n || k < 1 || k > n) {
    throw new RangeError(`pass@k needs 1 <= k <= n and 0 <= c <= n (n=${n}, c=${c}, k=${k})`);
  }
  if (n - c < k) return 1;
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i;
  return 1 - allFail;
}

/** The k of pass@k worth reporting for n samples: 1, 5, 10 (those up to n). */
export function reportedKs(n: number): number[] {
  return [1, 5, 10].filter((k) => k <= n);
}
