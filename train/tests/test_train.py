"""A few training steps on the fixture corpus, every mode, both starting points."""

import json
from pathlib import Path

import numpy
import pytest
import torch
from tokenizers import Tokenizer
from transformers import PreTrainedTokenizerFast, T5ForConditionalGeneration

from verispec_train import objectives, train
from verispec_train.data import iterate, read_examples, token_batches
from verispec_train.model import HeadsConfig, T5Medusa, head_variants, small_config
from verispec_train.tokenizer import train_tokenizer

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
TINY = json.dumps({"d_model": 32, "d_kv": 8, "d_ff": 64, "num_layers": 1, "num_decoder_layers": 1, "num_heads": 2, "dropout_rate": 0.0})


def run(out: Path, *extra: str) -> None:
    train.main(["--corpus", str(CORPUS), "--out", str(out), "--max-tokens", "3000", "--warmup", "2", "--eval-every", "1000", "--seed", "1", *extra])


def log(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ntp")
    run(out, "--mode", "ntp", "--config", TINY, "--max-steps", "40", "--lr", "3e-3")
    return out


def test_ntp_steps_reduce_the_loss_and_save_a_checkpoint(base: Path):
    losses = [r["loss/base"] for r in log(base) if "loss/base" in r]
    assert len(losses) == 40
    assert sum(losses[-5:]) / 5 < sum(losses[:5]) / 5 - 0.5
    assert (base / "final" / "config.json").exists() and (base / "checkpoint.pt").exists()
    summary = json.loads((base / "final" / "train-ntp.json").read_text())
    assert summary["steps"] == 40 and summary["validation"]["loss/base"] < 6.5


def test_a_stage_past_its_minutes_stops_and_saves_what_it_has(tmp_path: Path):
    out = tmp_path / "capped"
    run(out, "--mode", "ntp", "--config", TINY, "--max-steps", "200", "--max-minutes", "1e-9")
    # The clock is read every 25 steps (on every process at once), so the first check stops it.
    summary = json.loads((out / "final" / "train-ntp.json").read_text())
    assert summary["steps"] == 25
    assert (out / "final" / "config.json").exists()


def test_the_cpu_clock_counts_cpu_time_over_threads_not_waiting(tmp_path: Path):
    import time

    clock = train.training_clock("cpu")
    before = clock()
    time.sleep(0.3)  # waiting (a busy machine's other work) does not count
    assert clock() - before < 0.05
    x = torch.randn(256, 256)
    spent = time.process_time()
    while time.process_time() - spent < 0.2:
        x = (x @ x).tanh()
    assert clock() - before >= 0.2 / torch.get_num_threads() - 0.01
    out = tmp_path / "cpu-capped"
    run(out, "--mode", "ntp", "--config", TINY, "--max-steps", "200", "--max-minutes", "1e-9", "--clock", "cpu")
    assert json.loads((out / "final" / "train-ntp.json").read_text())["steps"] == 25


def test_resume_continues_from_the_checkpoint(base: Path, tmp_path: Path):
    out = tmp_path / "resumed"
    run(out, "--mode", "ntp", "--config", TINY, "--max-steps", "3")
    run(out, "--mode", "ntp", "--config", TINY, "--max-steps", "5", "--resume")
    steps = [r["step"] for r in log(out) if "loss" in r]
    assert steps == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("rule", ["vanilla", "syntax", "syntax-frag"])
def test_medusa1_trains_heads_only_on_the_frozen_base(base: Path, tmp_path: Path, rule: str):
    out = tmp_path / rule
    run(out, "--mode", "medusa1", "--init", str(base / "final"), "--rule", rule, "--num-heads", "3", "--max-steps", "12", "--lr", "1e-2")
    records = [r for r in log(out) if "loss/head1" in r]
    assert records[-1]["loss/head1"] < records[0]["loss/head1"]
    assert head_variants(out / "final") == [rule]
    trained = T5Medusa.from_pretrained(out / "final", HeadsConfig(3), variant=rule)
    frozen = T5ForConditionalGeneration.from_pretrained(base / "final")
    for a, b in zip(trained.base.parameters(), frozen.parameters()):
        assert torch.equal(a, b)
    assert any(float(block.linear.weight.detach().abs().sum()) > 0 for block in trained.heads.blocks)


def test_chained_heads_start_as_the_base_and_learn(base: Path, tmp_path: Path):
    out = tmp_path / "chained"
    run(out, "--mode", "medusa1", "--init", str(base / "final"), "--chained", "--num-heads", "3", "--max-steps", "12", "--lr", "1e-2")
    records = [r for r in log(out) if "loss/head1" in r]
    assert records[-1]["loss/head1"] < records[0]["loss/head1"]
    trained = T5Medusa.from_pretrained(out / "final", HeadsConfig(3), variant="vanilla")
    assert trained.heads.config.chained and any(float(t.weight.detach().abs().sum()) > 0 for t in [*trained.heads.token_inputs, *trained.heads.chain_inputs])
    fresh = T5Medusa.from_pretrained(base / "final", HeadsConfig(3, chained=True))
    examples = read_examples(CORPUS / "validation.jsonl")[:2]
    _, batch = next(iterate(examples, token_batches(examples, 3000, seed=0, shuffle=False)))
    inputs = torch.zeros_like(batch.labels).clamp(min=0)
    with torch.no_grad():
        logits, head_logits = fresh(batch.input_ids, batch.attention_mask, inputs, labels=batch.labels)
    # Zero-initialised, every head of a new chain is the base.
    assert torch.allclose(head_logits[2], logits, atol=1e-5)


def test_chained_heads_start_as_the_medusa_heads_they_continue(base: Path, tmp_path: Path):
    medusa, chained = tmp_path / "medusa", tmp_path / "chained"
    run(medusa, "--mode", "medusa1", "--init", str(base / "final"), "--num-heads", "2", "--max-steps", "3", "--lr", "1e-2")
    # Asked for a chain where the saved heads are MEDUSA's: the chain starts as those heads.
    run(chained, "--mode", "medusa1", "--init", str(base / "final"), "--init-heads", str(medusa / "final"), "--chained", "--num-heads", "2", "--max-steps", "1", "--lr", "0")
    start = T5Medusa.from_pretrained(medusa / "final", HeadsConfig(2), variant="vanilla")
    chain = T5Medusa.from_pretrained(chained / "final", HeadsConfig(2), variant="vanilla")
    assert chain.heads.config.chained and not start.heads.config.chained
    examples = read_examples(CORPUS / "validation.jsonl")[:2]
    _, batch = next(iterate(examples, token_batches(examples, 3000, seed=0, shuffle=False)))
    inputs = torch.zeros_like(batch.labels).clamp(min=0)
    with torch.no_grad():
        assert torch.allclose(start(batch.input_ids, batch.attention_mask, inputs)[1], chain(batch.input_ids, batch.attention_mask, inputs, labels=batch.labels)[1], atol=1e-5)
    # Saved chained heads continue as a chain, flag or not.
    continued = tmp_path / "continued"
    run(continued, "--mode", "medusa1", "--init", str(base / "final"), "--init-heads", str(chained / "final"), "--num-heads", "2", "--max-steps", "1", "--lr", "0")
    a, b = chain.heads.state_dict(), T5Medusa.from_pretrained(continued / "final", HeadsConfig(2), variant="vanilla").heads.state_dict()
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_medusa2_trains_base_and_heads_jointly(base: Path, tmp_path: Path):
    out = tmp_path / "m2"
    run(out, "--mode", "medusa2", "--init", str(base / "final"), "--rule", "syntax", "--num-heads", "2", "--own-projection", "--max-steps", "4")
    trained = T5Medusa.from_pretrained(out / "final", HeadsConfig(2, shared_projection=False), variant="syntax")
    frozen = T5ForConditionalGeneration.from_pretrained(base / "final")
    assert any(not torch.equal(a, b) for a, b in zip(trained.base.parameters(), frozen.parameters()))
    assert len(trained.heads.projections) == 2


def test_head_loss_weights_follow_the_paper():
    assert objectives.head_loss_weight("medusa2", 0, 100, 1) == 0
    assert objectives.head_loss_weight("medusa2", 100, 100, 1) == pytest.approx(0.2 * 0.8)
    assert objectives.head_loss_weight("medusa2", 100, 100, 3) == pytest.approx(0.2 * 0.8**3)
    assert objectives.head_loss_weight("medusa1", 7, 100, 4) == 1


def test_hugging_face_checkpoint_with_its_own_tokenizer(tmp_path: Path):
    """The hub path (Salesforce/codet5p-220m) is the save_pretrained path: a
    tiny T5 with a tokenizer of its own; the corpus is re-encoded with it and
    the fragment spans mapped through its offsets."""
    rows = [json.loads(line) for line in (CORPUS / "train.jsonl").read_text().splitlines()]
    own = train_tokenizer([r["output"] for r in rows] + [r["instruction"] for r in rows], 300)
    hf_tokenizer = PreTrainedTokenizerFast(tokenizer_object=own, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
    checkpoint = tmp_path / "hub-model"
    T5ForConditionalGeneration(small_config(own.get_vocab_size(), **json.loads(TINY))).save_pretrained(checkpoint)
    hf_tokenizer.save_pretrained(checkpoint)
    corpus_tokenizer = Tokenizer.from_file(str(CORPUS / "tokenizer.json"))
    assert own.get_vocab_size() != corpus_tokenizer.get_vocab_size()

    examples = read_examples(CORPUS / "train.jsonl", hf_tokenizer, eos_id=1)
    first = rows[0]
    assert own.decode(examples[0].labels) == first["output"] and examples[0].labels[-1] == 1
    assert len(examples[0].frag_end) == len(examples[0].labels) and 0 in examples[0].frag_end

    out = tmp_path / "from-hub"
    run(out, "--mode", "medusa1", "--init", str(checkpoint), "--rule", "syntax", "--num-heads", "2", "--max-steps", "3")
    assert head_variants(out / "final") == ["syntax"]


def test_trained_model_exports_a_package(base: Path, tmp_path: Path):
    from verispec_train.export.package import build, sha256

    heads_dir = tmp_path / "syntax"
    run(heads_dir, "--mode", "medusa1", "--init", str(base / "final"), "--rule", "syntax", "--num-heads", "3", "--max-steps", "3")
    out = tmp_path / "package"
    manifest = build(base / "final", {"syntax": heads_dir / "final"}, CORPUS, out, ["fp32", "int8"], "test", 3, transformers_js=True)
    assert manifest["quantizations"]["int8"]["heads"] == {"syntax": "heads-syntax.int8.onnx"}
    assert manifest["heads"]["variants"]["syntax"]["num_heads"] == 3
    assert len(manifest["heads"]["variants"]["syntax"]["rank_accuracy"]) == 3
    # --max-heads: the graph computes only the first heads, and the tree stays within them.
    fewer = build(base / "final", {"syntax": heads_dir / "final"}, CORPUS, tmp_path / "fewer", ["fp32"], "test", 1, transformers_js=False, max_heads=2, max_source_tokens=1024)
    assert manifest["architecture"]["max_source_tokens"] == 512 and fewer["architecture"]["max_source_tokens"] == 1024
    variant = fewer["heads"]["variants"]["syntax"]
    assert variant["num_heads"] == 2 and len(variant["rank_accuracy"]) == 2
    assert max(len(path) for path in variant["default_tree"]) <= 2
    import onnxruntime
    session = onnxruntime.InferenceSession(str(tmp_path / "fewer" / "heads-syntax.onnx"))
    ids = session.run(None, {"hidden": numpy.zeros((1, 32), numpy.float32)})[0]
    assert ids.shape[0] == 2
    assert manifest["greedy_agreement_with_fp32"]["fp32"]["identical"] == 1.0
    for f in manifest["files"]:
        assert sha256(out / f["path"]) == f["sha256"], f["path"]
    assert (out / "transformers.js" / "onnx" / "decoder_model_merged_quantized.onnx").exists()


@pytest.mark.parametrize("mode,rule", [("ntp", "vanilla"), ("medusa1", "vanilla"), ("medusa2", "syntax")])
def test_a_step_builds_every_tensor_on_the_model_device(mode: str, rule: str):
    """The GPU path, checked on a CPU-only machine: on PyTorch's `meta` device
    any tensor a step makes on the CPU instead (an unmoved batch, the head
    labels) fails with "Expected all tensors to be on the same device"."""
    tokenizer = Tokenizer.from_file(str(CORPUS / "tokenizer.json"))
    examples = read_examples(CORPUS / "train.jsonl", None, tokenizer.token_to_id("</s>"), None)
    config = small_config(tokenizer.get_vocab_size(), **json.loads(TINY))
    model = T5Medusa.from_scratch(config, HeadsConfig(0 if mode == "ntp" else 3)).to("meta")
    _, cpu_batch = next(iter(iterate(examples, token_batches(examples, 3000, seed=0))))
    batch = cpu_batch.to("meta")
    assert {t.device.type for t in (batch.input_ids, batch.attention_mask, batch.labels, batch.frag_end)} == {"meta"}
    base_loss, per_head, labels = objectives.losses(model, batch, mode, rule, config.decoder_start_token_id, config.pad_token_id)
    assert base_loss.device.type == "meta"
    assert all(h.device.type == "meta" for h in per_head) and len(per_head) == (0 if mode == "ntp" else 3)
    assert labels is None or labels.device.type == "meta"
