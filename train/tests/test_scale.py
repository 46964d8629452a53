"""Randomly initialised packages of a given shape (verispec_train.scale), end to end on the fixture corpus."""

import json
import subprocess
from pathlib import Path

from tokenizers import Tokenizer

from verispec_train import scale
from verispec_train.codet5p_tokenizer import codet5p_like_tokenizer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"


def test_a_tiny_shape_exports_and_every_id_decodes(tmp_path: Path):
    record = scale.main(["--shape", "tiny", "--corpus", str(CORPUS), "--out", str(tmp_path), "--agreement-prompts", "2", "--accuracy-examples", "4"])
    manifest = json.loads((tmp_path / "package" / "model.json").read_text())
    d_model, d_kv, d_ff, layers, decoder_layers, heads, vocab, _ = scale.SHAPES["tiny"]
    arch = manifest["architecture"]
    assert (arch["d_model"], arch["d_kv"], arch["d_ff"], arch["num_layers"], arch["num_decoder_layers"], arch["num_heads"], arch["vocab_size"]) == \
        (d_model, d_kv, d_ff, layers, decoder_layers, heads, vocab)
    assert arch["parameters"] == record["parameters"] and arch["feed_forward_proj"] == "relu"
    assert manifest["special_tokens"] == {"pad": 0, "eos": 2, "unk": 3, "frag": 0, "decoder_start": 0}
    assert sorted(manifest["heads"]["variants"]) == ["syntax", "vanilla"]
    assert all(v["num_heads"] == 5 for v in manifest["heads"]["variants"].values())
    assert sorted(manifest["quantizations"]) == ["int8", "q4"]

    # Random weights may emit any id: each is a real token of the shipped tokenizer.
    shipped = Tokenizer.from_file(str(tmp_path / "package" / "tokenizer.json"))
    assert shipped.get_vocab_size(with_added_tokens=True) == vocab
    assert all(shipped.id_to_token(i) is not None for i in range(vocab))
    assert shipped.encode("a 4-bit counter").ids[0] == 1

    exported = json.loads((tmp_path / "export.json").read_text())
    assert set(exported["phases"]) == {"tokenizer", "init", "export"}
    assert exported["package_bytes"]["int8"]["graphs"] > exported["package_bytes"]["q4"]["graphs"] > 0

    # The engine loads it and decodes what it samples (any id, at temperature 1).
    result = subprocess.run(["node", str(ROOT / "bin" / "verispec.mjs"), "generate", "--model", str(tmp_path / "package"), "--strategy", "ntp",
                             "--temperature", "1", "--seed", "3", "--max-tokens", "24", "a 4-bit counter"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_tokenizer_has_exactly_the_vocabulary_size():
    texts = ["module m; endmodule", "assign a = b;"]
    tokenizer = codet5p_like_tokenizer(texts, 300, extra_ids=2)  # far more than these texts can merge
    assert len(tokenizer) == 300
    assert tokenizer.convert_ids_to_tokens([0, 1, 2, 3, 4, 298, 299]) == ["<pad>", "<s>", "</s>", "<unk>", "<mask>", "<extra_id_0>", "<extra_id_1>"]
    assert "<unused_0>" in tokenizer.get_vocab()
