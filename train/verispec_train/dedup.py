"""Near-duplicate removal for real RTL with MinHash LSH (datasketch)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*|\d+|\S")
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def shingles(code: str, n: int = 5) -> set[bytes]:
    """Word n-grams of the code with comments dropped: licence headers and
    formatting do not make two modules different."""
    words = _WORD.findall(_COMMENT.sub(" ", code))
    if len(words) < n:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}


def minhash(code: str, num_perm: int) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=1)
    m.update_batch(list(shingles(code)))
    return m


def near_duplicates(texts: Sequence[str], threshold: float = 0.85, num_perm: int = 128) -> list[int]:
    """Indices of the texts to keep: the first of each group of near-duplicates
    (estimated Jaccard similarity of word 5-grams >= threshold), in input order."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    exact: set[str] = set()
    keep: list[int] = []
    for i, text in enumerate(texts):
        digest = hashlib.sha256(" ".join(_WORD.findall(_COMMENT.sub(" ", text))).encode()).hexdigest()
        if digest in exact:
            continue
        exact.add(digest)
        m = minhash(text, num_perm)
        if lsh.query(m):
            continue
        lsh.insert(str(i), m)
        keep.append(i)
    return keep
