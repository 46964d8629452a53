"""The corpus carried to a GPU machine: token fields only, and the full files' hashes."""

import json
from pathlib import Path

import pytest

from verispec_train.data import read_examples
from verispec_train.hashing import sha256
from verispec_train.slim_corpus import slim

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


def test_slim_rows_train_the_same_and_name_their_source(tmp_path: Path):
    source = slim(CORPUS, tmp_path)
    assert source["train.jsonl"] == sha256(CORPUS / "train.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "train.jsonl").read_text().splitlines()]
    assert rows and all(set(r) == {"input_ids", "labels", "frag_end"} for r in rows)
    full, slimmed = read_examples(CORPUS / "train.jsonl"), read_examples(tmp_path / "train.jsonl")
    assert [(e.input_ids, e.labels, e.frag_end) for e in full] == [(e.input_ids, e.labels, e.frag_end) for e in slimmed]
    assert (tmp_path / "tokenizer.json").read_bytes() == (CORPUS / "tokenizer.json").read_bytes()


def test_a_corpus_without_token_ids_is_refused(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for split in ("train", "validation"):
        (raw / f"{split}.jsonl").write_text(json.dumps({"instruction": "x", "output": "y"}) + "\n")
    with pytest.raises(SystemExit, match="rebuild it"):
        slim(raw, tmp_path / "out")
