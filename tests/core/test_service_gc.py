"""The service imports with the cyclic collector off and freezes what it imported, leaving the collector as it
found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reader.core.service_loop import imports_frozen


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()  # the test process's objects back in the collector's care
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_objects_made_during_the_imports_are_frozen_and_the_collector_comes_back_on() -> None:
    gc.enable()
    gc.unfreeze()
    before = gc.get_freeze_count()
    with imports_frozen():
        assert not gc.isenabled(), "no collection during the imports"
        made = [Node() for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(made), "what the imports made is in the permanent generation"


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with imports_frozen():
        pass
    assert not gc.isenabled()


def test_the_collector_comes_back_on_after_a_failed_import() -> None:
    gc.enable()
    with pytest.raises(ImportError), imports_frozen():
        raise ImportError("no spaCy")
    assert gc.isenabled()
