"""The base of MainScreen's mixins: a Textual Screen for the type checker, a plain class when the app runs.

Each mixin uses the screen's API (`query_one`, `notify`, `app`, workers), so the type checker must see a Screen
under it. At run time, a Screen subclass costs ~0.33 ms to create (Textual's class set-up: bindings, CSS type
names, handlers), and the five mixins made five of them on the path to the first frame; MainScreen, which lists
Screen as its last base, gets the same methods, handlers and bindings either way (Textual looks them up along
the instance's MRO).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    MainScreenMixin = Screen[None]
else:
    MainScreenMixin = object

__all__ = ["MainScreenMixin"]
