"""Write the API reference of cthbgraph as HTML with pdoc; every warning is an error.

Usage:
    .venv/bin/python scripts/apidocs.py [OUT]        # default: build/api (open OUT/cthbgraph.html)

pdoc reads the docstrings as reStructuredText. Our docstrings list arguments as spaCy does
(``name (Type): meaning.``, ``RETURNS (Type): ...``, ``RAISES Error: ...``); those lines become a
definition list here, so they render as a list instead of running together into one paragraph.
tests/test_docs.py builds the reference the same way, so CI fails on a warning.
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

import pdoc
import pdoc.docstrings
import pdoc.render

ROOT = Path(__file__).resolve().parents[1]
# "name (Type): meaning", "RETURNS (Type): meaning", "RAISES Error: meaning" at the start of a line.
_FIELD = re.compile(r"^(?P<indent>\s*)(?P<name>[A-Za-z_][\w, ]*|RETURNS|RAISES [\w.]+) \((?P<type>[^)]*)\): (?P<text>.*)$")
_RAISES = re.compile(r"^(?P<indent>\s*)RAISES (?P<name>[\w.]+): (?P<text>.*)$")


def fields_as_list(docstring: str) -> str:
    """spaCy-style argument lines as a reStructuredText bullet list (their continuation lines kept)."""
    out: list[str] = []
    in_field = False
    for line in docstring.splitlines():
        m = _FIELD.match(line) or _RAISES.match(line)
        if m:
            kind = f" (*{m.group('type')}*)" if "type" in m.groupdict() else ""
            if not in_field:
                out.append("")  # a list starts after a blank line
            out.append(f"{m.group('indent')}- **{m.group('name')}**{kind}: {m.group('text')}")
            in_field = True
        elif in_field and line.startswith("    ") and line.strip():
            out.append(f"  {line.strip()}")  # continuation of the item
        else:
            if in_field and line.strip():
                out.append("")  # ... and ends before the next paragraph
            in_field = False
            out.append(line)
    return "\n".join(out)


def write(out: Path) -> list[str]:
    """Write the reference into ``out``; the warnings raised while doing it, as text."""
    convert = pdoc.docstrings.convert

    def convert_ours(docstring: str, docformat: str, source_file: Path | None) -> str:
        return convert(fields_as_list(docstring), docformat, source_file)

    pdoc.docstrings.convert = convert_ours
    pdoc.render.configure(docformat="restructuredtext", show_source=False, footer_text="cthbgraph")
    import cthbgraph

    for name in cthbgraph.__all__:  # the names imported on first use: loaded, so the reference shows them
        getattr(cthbgraph, name)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pdoc.pdoc(*modules(), output_directory=out)
    finally:
        pdoc.docstrings.convert = convert
    return [f"{w.category.__name__}: {w.message}" for w in caught if _ours(w)]


def modules() -> list[str]:
    """Every public module of the library: not the command line (its reference is --help), nothing private."""
    import pkgutil

    import cthbgraph

    # pdoc adds the modules of each package itself.
    found = ["cthbgraph"]
    for info in pkgutil.iter_modules(cthbgraph.__path__, "cthbgraph."):
        name = info.name.rsplit(".", 1)[1]
        if name != "cli" and not name.startswith("_"):
            found.append(info.name)
    return found


def _ours(warning: warnings.WarningMessage) -> bool:
    """A warning of pdoc or of cthbgraph (not a deprecation inside a dependency it imports)."""
    return "/pdoc/" in warning.filename or "cthbgraph" in warning.filename or "cthbgraph" in str(warning.message)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "api"
    problems = write(out)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} warning(s): the API reference is not written cleanly", file=sys.stderr)
        return 1
    print(f"API reference: {out / 'cthbgraph.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
