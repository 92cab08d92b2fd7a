"""Records as plain bytes and back, without pickle: what the parse cache and a build's staging keep.

An entry is a header naming its format, the SHA-256 of its body, and the body: JSON of a record of
:mod:`cthbgraph.records` (or a spaCy ``DocBin``, see :func:`wrap`). Reading checks the header, the
checksum and, field by field, the types the dataclass declares; anything else (a damaged file, an
entry of another version, a file someone put in the cache) raises :class:`CodecError`, and the
caller parses again. Nothing in an entry is ever run: JSON holds data only, unlike pickle, whose
``loads`` calls whatever the bytes name.

The codec follows the dataclasses themselves (:func:`dataclasses.fields` and their type hints:
str, int, float, bool, None, Path, tuples, lists, dicts with str keys, unions, nested dataclasses),
so a field added to a record later needs no change here.

>>> data = encode(Excerpt("r", 0, 4, "OSCE"))                 # doctest: +SKIP
>>> decode(data, Excerpt)                                      # doctest: +SKIP
Excerpt(report='r', start=0, end=4, text='OSCE')
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from functools import cache
from pathlib import PurePath

RECORDS = b"cthbgraph-records/1"
DOCS = b"cthbgraph-docbin/1"


class CodecError(ValueError):
    """Bytes that are not an entry of ours: damaged, of another version, or foreign."""


def wrap(kind: bytes, body: bytes) -> bytes:
    """``body`` behind a header: the format ``kind`` and the SHA-256 of ``body``, one line each."""
    return kind + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def unwrap(kind: bytes, data: bytes) -> bytes:
    """The body of an entry :func:`wrap` made. RAISES CodecError: another format, or a damaged body."""
    head, _, rest = data.partition(b"\n")
    digest, _, body = rest.partition(b"\n")
    if head != kind:
        raise CodecError(f"not a {kind.decode()} entry")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        raise CodecError("checksum does not match: a damaged entry")
    return body


def encode(record: object) -> bytes:
    """A record (a dataclass, or a tuple / list of them) as an entry :func:`decode` reads back."""
    body = json.dumps(plain(record), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return wrap(RECORDS, body.encode("utf-8"))


def decode(data: bytes, kind: type | object) -> typing.Any:
    """The record of type ``kind`` that :func:`encode` wrote into ``data``.

    RAISES CodecError: the entry is damaged, foreign, or does not hold a ``kind``.
    """
    try:
        value = json.loads(unwrap(RECORDS, data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CodecError(f"not a record entry: {exc}") from exc
    return typed(kind, value)


def plain(value: object) -> object:
    """``value`` as JSON data: dataclasses as objects of their fields, tuples as lists, paths as text."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: plain(v) for k, v in value.items()}
    raise TypeError(f"cannot encode a {type(value).__name__}")


def typed(kind: typing.Any, value: object) -> typing.Any:
    """``value`` (JSON data) checked against the type ``kind`` and built into it.

    RAISES CodecError: ``value`` is not a ``kind``.
    """
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(kind), value)
    if origin in (tuple, list):
        return _sequence(origin, typing.get_args(kind), value)
    if origin is dict:
        key, item = typing.get_args(kind)
        if key is not str or not isinstance(value, dict):
            raise CodecError(f"expected an object, found {value!r:.60}")
        return {k: typed(item, v) for k, v in value.items()}
    if kind in (typing.Any, object):
        return value
    if dataclasses.is_dataclass(kind):
        return _dataclass(kind, value)
    return _scalar(kind, value)


def _scalar(kind: typing.Any, value: object) -> object:
    if kind is type(None) and value is None:
        return None
    if kind is bool and isinstance(value, bool):
        return value
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind is str and isinstance(value, str):
        return value
    if isinstance(kind, type) and issubclass(kind, PurePath) and isinstance(value, str):
        return kind(value)
    if kind in (tuple, list) and isinstance(value, list):
        return kind(value)
    raise CodecError(f"expected {getattr(kind, '__name__', kind)}, found {value!r:.60}")


def _union(options: tuple, value: object) -> object:
    for option in sorted(options, key=lambda o: o is not type(None)):  # None first: it is cheap to test
        try:
            return typed(option, value)
        except CodecError:
            continue
    raise CodecError(f"{value!r:.60} is none of {options}")


def _sequence(origin: type, args: tuple, value: object) -> object:
    if not isinstance(value, list):
        raise CodecError(f"expected a list, found {value!r:.60}")
    if origin is tuple and args and args[-1] is not Ellipsis:
        if len(args) != len(value):
            raise CodecError(f"expected {len(args)} items, found {len(value)}")
        return tuple(typed(a, v) for a, v in zip(args, value))
    item = args[0] if args else typing.Any
    return origin(typed(item, v) for v in value)


def _dataclass(kind: type, value: object) -> object:
    if not isinstance(value, dict):
        raise CodecError(f"expected a {kind.__name__}, found {value!r:.60}")
    hints, names = _fields(kind)
    unknown = set(value) - set(names)
    if unknown:
        raise CodecError(f"{kind.__name__} has no field {sorted(unknown)[0]!r}")
    # A field missing from the entry takes its default; one without a default makes the entry foreign.
    try:
        return kind(**{name: typed(hints[name], v) for name, v in value.items() if names[name]})
    except TypeError as exc:
        raise CodecError(f"not a {kind.__name__}: {exc}") from exc


@cache
def _fields(kind: type) -> tuple[dict[str, typing.Any], dict[str, bool]]:
    """The type hints of a dataclass's fields, and for each field whether ``__init__`` takes it."""
    hints = typing.get_type_hints(kind)
    return hints, {f.name: f.init for f in dataclasses.fields(kind)}
