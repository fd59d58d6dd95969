"""The standards the project holds itself to, checked with the suite: ruff and mypy clean on reader/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    """The tool installed beside this interpreter (the test extras), else one on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "reader", "tests", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run([_tool("mypy"), "reader"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_too_long() -> None:
    """Modules over ~400 lines are split by responsibility before they grow further."""
    long = [
        f"{path.relative_to(ROOT)} ({count} lines)"
        for path in sorted((ROOT / "reader").rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 450
    ]
    assert not long, long
