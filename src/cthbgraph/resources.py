"""Find the data files the package needs: the ontology, the SHACL shapes, the SPARQL queries.

They live at the top of the source checkout (ontology/, shapes/, queries/) so that people can read and
edit them as ordinary files; a wheel copies them into the package as cthbgraph/_data/<name>. The
installed copy is tried first, so an installed package never reads a stray checkout.
"""

from __future__ import annotations

from pathlib import Path

ONTOLOGY = "ontology/cthb.ttl"
SHAPES = "shapes"
QUERIES = "queries"

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATE_ROOTS = (
    _PACKAGE_DIR / "_data",  # installed wheel: package data
    _PACKAGE_DIR.parents[1],  # source checkout: src/cthbgraph -> repository root
)


def resource_path(name: str) -> Path:
    """The path of a data file or folder, e.g. ``resource_path("ontology/cthb.ttl")``.

    name (str): a path relative to the repository root (or to cthbgraph/_data in a wheel).
    RETURNS (Path): the first existing candidate.
    RAISES FileNotFoundError: when neither the installed package nor a checkout has it.
    """
    for root in _CANDIDATE_ROOTS:
        candidate = root / name
        if candidate.exists():
            return candidate
    looked = ", ".join(str(root / name) for root in _CANDIDATE_ROOTS)
    raise FileNotFoundError(
        f"cthbgraph data file {name!r} not found (looked in {looked}); "
        "reinstall the package or run from a complete source checkout."
    )


def ontology_path() -> Path:
    """RETURNS (Path): ontology/cthb.ttl."""
    return resource_path(ONTOLOGY)


def shapes_paths() -> tuple[Path, ...]:
    """RETURNS (tuple[Path, ...]): every shapes/*.ttl file, sorted by name so loading is deterministic."""
    return tuple(sorted(resource_path(SHAPES).glob("*.ttl")))


def queries_dir() -> Path:
    """RETURNS (Path): the folder of queries/*.rq."""
    return resource_path(QUERIES)
