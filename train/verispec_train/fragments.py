"""Per-token fragment flags and boundary statistics.

The corpus (Node, src/syntax/) gives each output its fragment spans as
code-point offsets; here they meet the tokenizer's offsets. Python never
re-segments.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def pairs(flat: Sequence[int]) -> list[tuple[int, int]]:
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]


class FragmentIndex:
    """Fragment spans of one text (sorted, non-overlapping), for offset queries."""

    def __init__(self, flat_spans: Sequence[int]) -> None:
        spans = pairs(flat_spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def inside(self, offset: int) -> bool:
        """Whether `offset` falls strictly inside a fragment (a cut there splits it)."""
        i = bisect.bisect_right(self.starts, offset - 1) - 1  # last fragment starting before offset
        return i >= 0 and self.starts[i] < offset < self.ends[i]

    def overlapping(self, start: int, end: int) -> int:
        """How many fragments share a character with [start, end)."""
        if end <= start:
            return 0
        first = bisect.bisect_right(self.ends, start)  # first fragment ending after start
        last = bisect.bisect_left(self.starts, end)  # first fragment starting at/after end
        return max(0, last - first)


def fragment_end_flags(offsets: Sequence[tuple[int, int]], spans: Sequence[int]) -> list[int]:
    """1 where a token ends a fragment (its end is not strictly inside one),
    0 where the text after it would continue a fragment. Special tokens
    (empty offsets at the end) count as ends."""
    index = FragmentIndex(spans)
    return [0 if end > start and index.inside(end) else 1 for start, end in offsets]


def straddling_tokens(offsets: Sequence[tuple[int, int]], spans: Sequence[int]) -> int:
    """Tokens that hold characters of two or more fragments (the BPE/syntax
    mismatch the paper starts from)."""
    index = FragmentIndex(spans)
    return sum(1 for start, end in offsets if index.overlapping(start, end) >= 2)
