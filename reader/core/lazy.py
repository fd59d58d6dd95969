"""A package's public names loaded on first use (PEP 562), so that importing any of its submodules, which runs
the package's `__init__` first, does not import what the names come from.

`reader.core`, `reader.core.align` and `reader.core.analysis` each hand `lazy_names` their table of where each
name lives; their docstrings say what the laziness keeps off which path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_names(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's `__getattr__` and `__dir__`: a name in `homes` is imported from its module when first asked
    for and kept in `namespace` (the package's globals), so it is looked up once; any other name is an
    AttributeError, as for a module without the hook."""

    def getattr_(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(homes)

    return getattr_, dir_
