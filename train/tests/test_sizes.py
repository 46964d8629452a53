"""Sizes at equal CPU time (verispec_train.sizes): the curve's windows, and a run that continues."""

import json
from pathlib import Path

from verispec_train import sizes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"


def test_the_curve_averages_the_loss_in_each_window_of_cpu_minutes():
    records = [{"loss/base": loss, "seconds": s} for loss, s in ((4.0, 30), (2.0, 59), (1.0, 61), (0.5, 150))]
    assert sizes.curve(records, 3.0, points=3) == [(1.0, 3.0), (2.0, 1.0), (3.0, 0.5)]
    assert sizes.curve(records[:1], 2.0, points=2) == [(1.0, 4.0), (2.0, None)]


def test_shapes_train_for_the_same_cpu_time_and_a_second_run_continues(tmp_path: Path):
    sizes.main(["--corpus", str(CORPUS), "--out", str(tmp_path), "--minutes", "0.01", "--max-tokens", "128", "--shapes", "d192-3+3,d256-4+4"])
    first = json.loads((tmp_path / "sizes.json").read_text())
    assert [r["shape"] for r in first] == ["d192-3+3", "d256-4+4 (shipped)"]
    assert first[0]["parameters"] < first[1]["parameters"]
    assert all(r["steps"] > 0 and r["cpu_minutes"] >= 0.01 and len(r["curve"]) == sizes.CURVE_POINTS for r in first)
    assert "| d192-3+3 |" in (tmp_path / "sizes.md").read_text()

    # A run stops only every 25 steps, so on a busy machine the first one may overshoot 0.25 minutes: more than either took.
    more = max(0.25, max(r["cpu_minutes"] for r in first) + 0.05)
    sizes.main(["--corpus", str(CORPUS), "--out", str(tmp_path), "--minutes", str(more), "--max-tokens", "128", "--shapes", "d192-3+3"])
    again = json.loads((tmp_path / "sizes.json").read_text())[0]
    assert again["steps"] > first[0]["steps"] and again["cpu_minutes"] >= more
    # A shape that has its minutes is summarised, not trained again; the other one catches up.
    sizes.main(["--corpus", str(CORPUS), "--out", str(tmp_path), "--minutes", str(more), "--max-tokens", "128", "--shapes", "d192-3+3,d256-4+4"])
    both = json.loads((tmp_path / "sizes.json").read_text())
    assert both[0]["steps"] == again["steps"] and both[1]["steps"] > first[1]["steps"] and both[1]["cpu_minutes"] >= more
