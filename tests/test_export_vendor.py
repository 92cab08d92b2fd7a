"""The JavaScript vendored into the network page is exactly what its README records."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from cthbgraph.exports import html

VENDOR = Path(html.__file__).parent / "vendor"
ROW = re.compile(r"^\| `([^`]+)` \| ([\w-]+) \| ([\d.]+) \| (\w[\w.-]*) \| `[^`]+` \| `([0-9a-f]{64})` \|$", re.M)


def recorded() -> list[tuple[str, str, str, str, str]]:
    return ROW.findall((VENDOR / "README.md").read_text(encoding="utf-8"))


def test_export_vendor_readme_records_every_file():
    files = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file() and p.name != "README.md"}
    assert {row[0] for row in recorded()} == files


@pytest.mark.parametrize("name,package,version,licence,sha256", recorded())
def test_export_vendor_file_matches_its_recorded_checksum(name, package, version, licence, sha256):
    assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == sha256
    if name.endswith(".js"):
        assert (VENDOR / "licences" / f"{package}.LICENSE").is_file()
        assert licence == "MIT"


def test_export_vendor_scripts_are_in_the_page_in_load_order():
    page = html.vendor_scripts()
    positions = [
        page.index(f"{name} {version}")
        for name, version in (("layout-base", "2.0.1"), ("cose-base", "2.2.0"), ("cytoscape-fcose", "2.2.0"))
    ]
    assert positions == sorted(positions)
    assert "Copyright (c) 2016-2026, The Cytoscape Consortium" in page
