"""The training state: recovered from a package, saved in fp16, continued from by the next run."""

import json
import os
import subprocess
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from verispec_train import train
from verispec_train.recover import greedy_agreement, recover
from verispec_train.state import cpu_hours, curve, read_history, record_eval, save, stamp
from verispec_train.train import learning_rate

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "fixtures" / "model-tiny"
CORPUS = ROOT / "fixtures" / "corpus"


def specs() -> list[str]:
    return [c["spec"] for c in json.loads((PACKAGE / "expected-greedy.json").read_text())["cases"]]


@pytest.fixture(scope="module")
def recovered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("recovered")
    counts = recover(PACKAGE, out)
    assert counts["base"] > 40 and counts["vanilla"] == 2 and counts["syntax"] == 2
    return out


def test_recovered_from_the_fp32_graphs_the_model_decodes_exactly_as_the_package(tmp_path: Path):
    recover(PACKAGE, tmp_path, quantization="fp32")
    assert greedy_agreement(PACKAGE, tmp_path, specs(), 64, quantization="fp32")["identical"] == 1.0


def test_recovered_from_int8_it_decodes_as_the_package_up_to_near_ties(recovered: Path):
    result = greedy_agreement(PACKAGE, recovered, specs(), 64)
    assert result["identical"] >= 0.6 and result["prefix"] >= 0.8


def test_the_state_is_fp16_and_the_next_run_starts_from_its_weights(recovered: Path, tmp_path: Path):
    state = tmp_path / "state"
    save(state, recovered, {"vanilla": recovered, "syntax": recovered}, PACKAGE / "tokenizer.json", "from the fixture")
    weights = load_file(state / "model.safetensors")
    assert {t.dtype for t in weights.values()} == {torch.float16}
    assert (state / "tokenizer.json").read_text() == (PACKAGE / "tokenizer.json").read_text()
    history = read_history(state)
    assert len(history["runs"]) == 1 and history["runs"][0]["stages"]["base"]["steps"] > 0

    # A continued run loads the state's weights (upcast), trains, and its final becomes the next state.
    out = tmp_path / "run"
    train.main(["--corpus", str(CORPUS), "--out", str(out), "--mode", "ntp", "--init", str(state), "--max-tokens", "3000",
                "--warmup", "2", "--eval-every", "1000", "--max-steps", "4", "--schedule", "constant", "--lr", "1e-3"])
    first = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()][0]
    assert first["step"] == 1
    final = load_file(out / "final" / "model.safetensors")
    assert any(not torch.equal(final[k].half(), weights[k]) for k in weights), "training changed nothing"
    save(state, out / "final", {}, PACKAGE / "tokenizer.json")
    again = load_file(state / "model.safetensors")
    assert all(torch.equal(again[k], final[k].half()) for k in again)
    assert len(read_history(state)["runs"]) == 2 and cpu_hours(read_history(state)) > 0


def test_the_stages_continue_from_the_state_when_there_is_one(recovered: Path, tmp_path: Path):
    state = tmp_path / "state"
    save(state, recovered, {"vanilla": recovered, "syntax": recovered}, PACKAGE / "tokenizer.json")
    env = {**os.environ, "STATE": str(state), "MAX_TOKENS": "3000", "BASE_MINUTES": "0.001", "HEAD_MINUTES": "0.001", "COOLDOWN_MINUTES": "0"}
    runs = tmp_path / "runs"
    subprocess.run(["bash", str(ROOT / "train" / "train-stages.sh"), str(ROOT / "train" / ".venv" / "bin" / "python"), str(CORPUS), str(runs)],
                   env=env, check=True, capture_output=True)
    args = json.loads((runs / "base" / "args.json").read_text())
    assert args["init"] == str(state) and args["schedule"] == "constant"
    assert json.loads((runs / "base" / "final" / "train-ntp.json").read_text())["steps"] == 25  # the first time check
    for variant in ("vanilla", "syntax"):
        heads = json.loads((runs / variant / "args.json").read_text())
        assert heads["init_heads"] == str(state) and heads["init"] == str(runs / "base" / "final")


def test_a_constant_schedule_holds_the_peak_then_cools_down_at_the_end():
    assert learning_rate(0, 100, 1e-3, 10, "constant") == pytest.approx(1e-4)
    assert learning_rate(50, 100, 1e-3, 10, "constant", seconds_left=600, cooldown_seconds=300) == 1e-3
    assert learning_rate(50, 100, 1e-3, 10, "constant", seconds_left=150, cooldown_seconds=300) == pytest.approx(1e-3 * (0.05 + 0.95 * 0.5))
    assert learning_rate(50, 100, 1e-3, 10, "constant", seconds_left=-5, cooldown_seconds=300) == pytest.approx(5e-5)


