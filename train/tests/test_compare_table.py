"""train/compare.sh's table: each row reads its package's eval and the right lane of its bench."""

import json
from pathlib import Path

from verispec_train.compare_table import table


def test_rows_take_quality_from_their_package_and_speed_from_their_lane(tmp_path: Path):
    for package, fn in (("a-ntp", 0.1), ("b-medusa2-vanilla", 0.2), ("c-medusa2-syntax", 0.3)):
        greedy = {"syntax": 0.9, "interface": 0.5, "function": fn}
        (tmp_path / f"{package}-eval.json").write_text(json.dumps({"lanes": {"ntp": {"greedy": greedy}}}))
        lanes = [{"lane": lane, "decodeTokensPerSecond": rate, "speedup": rate / 100, "meanAccepted": rate / 100, "identicalToNtp": "20/20"}
                 for lane, rate in (("ntp", 100.0), ("medusa", 200.0 + fn * 10), ("syntax", 150.0 + fn * 10))]
        (tmp_path / f"{package[0]}-bench.json").write_text(json.dumps({"lanes": lanes}))
    rows = table(tmp_path).splitlines()
    assert len(rows) == 7
    assert rows[2].startswith("| (a) NTP | none | ntp | 90.0% | 50.0% | 10.0% | 100.0 | 1.00x")
    assert rows[3].startswith("| (b) MEDUSA-2 | vanilla | medusa | 90.0% | 50.0% | 20.0% | 202.0 | 2.02x")
    assert rows[4].startswith("| (c) MEDUSA-2, syntax-aware | syntax | syntax | 90.0% | 50.0% | 30.0% | 153.0 | 1.53x")
    assert rows[5].startswith("| ablation: syntax labels, no cut | syntax | medusa | 90.0% | 50.0% | 30.0% | 203.0")
    assert rows[6].startswith("| ablation: the cut on vanilla heads | vanilla | syntax | 90.0% | 50.0% | 20.0% | 152.0")
