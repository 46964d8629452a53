"""Bring your own checkpoint: a folder in Hugging Face layout, as CodeT5p-220m is
published (a T5 and a RoBERTa-style byte-level BPE: vocab.json + merges.txt,
<pad> 0, <s> 1, </s> 2, <unk> 3, <mask> 4, added <extra_id_N>, embeddings
padded past the tokenizer), goes through MEDUSA-1 heads training, the export
and `verispec generate`, as docs/training.md says."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import torch
from tokenizers import Tokenizer
from transformers import AutoTokenizer, RobertaTokenizerFast, T5Config, T5ForConditionalGeneration

from verispec_train import train
from verispec_train.codet5p_tokenizer import codet5p_like_tokenizer
from verispec_train.data import iterate, read_examples, token_batches
from verispec_train.export import package
from verispec_train.model import HeadsConfig, T5Medusa, head_variants
from verispec_train.model_tokenizer import model_tokenizer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"


def codet5p_tokenizer() -> RobertaTokenizerFast:
    rows = [json.loads(line) for line in (CORPUS / "train.jsonl").read_text().splitlines()]
    return codet5p_like_tokenizer([r["output"] for r in rows] + [r["instruction"] for r in rows], 403, extra_ids=3)


def pretrain(model: T5ForConditionalGeneration, tokenizer: RobertaTokenizerFast, steps: int) -> None:
    """A published checkpoint has been trained: a few steps, so it writes Verilog-like
    tokens rather than the unused embedding rows past the tokenizer."""
    examples = read_examples(CORPUS / "train.jsonl", tokenizer, tokenizer.eos_token_id)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    torch.manual_seed(0)
    step = 0
    while step < steps:
        for _, batch in iterate(examples, token_batches(examples, 4000, seed=step)):
            loss = model(input_ids=batch.input_ids, attention_mask=batch.attention_mask, labels=batch.labels).loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            if step == steps:
                break
    model.eval()


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("codet5p-tiny")
    tokenizer = codet5p_tokenizer()
    # CodeT5p's ids and config; the vocabulary padded past the tokenizer (T5's 32128 over 32100).
    config = T5Config(vocab_size=(len(tokenizer) + 63) // 64 * 64, d_model=48, d_kv=12, d_ff=96, num_layers=1, num_decoder_layers=1,
                      num_heads=4, dropout_rate=0.0, feed_forward_proj="relu", tie_word_embeddings=True,
                      pad_token_id=0, bos_token_id=1, eos_token_id=2, decoder_start_token_id=0)
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(config)
    pretrain(model, tokenizer, 16)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder, legacy_format=True)  # the hub layout: vocab.json + merges.txt, no tokenizer.json
    assert not (folder / "tokenizer.json").exists()
    return folder


def test_the_checkpoint_tokenizer_replaces_the_corpus_ids(checkpoint: Path, tmp_path: Path):
    tokenizer = model_tokenizer(CORPUS, checkpoint)
    assert (tokenizer.pad, tokenizer.eos, tokenizer.unk, tokenizer.frag) == (0, 2, 3, None)
    assert len(tokenizer) == 403 < T5ForConditionalGeneration.from_pretrained(checkpoint).config.vocab_size
    examples = tokenizer.examples(CORPUS / "train.jsonl")
    assert all(e.input_ids[0] == 1 and e.input_ids[-1] == 2 and e.labels[-1] == 2 for e in examples)
    assert max(max(e.labels) for e in examples) < 403
    # The project's own checkpoints keep the corpus's ids: a run's final (no tokenizer), train/state/ (the corpus's).
    assert model_tokenizer(CORPUS, tmp_path).checkpoint is None
    shutil.copy(CORPUS / "tokenizer.json", tmp_path / "tokenizer.json")
    assert model_tokenizer(CORPUS, tmp_path).checkpoint is None


def test_space_only_tokens_inside_a_fragment_are_not_fragment_ends(checkpoint: Path, tmp_path: Path):
    """RoBERTa's post-processor trims spaces off offsets: read untrimmed, the
    spaces in `a  =  b;` stay inside the one fragment."""
    row = {"instruction": "x", "input": "", "output": "a  =  b;", "fragments": [0, 8]}
    (tmp_path / "one.jsonl").write_text(json.dumps(row) + "\n")
    tokenizer = AutoTokenizer.from_pretrained(checkpoint)
    [example] = read_examples(tmp_path / "one.jsonl", tokenizer, tokenizer.eos_token_id)
    assert "Ġ" in tokenizer.convert_ids_to_tokens(example.labels)
    assert example.frag_end == [0] * (len(example.labels) - 2) + [1, 1]


def test_heads_export_and_generate_on_the_checkpoint(checkpoint: Path, tmp_path: Path):
    heads = tmp_path / "syntax"
    train.main(["--corpus", str(CORPUS), "--out", str(heads), "--mode", "medusa1", "--init", str(checkpoint), "--rule", "syntax",
                "--num-heads", "3", "--max-steps", "8", "--max-tokens", "3000", "--warmup", "2", "--eval-every", "1000", "--lr", "1e-2"])
    records = [json.loads(line) for line in (heads / "log.jsonl").read_text().splitlines()]
    assert records[-1]["loss/head1"] < records[0]["loss/head1"]
    assert head_variants(heads / "final") == ["syntax"]
    assert model_tokenizer(CORPUS, heads / "final").eos == 2  # the tokenizer travels with the weights
    trained = T5Medusa.from_pretrained(heads / "final", HeadsConfig(3), variant="syntax")
    frozen = T5ForConditionalGeneration.from_pretrained(checkpoint)
    assert all(torch.equal(a, b) for a, b in zip(trained.base.parameters(), frozen.parameters()))

    out = tmp_path / "package"
    package.main(["--base", str(checkpoint), "--heads", f"syntax={heads / 'final'}", "--corpus", str(CORPUS), "--out", str(out),
                  "--quantizations", "fp32", "--no-transformers-js", "--agreement-prompts", "2", "--expected-greedy", "2", "--max-heads", "3"])
    manifest = json.loads((out / "model.json").read_text())
    assert manifest["special_tokens"] == {"pad": 0, "eos": 2, "unk": 3, "frag": 0, "decoder_start": 0}
    assert manifest["architecture"]["vocab_size"] == 448
    assert manifest["greedy_agreement_with_fp32"]["fp32"]["identical"] == 1.0
    shipped = Tokenizer.from_file(str(out / "tokenizer.json"))
    [case, *_] = json.loads((out / "expected-greedy.json").read_text())["cases"]
    assert shipped.encode(case["spec"]).ids == case["input_ids"] and case["input_ids"][:1] == [1]

    # At temperature 0 every strategy writes PyTorch's greedy tokens (no names or grammar: PyTorch's greedy has neither).
    limit = 40
    expected = Tokenizer.from_file(str(out / "tokenizer.json")).decode(case["output_ids"][:limit], skip_special_tokens=True)
    assert expected.strip()
    for strategy in ("ntp", "syntax"):
        result = subprocess.run(["node", str(ROOT / "bin" / "verispec.mjs"), "generate", "--model", str(out), "--strategy", strategy,
                                 "--max-tokens", str(limit), "--names", "free", "--grammar", "off", case["spec"]], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected + "\n", strategy
