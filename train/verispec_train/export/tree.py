"""Candidate trees (MEDUSA's `medusa_choices`) grown from measured accuracy."""

from __future__ import annotations

import heapq
from collections.abc import Sequence


def grow_tree(accuracy: Sequence[Sequence[float]], nodes: int) -> list[list[int]]:
    """The `nodes` paths of top-k ranks with the highest expected acceptance,
    where a path's value is the product of accuracy[depth][rank] along it
    (head depth+1's rank-th choice is right). Greedy, as MEDUSA grows its
    trees; the result is sorted by length, then lexicographically."""
    heads, ranks = len(accuracy), len(accuracy[0]) if accuracy else 0
    frontier: list[tuple[float, tuple[int, ...]]] = [(-accuracy[0][0], (0,))] if heads and ranks else []
    chosen: list[tuple[int, ...]] = []
    seen: set[tuple[int, ...]] = set()
    while frontier and len(chosen) < nodes:
        negative, path = heapq.heappop(frontier)
        if path in seen:
            continue
        seen.add(path)
        chosen.append(path)
        value = -negative
        # The next sibling (one rank further down) and the first child (one head deeper).
        if path[-1] + 1 < ranks:
            sibling = path[:-1] + (path[-1] + 1,)
            heapq.heappush(frontier, (-(value / max(accuracy[len(path) - 1][path[-1]], 1e-12) * accuracy[len(path) - 1][path[-1] + 1]), sibling))
        if len(path) < heads:
            heapq.heappush(frontier, (-(value * accuracy[len(path)][0]), path + (0,)))
    return [list(p) for p in sorted(chosen, key=lambda p: (len(p), p))]
