/**
 * Candidate trees as plain data. A tree is given as MEDUSA's `medusa_choices`:
 * a list of paths of top-k ranks, `[1, 0]` = head 1's 2nd choice followed by
 * head 2's 1st choice. Node 0 is the root (the last committed token); node i
 * > 0 is one path. Every prefix of a path must be a path too.
 */
export type TreeChoices = readonly (readonly number[])[];

export interface TreeBuffers {
  /** Nodes, root included. */
  size: number;
  /** The rank path of each node ([] for the root), sorted by length, then lexicographically. */
  paths: number[][];
  /** Parent node of each node; -1 for the root. */
  parents: Int32Array;
  /** Depth of each node: root 0; the node's position is the committed length + depth. */
  depths: Int32Array;
  /** Which head (1-based depth) and rank give each node's token; root: -1. */
  ranks: Int32Array;
  /** Row-major [size, size]: 0 where a node sees a node (its ancestors, itself), -Infinity elsewhere. */
  ancestorBias: Float32Array;
  /** Node indices from root to each leaf, one row per leaf. */
  leafPaths: number[][];
  /** Deepest level (the number of heads the tree uses). */
  depth: number;
  /** Largest rank used plus one (the top-k the heads must give). */
  topK: number;
}

function compare(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Buffers for a tree; throws a RangeError naming the first bad path. */
export function buildTree(choices: TreeChoices): TreeBuffers {
  const paths = [...new Map(choices.map((p) => [p.join(','), [...p]])).values()].sort(compare);
  const index = new Map<string, number>([['', 0]]);
  paths.forEach((p, i) => {
    if (p.length === 0) throw new RangeError('a tree path must not be empty (the root is implicit)');
    if (p.some((r) => !Number.isInteger(r) || r < 0)) throw new RangeError(`tree path [${p}] has a rank that is not a non-negative integer`);
    if (!index.has(p.slice(0, -1).join(','))) throw new RangeError(`tree path [${p}] has no parent path [${p.slice(0, -1)}]`);
    index.set(p.join(','), i + 1);
  });
  const size = paths.length + 1;
  const parents = new Int32Array(size).fill(-1);
  const depths = new Int32Array(size);
  const ranks = new Int32Array(size).fill(-1);
  const ancestorBias = new Float32Array(size * size).fill(-Infinity);
  const allPaths: number[][] = [[], ...paths];
  for (let i = 0; i < size; i++) {
    const p = allPaths[i]!;
    depths[i] = p.length;
    if (i > 0) {
      parents[i] = index.get(p.slice(0, -1).join(','))!;
      ranks[i] = p[p.length - 1]!;
    }
    for (let j = i; j >= 0; j = parents[j]!) ancestorBias[i * size + j] = 0;
  }
  const hasChild = new Set(Array.from(parents).filter((p) => p >= 0));
  const leafPaths: number[][] = [];
  for (let i = 0; i < size; i++) {
    if (hasChild.has(i)) continue;
    const row: number[] = [];
    for (let j = i; j >= 0; j = parents[j]!) row.unshift(j);
    leafPaths.push(row);
  }
  return {
    size, paths: allPaths, parents, depths, ranks, ancestorBias, leafPaths,
    depth: Math.max(0, ...paths.map((p) => p.length)),
    topK: Math.max(0, ...paths.flat()) + 1,
  };
}

/** A chain of `depth` nodes, each head's first choice: the simplest speculation. */
export function chainTree(depth: number): number[][] {
  return Array.from({ length: depth }, (_, d) => Array<number>(d + 1).fill(0));
}

/**
 * The `nodes` paths with the highest expected acceptance, where a path's
 * value is the product of accuracy[depth][rank] along it (accuracy[k][r]:
 * how often head k+1's r-th choice is right). Greedy, as MEDUSA grows its
 * trees: a node is only added after its parent.
 */
export function growTree(accuracy: readonly (readonly number[])[], nodes: number): { choices: number[][]; expectedAccepted: number } {
  const heads = accuracy.length;
  const ranks = accuracy[0]?.length ?? 0;
  const frontier: { value: number; path: number[] }[] = heads && ranks ? [{ value: accuracy[0]![0]!, path: [0] }] : [];
  const chosen: number[][] = [];
  let expectedAccepted = 0;
  while (frontier.length > 0 && chosen.length < nodes) {
    let best = 0;
    for (let i = 1; i < frontier.length; i++) if (frontier[i]!.value > frontier[best]!.value) best = i;
    const { value, path } = frontier.splice(best, 1)[0]!;
    chosen.push(path);
    expectedAccepted += value;
    const depth = path.length - 1;
    const rank = path[depth]!;
    if (rank + 1 < ranks) frontier.push({ value: (value / Math.max(accuracy[depth]![rank]!, 1e-12)) * accuracy[depth]![rank + 1]!, path: [...path.slice(0, -1), rank + 1] });
    if (depth + 1 < heads) frontier.push({ value: value * accuracy[depth + 1]![0]!, path: [...path, 0] });
  }
  return { choices: chosen.sort(compare), expectedAccepted };
}

/**
 * How a lane's tree is chosen: `static`, the same tree every step (MEDUSA's
 * calibrated tree); `dynamic`, a tree of as many nodes grown each step from
 * the heads' own probabilities for that step (EAGLE-2's dynamic tree): deep
 * where the heads are sure, wide where they hesitate.
 */
export type TreeGrowth = 'static' | 'dynamic';
export const TREE_GROWTHS: readonly TreeGrowth[] = ['static', 'dynamic'];

/** A lane's tree as calibration picks it: the paths (for `dynamic`, only their count matters) and how it grows. */
export interface LaneTree {
  choices: number[][];
  growth: TreeGrowth;
}

/**
 * One step's dynamic tree: the `nodes` paths (root excluded) whose product
 * of head probabilities is highest, from the heads' log-probabilities
 * ([heads, topK] row-major, best first). A path's value is the chance that
 * every token on it is right, taking the heads as independent, which is what
 * growTree's accuracy table estimates for all steps at once.
 */
export function growStepTree(logprobs: ArrayLike<number>, heads: number, topK: number, nodes: number): number[][] {
  const probabilities = Array.from({ length: heads }, (_, h) => Array.from({ length: topK }, (_, r) => Math.exp(logprobs[h * topK + r]!)));
  return growTree(probabilities, nodes).choices;
}
