"""Names of a package imported from their modules on first use (PEP 562), as ``lazy_loader`` does.

A package's face can then offer its main calls without importing what they need (spaCy, pySHACL,
matplotlib) until one of them is used.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def attach(package: str, names: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``.

    names (dict[str, str]): attribute name -> module it comes from (absolute, or relative to
        ``package`` when it starts with ".").
    """

    def __getattr__(name: str) -> Any:
        if name in names:
            value = getattr(importlib.import_module(names[name], package), name)
            # Kept as a plain attribute from then on: the next access does not come here, and
            # tools that read the module's namespace (pdoc, help()) see it.
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__, sorted(names)
