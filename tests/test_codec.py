"""Records as plain bytes and back (the parse cache and a build's staging): no pickle, nothing run."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import EXCERPT, ROOT

from cthbgraph.codec import CodecError, decode, encode
from cthbgraph.records import BodyMention, Excerpt, Extraction, Report


@pytest.fixture(scope="module")
def extraction(extractor):
    """What the extractor reads from a real excerpt of the 2006 report: bodies, provisions, activities."""
    return extractor.extract(Report("osce-2006-policy-to-practice", Path("000.txt"), EXCERPT, year=2006, sha256="ab"))


def test_codec_round_trip_of_a_real_extraction(extraction):
    assert extraction.bodies and extraction.provisions and extraction.activities
    assert decode(encode(extraction), Extraction) == extraction


# A record as another branch might grow one: an extra field of each kind the codec follows.
@dataclass(frozen=True)
class Grown:
    mention: BodyMention
    score: float
    seen: bool
    year: int | None
    path: Path
    lemmas: tuple[str, ...] = ()
    spans: list[Excerpt] = field(default_factory=list)
    pair: tuple[str, int] = ("", 0)
    weights: dict[str, float] = field(default_factory=dict)
    extra: Excerpt | None = None


def test_codec_round_trip_of_a_record_with_new_fields(extraction):
    mention = extraction.bodies[0]
    grown = Grown(mention, 0.25, True, None, Path("corpus/a.txt"), ("train", "police"), [mention.excerpt], ("x", 3), {"a": 1.5}, mention.excerpt)
    assert decode(encode(grown), Grown) == grown
    # An entry written before a field existed reads with the field's default.
    older = Grown(mention, 1.0, False, 2004, Path("b.txt"))
    head, _, body = encode(older).split(b"\n", 2)
    assert b',"extra":null' in body
    assert decode(_signed(head, body.replace(b',"extra":null', b"")), Grown) == older


class Payload:
    """What a tampered entry could hold: unpickled, it would create a file."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


def test_codec_refuses_what_it_did_not_write(tmp_path, extraction):
    good = encode(extraction)
    head, digest, body = good.split(b"\n", 2)
    bomb = pickle.dumps(Payload(tmp_path / "pwned"))
    damaged = [
        b"",
        b"not a cache entry",
        bomb,
        head + b"\n" + digest + b"\n" + body[:-5],  # cut short: the checksum does not match
        _signed(head, bomb),  # a pickle behind a valid header and checksum
        _signed(head, b'{"report": 3}'),  # JSON of the wrong shape
        _signed(head, body.replace(b'"bodies"', b'"corpses"')),  # a field the record does not have
        _signed(head, body.replace(b'"year":2006', b'"year":"2006"')),  # a field of the wrong type
    ]
    for data in damaged:
        with pytest.raises(CodecError):
            decode(data, Extraction)
    assert not (tmp_path / "pwned").exists()


def _signed(head: bytes, body: bytes) -> bytes:
    import hashlib

    return head + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def test_codec_no_pickle_in_the_package():
    sources = sorted((ROOT / "src" / "cthbgraph").rglob("*.py"))
    assert sources
    assert [p.name for p in sources if "import pickle" in p.read_text(encoding="utf-8")] == []
