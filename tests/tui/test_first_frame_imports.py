"""The app's first frame does not pay for the meaning vectors: neither numpy nor the embedding module is imported
before the alignment starts (it starts after the first paint, off the UI thread)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import asyncio, sys, threading
from reader.app import ReaderApp
from reader.core.load.inputs import load_inputs

started = threading.Event()
release = threading.Event()

def aligner(articles):
    started.set()
    release.wait(10)
    raise SystemExit

async def main():
    app = ReaderApp(load_inputs(["seeds/"]).articles, aligner=aligner)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        heavy = [m for m in ("numpy", "reader.core.align.embedding", "reader.core.align") if m in sys.modules]
        print("painted", ",".join(heavy) or "-")
        release.set()
        app.exit()

asyncio.run(main())
"""


def test_the_first_frame_imports_neither_numpy_nor_the_embedding_module() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "painted -" in result.stdout, result.stdout + result.stderr


SCREEN_CLASSES = """
from textual.screen import Screen

def every_subclass(cls):
    return {cls, *(sub for child in cls.__subclasses__() for sub in every_subclass(child))}

before = every_subclass(Screen)
import reader.app
print(sorted(cls.__qualname__ for cls in every_subclass(Screen) - before if cls.__module__.startswith("reader")))
"""


def test_the_app_makes_one_screen_class_before_its_first_frame() -> None:
    """MainScreen's mixins are Screens only for the type checker (`reader.screens.mixin`): each Screen subclass
    costs ~0.33 ms of Textual's class set-up, made on the way to the first frame."""
    result = subprocess.run(
        [sys.executable, "-c", SCREEN_CLASSES], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip() == "['MainScreen']", result.stdout + result.stderr
