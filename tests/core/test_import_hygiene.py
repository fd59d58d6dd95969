"""The core is headless: importing it (and running it) must never pull in Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def modules_imported(imports: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with one of `prefixes` that running `imports` in a fresh interpreter loads."""
    code = f"import sys\n{imports}\nprint(','.join(sorted(n for n in sys.modules if n.startswith({prefixes!r}))))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return [name for name in result.stdout.strip().split(",") if name]


def test_core_never_imports_textual() -> None:
    imports = (
        "import pkgutil, importlib, reader.core\n"
        "for m in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):\n"
        "    importlib.import_module(m.name)"
    )
    assert modules_imported(imports, ("textual",)) == []


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


def test_the_service_analysis_does_not_import_the_alignment_stage() -> None:
    """The analysis service needs the parse, the actors and the claims; importing them must not run the claim
    linking or the aligner (the package's names load lazily), which sat on the cold path to the first actor."""
    imports = (
        "from reader.core.service_loop import finished_analysis\n"
        "from reader.core.analysis.actors import build_actors\n"
        "from reader.core.analysis.cache import store\n"
        "from reader.core.analysis.claims import extract_claims\n"
        "from reader.core.analysis.parse import parse_articles\n"
        "from reader.core.analysis.quoted import who_is_quoted"
    )
    assert modules_imported(imports, ("reader.core.align", "reader.core.analysis.linking")) == []


def test_the_analysis_package_names_load_on_first_use() -> None:
    import reader.core.analysis as analysis
    from reader.core.analysis.comparison import analyse_comparison
    from reader.core.analysis.linking import carried_by

    assert analysis.analyse_comparison is analyse_comparison
    assert analysis.carried_by is carried_by
    with pytest.raises(AttributeError):
        _ = analysis.no_such_name


def test_the_claim_linking_does_not_import_the_aligner() -> None:
    """On a warm start the service aligns and the app links the claims: the linking needs the words' keys
    (`normalise`), not the aligner and rapidfuzz (the package's names load lazily), whose import ran on the
    app's worker while the screen drew the alignment."""
    imports = (
        "from reader.core.parse_service import complete_analysis\nfrom reader.core.analysis.linking import link_claims"
    )
    loaded = modules_imported(imports, ("reader.core.align", "rapidfuzz"))
    assert "reader.core.align.normalise" in loaded
    assert [name for name in loaded if name.startswith("rapidfuzz") or name.endswith((".aligner", ".paraphrase"))] == []


def test_the_services_warm_up_imports_the_aligner_before_it_is_asked_to_align() -> None:
    """An idle service imports the alignment stage ahead of the app's request (`warm_the_aligner`); with the
    package's names lazy, importing the pipeline alone left the aligner's import (~60-90 ms) to the request."""
    loaded = modules_imported(
        "from reader.core.service_loop import warm_the_aligner\nwarm_the_aligner()", ("reader.core.align", "rapidfuzz")
    )
    assert "reader.core.align.aligner" in loaded and "rapidfuzz" in loaded


def test_the_align_package_names_load_on_first_use() -> None:
    import reader.core.align as align
    from reader.core.align.aligner import align_pair
    from reader.core.align.scoring import SentenceMatch

    assert align.align_pair is align_pair and align.SentenceMatch is SentenceMatch
    with pytest.raises(AttributeError):
        _ = align.no_such_name


HTML_STAGE = ("reader.core.load.htmltext", "reader.core.load.webstory", "html.parser", "trafilatura")


def test_loading_plain_text_never_imports_the_html_stage(tmp_path: Path) -> None:
    """The launch service loads the articles before the app's first paint: text files must not pay for the HTML
    parser and trafilatura's wrapper (~10 ms of the load stage's import); a page still gets them."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Storm hits</h1><p>The storm hit the coast on Monday.</p></body></html>")
    text = f"from reader.core.load.inputs import load_inputs\nload_inputs([{str(ROOT / 'seeds')!r}])"
    assert modules_imported(text, HTML_STAGE) == []
    html = f"from reader.core.load.inputs import load_inputs\nload_inputs([{str(page)!r}, {str(page)!r}])"
    assert {"reader.core.load.htmltext", "reader.core.load.webstory"} <= set(modules_imported(html, HTML_STAGE))
