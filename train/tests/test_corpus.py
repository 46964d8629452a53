"""The corpus finishing step on the committed fixture (fixtures/corpus/raw)."""

import json
from pathlib import Path

import pytest
from tokenizers import Tokenizer

from verispec_train import corpus
from verispec_train.tokenizer import SPECIAL_TOKENS

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    corpus.main(["--raw", str(FIXTURE / "raw"), "--out", str(out), "--vocab-sizes", "400,600,900"])
    return out


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_outputs_and_special_tokens(built: Path):
    for name in ("train.jsonl", "validation.jsonl", "test.jsonl", "tokenizer.json", "stats.json", "stats.md"):
        assert (built / name).exists(), name
    tok = Tokenizer.from_file(str(built / "tokenizer.json"))
    assert [tok.token_to_id(t) for t in SPECIAL_TOKENS] == [0, 1, 2, 3]
    assert tok.encode("assign y = a;").ids[-1] == 1  # </s> appended


def test_every_example_has_one_flag_per_target_token(built: Path):
    tok = Tokenizer.from_file(str(built / "tokenizer.json"))
    for split in ("train", "validation", "test"):
        for row in rows(built / f"{split}.jsonl"):
            assert len(row["frag_end"]) == len(row["labels"])
            assert row["labels"][-1] == 1 and row["frag_end"][-1] == 1
            assert set(row["frag_end"]) <= {0, 1}
            assert tok.decode(row["labels"]) == row["output"]


def test_flags_agree_with_fragment_spans(built: Path):
    tok = Tokenizer.from_file(str(built / "tokenizer.json"))
    row = rows(built / "train.jsonl")[0]
    enc = tok.encode(row["output"])
    ends = {row["fragments"][i + 1] for i in range(0, len(row["fragments"]), 2)}
    starts = [row["fragments"][i] for i in range(0, len(row["fragments"]), 2)]
    for (s, e), flag in zip(enc.offsets[:-1], row["frag_end"][:-1]):
        inside = any(a < e < b for a, b in zip(starts, sorted(ends)))
        assert flag == (0 if inside else 1)
    assert 0 in row["frag_end"]  # some token of a real module ends mid-fragment


def test_test_split_is_synthetic_only_and_stats_add_up(built: Path):
    test_rows = rows(built / "test.jsonl")
    assert test_rows and all(r["source"] == "synthetic" for r in test_rows)
    stats = json.loads((built / "stats.json").read_text())
    for split in ("train", "validation", "test"):
        assert stats["examples"][split] == len(rows(built / f"{split}.jsonl"))
    assert stats["tokenizer"]["chosen"] in (400, 600, 900)
    assert set(stats["tokenizer"]["candidates"]) == {"400", "600", "900"}
    assert stats["synthetic"]["passRate"] == 1
    assert stats["dedup"]["after"] <= stats["dedup"]["before"]


def test_vocab_rule_stops_at_the_knee():
    m = {1000: {"tokens_per_char": 0.40}, 2000: {"tokens_per_char": 0.36}, 4000: {"tokens_per_char": 0.35}, 8000: {"tokens_per_char": 0.30}}
    assert corpus.choose_vocab(m) == 2000


def test_specs_past_the_source_limit_are_dropped_and_counted(built: Path):
    tokenizer = Tokenizer.from_file(str(built / "tokenizer.json"))
    example = rows(built / "train.jsonl")[0]
    short = {**example, "instruction": "x"}
    long = {**example, "instruction": "word " * 400}
    kept, dropped = corpus.annotate(tokenizer, [short, long], max_source=64)
    assert len(kept) == 1 and dropped["source_too_long"] == 1
    kept, dropped = corpus.annotate(tokenizer, [short, long], max_source=4096)
    assert len(kept) == 2 and not dropped
