"""The committed tiny model package (fixtures/model-tiny, made by fixtures/make-model.sh)."""

import json
from pathlib import Path

import pytest

from verispec_train.export.greedy import StepModel
from verispec_train.export.package import FORMAT, UNHASHED, sha256

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "fixtures" / "model-tiny"
SHIPPED = ROOT / "public" / "models" / "verispec-small"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((PACKAGE / "model.json").read_text())


@pytest.mark.parametrize("package", [PACKAGE, SHIPPED], ids=["fixture", "shipped"])
def test_manifest_lists_every_file_with_its_hash(package: Path):
    """Every file but model.json and calibration.json (rewritten by calibration
    after the export) is listed with its size and sha256, and matches it."""
    manifest = json.loads((package / "model.json").read_text())
    assert manifest["format"] == FORMAT
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {str(p.relative_to(package)) for p in package.rglob("*") if p.is_file() and p.name not in UNHASHED}
    assert listed == on_disk
    for f in manifest["files"]:
        assert (package / f["path"]).stat().st_size == f["bytes"]
        assert sha256(package / f["path"]) == f["sha256"], f["path"]
    assert set(manifest["heads"]["variants"]) == {"vanilla", "syntax"}


def test_onnx_greedy_equals_pytorch_greedy(manifest: dict):
    """The exported fp32 graphs, decoding one token a step, give exactly the
    tokens Hugging Face generate() gave for the same weights."""
    expected = json.loads((PACKAGE / "expected-greedy.json").read_text())
    assert len(expected["cases"]) >= 20
    fp32 = manifest["quantizations"]["fp32"]
    model = StepModel(PACKAGE / fp32["encoder"], PACKAGE / fp32["decoder_step"])
    special = manifest["special_tokens"]
    for case in expected["cases"]:
        got = model.greedy(case["input_ids"], expected["max_new_tokens"], special["decoder_start"], special["eos"])
        assert got == case["output_ids"], case["id"]
