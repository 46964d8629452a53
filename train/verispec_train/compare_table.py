"""The comparison table of train/compare.sh, from its eval and bench reports (data/compare/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# (row, package, lane in that package's bench report, head labels)
ROWS = (
    ("(a) NTP", "a-ntp", "ntp", "none"),
    ("(b) MEDUSA-2", "b-medusa2-vanilla", "medusa", "vanilla"),
    ("(c) MEDUSA-2, syntax-aware", "c-medusa2-syntax", "syntax", "syntax"),
    ("ablation: syntax labels, no cut", "c-medusa2-syntax", "medusa", "syntax"),
    ("ablation: the cut on vanilla heads", "b-medusa2-vanilla", "syntax", "vanilla"),
)


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def table(folder: Path) -> str:
    def load(name: str) -> dict[str, Any]:
        return json.loads((folder / f"{name}.json").read_text())

    lines = [
        "| system | head labels | decoder | syntax | interface | function | decode tok/s | speedup over its NTP | accepted/step | identical to NTP |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, package, lane, labels in ROWS:
        quality = load(f"{package}-eval")["lanes"]["ntp"]["greedy"]
        report = load(f"{package[0]}-bench")
        row = next(r for r in report["lanes"] if r["lane"] == lane)
        lines.append(f"| {label} | {labels} | {lane} | {pct(quality['syntax'])} | {pct(quality['interface'])} | {pct(quality['function'])} "
                     f"| {row['decodeTokensPerSecond']:.1f} | {row['speedup']:.2f}x | {row['meanAccepted']:.2f} | {row['identicalToNtp']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table(Path(sys.argv[1])))
