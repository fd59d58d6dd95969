"""The analysis service starts numpy's OpenBLAS with one thread (its import is ~50 ms of CPU cheaper), unless the
user set a number, and only where numpy is not imported yet."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import blas

CHECK = textwrap.dedent(
    """
    import os, sys
    from reader.core.blas import BLAS_THREADS_ENV
    from reader.core.service_loop import channel
    assert "numpy" not in sys.modules
    channel()
    print(os.environ.get(BLAS_THREADS_ENV, "unset"), file=sys.stderr)
    """
)


def _service_setting(extra: dict[str, str], check: str = CHECK, *arguments: str) -> str:
    """The BLAS setting `check` (run in a fresh interpreter, with `arguments`) prints on its last stderr line."""
    env = {key: value for key, value in os.environ.items() if key != blas.BLAS_THREADS_ENV} | extra
    result = subprocess.run(
        [sys.executable, "-c", check, *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr.strip().splitlines()[-1]


def test_the_service_channel_sets_one_blas_thread() -> None:
    assert _service_setting({}) == "1"


def test_a_number_the_user_chose_is_kept() -> None:
    assert _service_setting({blas.BLAS_THREADS_ENV: "2"}) == "2"


def test_nothing_is_set_once_numpy_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    monkeypatch.delenv(blas.BLAS_THREADS_ENV, raising=False)
    blas.one_blas_thread()  # numpy is imported in the test process: too late to matter, left alone
    assert blas.BLAS_THREADS_ENV not in os.environ


APP_CHECK = textwrap.dedent(
    """
    import os, sys
    from reader.cli import _open_app
    from reader.core.errors import ReaderError
    from reader.core.blas import BLAS_THREADS_ENV
    try:
        _open_app([os.path.join(sys.argv[1], "missing.txt")])  # a bad path: the app never starts
    except ReaderError:
        pass
    assert "numpy" not in sys.modules
    print(os.environ.get(BLAS_THREADS_ENV, "unset"), file=sys.stderr)
    """
)


def test_the_app_process_sets_one_blas_thread_before_numpy(tmp_path: Path) -> None:
    """`reader PATH...` aligns in its own process: OpenBLAS there starts with one thread too."""
    assert _service_setting({}, APP_CHECK, str(tmp_path)) == "1"