def test_evals_are_recorded_against_cpu_hours_and_drawn_as_a_curve(recovered: Path, tmp_path: Path):
    state = tmp_path / "state"
    save(state, recovered, {}, PACKAGE / "tokenizer.json")
    report = {"lanes": {"syntax": {"tasks": 10, "greedy": {"syntax": 0.5, "interface": 0.2, "function": 0.1, "synth": 0.6}, "runaway": 0.3}},
              "training": {"tasksInTraining": ["a"]}}
    (tmp_path / "r.json").write_text(json.dumps(report))
    record = record_eval(state, {"test": tmp_path / "r.json", "user": tmp_path / "r.json"}, "candidate", True)
    assert record["test"] == {"tasks": 10, "syntax": 0.5, "interface": 0.2, "function": 0.1, "synth": 0.6, "hitLimit": 0.3, "tasksInTraining": 1}
    table = curve(read_history(state))
    assert "| own names, no grammar | 50.0% | 10.0% | 30.0% | 50.0% | 10.0% | 30.0% |" + "  |" * 12 + " yes |" in table and table.count("\n") == 3
    record_eval(state, {"test": tmp_path / "r.json", "user": tmp_path / "r.json", "user2": tmp_path / "r.json"}, "three sets", False)
    assert "| three sets | own names, no grammar |" + " 50.0% | 10.0% | 30.0% |" * 3 + "  |" * 9 + " no |" in curve(read_history(state))
    record_eval(state, {name: tmp_path / "r.json" for name in ("test", "user", "user2", "user3")}, "four sets", False)
    assert "| four sets | own names, no grammar |" + " 50.0% | 10.0% | 30.0% |" * 4 + "  |" * 6 + " no |" in curve(read_history(state))
    record_eval(state, {name: tmp_path / "r.json" for name in ("test", "user", "user2", "user3", "user4")}, "five sets", False)
    assert "| five sets | own names, no grammar |" + " 50.0% | 10.0% | 30.0% |" * 5 + "  |" * 3 + " no |" in curve(read_history(state))
    record_eval(state, {name: tmp_path / "r.json" for name in ("test", "user", "user2", "user3", "user4", "user5")}, "six sets", False)
    assert "| six sets | own names, no grammar |" + " 50.0% | 10.0% | 30.0% |" * 6 + " no |" in curve(read_history(state))
    report["options"] = {"names": "spec", "grammar": "on"}
    (tmp_path / "r.json").write_text(json.dumps(report))
    assert record_eval(state, {"test": tmp_path / "r.json"}, "checked", False)["decoding"] == "names from the spec, grammar on"
    assert "| checked | names from the spec, grammar on | 50.0% |" in curve(read_history(state))
    # A package trained less than the state, measured with a changed decoder: its own hours and the change named.
    again = record_eval(state, {"test": tmp_path / "r.json"}, "shipped", True, hours=1.25, decoder="interface held")
    assert again["cpu_hours"] == 1.25 and again["decoding"] == "names from the spec, grammar on (interface held)"
    assert "| 1.25 | shipped | names from the spec, grammar on (interface held) |" in curve(read_history(state))
    (tmp_path / "other.json").write_text(json.dumps({**report, "options": {"names": "free", "grammar": "off"}}))
    with pytest.raises(ValueError, match="one decoding"):
        record_eval(state, {"test": tmp_path / "r.json", "user": tmp_path / "other.json"}, "mixed", False)
    # Records from before the decoding was recorded were the model's own names.
    history = read_history(state)
    del history["evals"][0]["decoding"]
    (state / "history.json").write_text(json.dumps(history))
    assert "| candidate | own names, no grammar | 50.0% |" in curve(read_history(state))


def test_a_stamped_package_says_how_long_its_model_was_trained_in_all(recovered: Path, tmp_path: Path):
    state = tmp_path / "state"
    state.mkdir()
    # Two runs: an hour of base and half an hour of heads, then half an hour of base.
    runs = [{"stages": {"base": {"seconds": 3600.0}, "vanilla": {"seconds": 1800.0}}}, {"stages": {"base": {"seconds": 1800.0}}}]
    (state / "history.json").write_text(json.dumps({"runs": runs, "evals": []}))
    package = tmp_path / "package"
    package.mkdir()
    (package / "model.json").write_text(json.dumps({"id": "p", "provenance": {"created": "then"}}))
    assert stamp(state, package) == {"runs": 2, "cpu_hours": 2.0}
    manifest = json.loads((package / "model.json").read_text())
    assert manifest["id"] == "p"
    assert manifest["provenance"] == {"created": "then", "training_so_far": {"runs": 2, "cpu_hours": 2.0}}
