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
