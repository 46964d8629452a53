"""The retrieve-and-edit corpus (`verispec corpus exemplars`): every row's spec is followed by a train
design that is not its own, and its ids are the source corpus tokenizer's encoding of that text."""

import json
import subprocess
from pathlib import Path

from tokenizers import Tokenizer

from verispec_train.tokenizer import source_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
SEPARATOR = "\n\nA similar module:\n"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_every_row_reads_a_train_exemplar_of_another_design(tmp_path: Path):
    out = tmp_path / "exemplars"
    result = subprocess.run(["node", str(ROOT / "bin" / "verispec.mjs"), "corpus", "exemplars", "--corpus", str(CORPUS), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    train = {r["id"]: r for r in rows(CORPUS / "train.jsonl")}
    tokenizer = Tokenizer.from_file(str(out / "tokenizer.json"))
    assert tokenizer.to_str() == Tokenizer.from_file(str(CORPUS / "tokenizer.json")).to_str()
    for split in ("train", "validation", "test"):
        written = rows(out / f"{split}.jsonl")
        assert written, split
        for row in written:
            spec, exemplar_code = row["instruction"].split(SEPARATOR)
            exemplar = train[row["meta"]["exemplar"]]  # from the train split only
            full = exemplar["input"] + exemplar["output"] if exemplar["input"] else exemplar["output"]
            assert full.startswith(exemplar_code) and exemplar_code
            if row["source"] == "synthetic":
                assert (exemplar["meta"].get("family"), exemplar["meta"].get("combination"), exemplar["meta"].get("module")) != \
                    (row["meta"]["family"], row["meta"]["combination"], row["meta"]["module"])
            assert row["input_ids"] == tokenizer.encode(source_text(row["instruction"], row["input"])).ids
            assert spec.strip()
    # The held-out splits are the source corpus's, task for task (less those now too long to train on).
    assert {r["id"] for r in rows(out / "test.jsonl")} <= {r["id"] for r in rows(CORPUS / "test.jsonl")}
