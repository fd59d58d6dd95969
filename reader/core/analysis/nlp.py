"""The one spaCy pipeline of the process: loaded lazily, once, behind a lock.

Importing spaCy takes about a second and the model half a second more, so nothing here runs at import time:
`reader.core` stays importable (and the app paints) without spaCy. The pipeline version string, which keys the
analysis cache, comes from package metadata and so needs no spaCy import either (`reader.core.warm_cache`).
"""

from __future__ import annotations

import contextlib
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reader.core.warm_cache import ANALYSIS_FORMAT, MODEL_NAME, MODEL_PACKAGE, pipeline_version

_load_lock = threading.Lock()
_run_lock = threading.Lock()
_nlp: Any = None


def get_nlp() -> Any:
    """The loaded pipeline; the first call imports spaCy and loads the model (about 1.5 s)."""
    global _nlp
    if _nlp is None:
        with _load_lock:
            if _nlp is None:
                try:
                    spacy = import_spacy()
                except Exception as error:  # missing, or broken (a bad install raises anything at import)
                    from reader.core.errors import ReaderError

                    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                    raise ReaderError(
                        f"spaCy cannot be imported ({detail}): actors and claims need it (pip install spacy)"
                    ) from error
                try:
                    config = _tokenizer_built_from_the_model(spacy)
                    with _msgpack_decoders_looked_up_once() as unchanged:
                        loaded = spacy.load(MODEL_NAME, config=config, exclude=[MODEL_STRINGS])
                    if not unchanged():  # a decoder was registered during the load: load as spaCy would
                        loaded = spacy.load(MODEL_NAME, config=config, exclude=[MODEL_STRINGS])
                except OSError as error:
                    from reader.core.errors import ReaderError

                    raise ReaderError(
                        f"the spaCy model {MODEL_NAME} is not installed (pip install {MODEL_PACKAGE})"
                    ) from error
                index_lemma_forms(loaded)
                _nlp = loaded
    return _nlp


MODEL_STRINGS = "strings"
"""What `spacy.load(exclude=…)` leaves out: the vocabulary's string table (vocab/strings.json), 84,780 strings.

Every string the pipeline produces is added to the table as it is set (a token's text and lemma, a tag, a
dependency or entity label; the components add their labels as they load), and every feature the models read
is a hash computed from the text, so the table of the training corpus's strings is only ever read to turn a
hash back into a string nobody here asks for. Loading it was ~40-60 ms of the ~0.25 s load (StringStore's
from_disk: 70-80 ms of CPU standalone, 8 ms of it the JSON). A test holds the parse equal to a plain load's;
4,302 sentences of the dev texts (544k characters) came out identical, field for field."""

SPACY_CLI = ("spacy.cli", "spacy.cli.info")
"""The modules of spaCy's own command line, which `import spacy` loads only to offer `spacy.info`."""


def import_spacy() -> types.ModuleType:
    """`import spacy`, without the import of spaCy's command line (`python -m spacy …`).

    spaCy's `__init__` imports `spacy.cli.info`, and so the whole command line: weasel, typer, requests, httpx,
    jinja2 and every subcommand, none of which loading a model or parsing uses. That was ~0.2 s of CPU of the
    ~0.6 s import (three runs each way, measured as process time) and ~0.3 s of wall time on a quiet machine,
    all of it before the first actor can be shown. Stand-ins take the two modules' places during the import
    only; afterwards `import spacy.cli` loads the real command line, and `spacy.info` calls it. Pydantic's v1
    API is kept out of the import too (`_without_pydantic_v1`). The registries' entry points are then indexed
    by group (`EntryPointsByGroup`), for the model's load.
    """
    if "spacy" in sys.modules:
        import spacy
    else:
        with _stand_ins_for_spacy_cli(), _without_pydantic_v1():
            import spacy
    _index_registry_entry_points()
    return spacy


class EntryPointsByGroup:
    """The installed packages' entry points (a snapshot taken when `catalogue` was imported), answering
    `select(group=…)` from an index by group instead of filtering the whole list on each call.

    spaCy's registries are `catalogue` registries that also look for functions other packages publish as entry
    points: every lookup while a model loads (248 of them for the small English model) filters all the
    environment's entry points by group. Indexed, the load took 0.27-0.35 s of CPU instead of 0.38-0.52 s
    (medians 0.33 / 0.48 of six loads each way on a quiet machine). Any other use goes to the snapshot itself.
    """

    def __init__(self, snapshot: Any) -> None:
        self._snapshot = snapshot
        self._by_group: dict[str, Any] = {group: snapshot.select(group=group) for group in snapshot.groups}

    def select(self, **params: Any) -> Any:
        if params.keys() == {"group"}:
            group = params["group"]
            found = self._by_group.get(group)
            if found is None:  # a group nothing publishes (most registries): answered once, then from here
                found = self._by_group[group] = self._snapshot.select(group=group)
            return found
        return self._snapshot.select(**params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._snapshot, name)


def _index_registry_entry_points() -> None:
    """Put an `EntryPointsByGroup` in place of catalogue's snapshot (once; left alone if it is not the kind of
    object catalogue 2 keeps there)."""
    import catalogue

    snapshot = catalogue.AVAILABLE_ENTRY_POINTS
    if isinstance(snapshot, EntryPointsByGroup) or not (hasattr(snapshot, "select") and hasattr(snapshot, "groups")):
        return
    catalogue.AVAILABLE_ENTRY_POINTS = EntryPointsByGroup(snapshot)


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command line on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@contextmanager
def _stand_ins_for_spacy_cli() -> Iterator[None]:
    package = types.ModuleType(SPACY_CLI[0])
    package.__path__ = []  # a package, so that `spacy.cli.info` resolves to the stand-in below
    info = types.ModuleType(SPACY_CLI[1])
    info.info = _spacy_info  # type: ignore[attr-defined]
    placed = [
        name
        for name, module in zip(SPACY_CLI, (package, info), strict=True)
        if sys.modules.setdefault(name, module) is module
    ]
    try:
        yield
    finally:
        for name in placed:
            sys.modules.pop(name, None)
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is package:
            del spacy.cli  # the real package is imported (and set here) by the next `import spacy.cli`


