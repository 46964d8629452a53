"""A training-only copy of a built corpus, small enough to carry to a lent GPU machine.

Rows keep only what training reads (input_ids, labels, frag_end: the corpus build tokenized
them already); tokenizer.json and stats.json come along, and source.json records the full
files' sha256, so the checkpoints that come back are matched to the corpus they were trained on.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from verispec_train.hashing import sha256

FIELDS = ("input_ids", "labels", "frag_end")


def slim(corpus: Path, out: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "validation"):
        with (corpus / f"{split}.jsonl").open() as src, (out / f"{split}.jsonl").open("w") as dst:
            for line in src:
                row = json.loads(line)
                missing = [k for k in FIELDS if k not in row]
                if missing:
                    raise SystemExit(f"{corpus}/{split}.jsonl has rows without {missing}: rebuild it with 'verispec corpus build'")
                dst.write(json.dumps({k: row[k] for k in FIELDS}, separators=(",", ":")) + "\n")
    for name in ("tokenizer.json", "stats.json"):
        shutil.copy(corpus / name, out / name)
    source = {f"{split}.jsonl": sha256(corpus / f"{split}.jsonl") for split in ("train", "validation")}
    (out / "source.json").write_text(json.dumps(source, indent=1) + "\n")
    return source


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    print(json.dumps(slim(args.corpus, args.out)))


if __name__ == "__main__":
    main()
