"""`frozen_record`: a frozen dataclass whose methods are written once, in this module, not compiled at import.

On Python 3.11 `@dataclass(frozen=True)` writes `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` and
`__delattr__` of each class as source text and compiles each on its own when the module is imported: ~1.2 ms a
class (Sentence, six fields, best of 50), and the app imports the loading stage's five records before its first
frame. Made with this instead, `import reader.core.records` (the five and the enums) takes 2.3 ms against 6.1 ms
(medians of 20 fresh processes each, interleaved). Each class writes its `__init__` in its body, so that it is in
the bytecode (a Sentence is made in 0.61 µs against 0.73); the others are made here without compiling anything
(equality and hash are closures over one `attrgetter`: 0.33 µs against 0.18 for `==` of two Sentences, a cost
nothing notices, since records are compared in tests and the store, not in the engine's loops).

What stays the same, checked for each record against the `@dataclass(frozen=True)` it stands for by
tests/core/test_records.py: `dataclasses.fields`, `replace`, `asdict` and `is_dataclass` work; equality and hash
are over the fields in order (two records are equal only when of the same class); the repr; assigning or
deleting an attribute raises `dataclasses.FrozenInstanceError`; pickling round-trips. Type checkers see the
plain `@dataclass(frozen=True)` (PEP 681's `dataclass_transform`), so every record is checked as a dataclass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import TypeVar, dataclass_transform

RecordT = TypeVar("RecordT", bound=type)


def _equality(key: Callable[[object], tuple[object, ...]]) -> Callable[[object, object], bool]:
    """`__eq__` over the values `key` reads, in order (a closure: made without compiling anything)."""

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is not self.__class__:
            unlike: bool = NotImplemented  # the other side decides, as a dataclass's __eq__ lets it (typed Any)
            return unlike
        same: bool = key(self) == key(other)
        return same

    return __eq__


def _hashing(key: Callable[[object], tuple[object, ...]]) -> Callable[[object], int]:
    """`__hash__` of the values `key` reads, in order: the tuple a dataclass hashes."""

    def __hash__(self: object) -> int:
        return hash(key(self))

    return __hash__


def _representation(names: tuple[str, ...]) -> Callable[[object], str]:
    """`__repr__` showing the fields `names`, as a dataclass's does."""

    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _record_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _record_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen_record(cls: RecordT) -> RecordT:
    """Make `cls` (which defines its own `__init__`) a frozen dataclass without compiling anything."""
    if "__init__" not in cls.__dict__:
        raise TypeError(f"{cls.__qualname__} must define __init__ (frozen_record compiles none)")
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # the fields, in place; no method is written
    fields = dataclasses.fields(cls)
    compared = tuple(field.name for field in fields if field.compare)
    if len(compared) < 2:
        raise TypeError(f"{cls.__qualname__}: a record compares at least two fields")
    key = attrgetter(*compared)
    cls.__eq__ = _equality(key)  # type: ignore[assignment]
    cls.__hash__ = _hashing(key)  # type: ignore[assignment]
    cls.__repr__ = _representation(tuple(field.name for field in fields if field.repr))  # type: ignore[assignment]
    cls.__setattr__ = _record_setattr  # type: ignore[assignment]
    cls.__delattr__ = _record_delattr  # type: ignore[assignment]
    return cls