PYDANTIC_V1 = "pydantic.v1"


@contextmanager
def _without_pydantic_v1() -> Iterator[None]:
    """`import pydantic.v1` fails while spaCy is imported, as it does on Python 3.14.

    Only `confection.validation` imports it, to recognise configuration schemas written as pydantic v1 models
    (and falls back to none when the import fails, as it does where v1 is unsupported); spaCy's own schemas are
    pydantic v2 models and none of the pipeline's functions is typed with a v1 model. It was ~25 ms of the
    import (python -X importtime: 63 ms with pydantic v2's package, which spaCy needs, 37 ms without; the
    median CPU time of ten imports each way fell by ~20 ms). A v1 import after spaCy's works as ever: the
    block is lifted when the import is over (and never placed when v1 is already imported).
    """
    placed = PYDANTIC_V1 not in sys.modules
    if placed:
        sys.modules[PYDANTIC_V1] = None  # type: ignore[assignment]  # None there makes the import fail
    try:
        yield
    finally:
        if placed and sys.modules.get(PYDANTIC_V1, ...) is None:
            del sys.modules[PYDANTIC_V1]


@contextmanager
def _msgpack_decoders_looked_up_once() -> Iterator[Callable[[], bool]]:
    """While the model loads, srsly's msgpack decoders are looked up once, not once per unpacked object.

    Each `srsly.msgpack_loads` (128 of them while the small English model loads its weights) asks catalogue
    for every registered decoder, and catalogue answers by scanning its whole registry (~220 entries) and the
    entry points: ~30 ms of the ~0.25 s load, for the same answer (numpy's decoder) every time. The first
    answer is kept for the load only; the context gives a check that the answer is still what catalogue says
    afterwards (nothing registered a decoder meanwhile), which `get_nlp` uses to load again plainly if not.
    Six fresh processes each way: the load's CPU time fell from 252-266 ms to 214-223 ms.
    """
    import importlib

    registry = importlib.import_module("srsly.msgpack").msgpack_decoders  # srsly has no type stubs
    answer = registry.get_all()
    registry.get_all = lambda: dict(answer)  # an instance attribute over the method, for the load only

    def unchanged() -> bool:
        return bool(type(registry).get_all(registry) == answer)  # catalogue's own answer, now

    try:
        yield unchanged
    finally:
        del registry.get_all


class FormsIndex(list):  # type: ignore[type-arg]
    """A list of known lemma forms (one part of speech's entry in the lemmatizer's "lemma_index" table) that
    answers `in` from a set: the same list, the same answers, in constant time.

    spaCy's rule lemmatizer asks `form in index` for each candidate form of each new word, and the table holds
    plain lists (57,528 nouns, 20,993 verbs…), so each question scanned a list: the lemmatizer took 55-63 ms of
    the first parse of the seeds and 6-10 ms with the index (three fresh processes each way; the second parse
    was already fast, from its cache). Nothing changes the table after the load.
    """

    def __init__(self, forms: list[str]) -> None:
        super().__init__(forms)
        self._members = frozenset(forms)

    def __contains__(self, form: object) -> bool:
        return form in self._members


def index_lemma_forms(nlp: Any) -> None:
    """Put a `FormsIndex` in place of each list of the rule lemmatizer's "lemma_index" table (no-op for a
    pipeline without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if type(forms) is list:
            with contextlib.suppress(TypeError):  # an unhashable form: that list stays as it is
                table[key] = FormsIndex(forms)


BLANK_TOKENIZER = "reader.blank_tokenizer.v1"
"""The tokenizer factory `get_nlp` names in place of the model's "spacy.Tokenizer.v1" (see below)."""


def _tokenizer_built_from_the_model(spacy: types.ModuleType) -> dict[str, Any]:
    """A config override under which the pipeline's tokenizer starts empty and takes everything from the model.

    spaCy builds the tokenizer twice while loading: from the language's defaults (2,694 special cases, the
    prefix, suffix and infix patterns compiled), then again from the model's serialized tokenizer, which
    replaces all of it. Starting from an empty tokenizer skips the first build: ~80 ms of the ~0.44 s load
    (median CPU time of seven loads each way), with the same tokenizer (a test compares its serialized form
    with a default load's; 107,635 tokens of the dev texts came out identical). The empty tokenizer then adds
    the model's special cases as texts need them (`special_cases.RulesOnDemand`): ~60 ms less again.
    """
    from reader.core.analysis.special_cases import RulesOnDemand

    def blank_tokenizer() -> Any:
        def build(nlp: Any) -> RulesOnDemand:
            return RulesOnDemand(nlp.vocab)

        return build

    if BLANK_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(BLANK_TOKENIZER, func=blank_tokenizer)

    return {"nlp": {"tokenizer": {"@tokenizers": BLANK_TOKENIZER}}}


def run_lock() -> threading.Lock:
    """Held while the pipeline runs: spaCy does not promise that one `Language` can serve two threads at once."""
    return _run_lock


def is_loaded() -> bool:
    """Whether the model is already in memory (for callers that want to say "loading the model…")."""
    return _nlp is not None


__all__ = [
    "ANALYSIS_FORMAT",
    "MODEL_NAME",
    "MODEL_PACKAGE",
    "get_nlp",
    "import_spacy",
    "is_loaded",
    "pipeline_version",
    "run_lock",
]
