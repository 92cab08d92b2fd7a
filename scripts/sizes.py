"""Sizes against the style's limits: modules over 400 lines, functions over 60, the median module.

    .venv/bin/python scripts/sizes.py [src/cthbgraph]
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path


def main(root: Path) -> None:
    sizes: dict[Path, int] = {}
    functions: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        sizes[path] = len(text.splitlines())
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                functions.append((node.end_lineno - node.lineno + 1, f"{path}:{node.lineno} {node.name}"))
    print(f"{len(sizes)} modules, median {statistics.median(sizes.values()):g} lines")
    for path, n in sorted(sizes.items(), key=lambda item: -item[1]):
        if n > 400:
            print(f"  module over 400 lines: {path} ({n})")
    for n, where in sorted(functions, reverse=True):
        print(f"  function over 60 lines: {where} ({n})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "src/cthbgraph"))
