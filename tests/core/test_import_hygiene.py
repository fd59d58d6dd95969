"""The core is headless: importing it (and running it) must never pull in Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_never_imports_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, reader.core\n"
        "for m in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "", f"reader.core imported: {result.stdout.strip()}"


def test_core_import_does_not_load_spacy() -> None:
    """spaCy takes about a second to import: only the analysis step may load it, never `import reader.core`."""
    code = "import sys, reader.core; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_public_names_are_the_functions_whatever_was_imported_first() -> None:
    """`reader.core` loads its names lazily; no submodule may shadow one (a module once shadowed `compare`)."""
    import importlib
    import pkgutil

    import reader.core

    for info in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
        if ".analysis" not in info.name:
            importlib.import_module(info.name)
    for name in ("compare", "match_sentences", "load_inputs", "align_articles", "add_analysis", "analyse_text"):
        assert callable(getattr(reader.core, name)), name
