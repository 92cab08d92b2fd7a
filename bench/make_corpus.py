"""A synthetic corpus N times the size of corpus/: the reports replicated with perturbed names and years.

Replica k of a report gets other field operations ("Mission to Moldova" -> "Mission to Armenia",
rotating through the participating States that host or hosted OSCE field operations) and years
shifted by k mod 7, so that no two replicas share a text (each must be parsed) and the graph grows
with new bodies, activities and years as a larger real corpus would.

    python bench/make_corpus.py --factor 100 /tmp/corpus-100
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = [
    "Albania", "Armenia", "Azerbaijan", "Belarus", "Bosnia and Herzegovina", "Croatia", "Georgia",
    "Kazakhstan", "Kosovo", "Kyrgyzstan", "Moldova", "Montenegro", "Serbia", "Skopje", "Tajikistan",
    "Turkmenistan", "Ukraine", "Uzbekistan",
]
_FIELD = re.compile(r"\b(Mission to|Mission in|Centre in|Office in|Presence in|Project Co-ordinator in) (" + "|".join(PLACES) + r")\b")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-2]\d)(?!\d)")


def perturb(text: str, k: int) -> str:
    """Replica ``k`` of a report text (k = 0 is the text itself)."""
    if k == 0:
        return text
    text = _FIELD.sub(lambda m: f"{m.group(1)} {PLACES[(PLACES.index(m.group(2)) + k) % len(PLACES)]}", text)
    return _YEAR.sub(lambda m: str(int(m.group(1)) + k % 7), text)


def make_corpus(factor: int, out: Path, source: Path = ROOT / "corpus") -> Path:
    """Write ``factor`` replicas of every report of ``source`` (with a manifest) into ``out``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with open(source / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for k in range(factor):
            for row in rows:
                text = (source / row["file"]).read_text(encoding="utf-8")
                name = f"{k:03d}-{row['file']}"
                (out / name).write_text(perturb(text, k), encoding="utf-8")
                year = row.get("year", "")
                writer.writerow({**row, "id": f"{row['id']}-r{k:03d}", "file": name,
                                 "year": str(int(year) + k % 7) if year.isdigit() else year})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=10, help="replicas of every report (default 10)")
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    args = parser.parse_args()
    folder = make_corpus(args.factor, args.out)
    size = sum(p.stat().st_size for p in folder.glob("*.txt"))
    print(f"{folder}: {len(list(folder.glob('*.txt')))} reports, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
