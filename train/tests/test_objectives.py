"""The base loss's copy weighting: which tokens count as copied from the spec, and the weighted mean."""

import json
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from tokenizers import Tokenizer

from verispec_train import train
from verispec_train.data import Batch
from verispec_train.labels import IGNORE
from verispec_train.objectives import CopyWeight, base_loss, copied_positions, copyable_ids

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
TINY = json.dumps({"d_model": 32, "d_kv": 8, "d_ff": 64, "num_layers": 1, "num_decoder_layers": 1, "num_heads": 2, "dropout_rate": 0.0})


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer.from_file(str(CORPUS / "tokenizer.json"))


def test_names_and_digits_are_copyable_punctuation_spaces_and_special_tokens_are_not(tokenizer: Tokenizer):
    copyable = copyable_ids(tokenizer)
    assert copyable.shape[0] == tokenizer.get_vocab_size(with_added_tokens=True)
    for text in ("mux", "4"):
        assert all(copyable[i] for i in tokenizer.encode(text, add_special_tokens=False).ids), text
    for text in ("(", ";", " ", "\n\t"):
        assert not any(copyable[i] for i in tokenizer.encode(text, add_special_tokens=False).ids), repr(text)
    for special in ("<pad>", "</s>"):
        assert not copyable[tokenizer.token_to_id(special)]


def test_a_target_token_is_copied_only_if_its_own_row_has_it_in_the_source(tokenizer: Tokenizer):
    copyable = copyable_ids(tokenizer)
    name, other = (tokenizer.encode(t, add_special_tokens=False).ids[0] for t in ("mux", "count"))
    paren = tokenizer.encode("(", add_special_tokens=False).ids[0]
    sources = torch.tensor([[name, paren, 1], [other, 1, 0]])
    labels = torch.tensor([[name, paren, other, IGNORE], [name, other, 1, IGNORE]])
    assert copied_positions(labels, sources, copyable).tolist() == [[True, False, False, False], [False, True, False, False]]


def test_copy_weight_counts_copied_tokens_w_times_in_the_mean():
    torch.manual_seed(0)
    logits = torch.randn(1, 4, 10)
    labels = torch.tensor([[3, 5, 7, IGNORE]])
    batch = Batch(torch.tensor([[3, 9, 1]]), torch.ones(1, 3, dtype=torch.long), labels, torch.zeros(1, 4, dtype=torch.long))
    copyable = torch.ones(10, dtype=torch.bool)
    per_token = F.cross_entropy(logits[0, :3], labels[0, :3], reduction="none")
    assert base_loss(logits, batch) == pytest.approx(float(per_token.mean()))
    assert base_loss(logits, batch, CopyWeight(copyable, 1.0)) == pytest.approx(float(per_token.mean()))
    # Token 3 is in the source: it counts 4 times, the others once.
    expected = (4 * per_token[0] + per_token[1] + per_token[2]) / 6
    assert base_loss(logits, batch, CopyWeight(copyable, 4.0)) == pytest.approx(float(expected))


def test_a_copy_weighted_run_trains_and_validation_reports_copied_top1(tmp_path: Path):
    train.main(["--corpus", str(CORPUS), "--out", str(tmp_path), "--max-tokens", "3000", "--warmup", "2", "--eval-every", "1000",
                "--mode", "ntp", "--config", TINY, "--max-steps", "6", "--copy-weight", "3"])
    summary = json.loads((tmp_path / "final" / "train-ntp.json").read_text())
    assert 0.0 <= summary["validation"]["top1/copied"] <= 1.0
    assert json.loads((tmp_path / "args.json").read_text())["copy_weight"] == "3.0"
