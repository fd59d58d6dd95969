"""numpy's OpenBLAS on one thread, set before numpy's first import: for the app's process and the service.

A module of its own, with nothing but `os` and `sys`, because the command line calls it before anything else
(`reader PATH...`): from the service's loop (`reader.core.service_loop`), the call imported the loop and the
analysis records into the app's process before its first paint (~5 ms, `-X importtime`), neither of which that
process uses until the analysis arrives.
"""

from __future__ import annotations

import os
import sys

BLAS_THREADS_ENV = "OPENBLAS_NUM_THREADS"
"""How many threads numpy's OpenBLAS starts with; the service sets it to 1 (`one_blas_thread`)."""


def one_blas_thread() -> None:
    """Have numpy's OpenBLAS start one thread, not one per core, unless the user chose a number (call it before
    numpy is imported; the service does, from `channel`, and so does the app's process, `reader PATH...`, whose
    alignment is the first user of numpy there: ~50 ms of CPU less before the highlights, and no BLAS thread
    beside the service's spaCy import on the second core. `reader compare` keeps OpenBLAS's default: on two
    2,000-sentence articles its threads shorten the alignment's wall time by ~0.5 s of 3 (bench/align.py).)

    At import, OpenBLAS creates its threads and their buffers: `import numpy` took 104-123 ms of CPU on the
    2-core machine, 57-70 ms with one thread (eight fresh processes each way), and spaCy's whole import 446 ms
    instead of 386 (medians of eight). Nothing here needs BLAS threads: spaCy's models multiply with blis, the
    service's other work is one core's, and the alignment came out identical on the twelve crossoutlet events
    and the seeds either way.
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault(BLAS_THREADS_ENV, "1")
