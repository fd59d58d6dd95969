"""The model's tokenizer, with its special cases added when a text could use them rather than all at the load.

The small English model's tokenizer carries 1,347 special cases ("don't" → "do" "n't", "e.g.", "Mr.", emoticons…),
and loading it adds every one: a fused token each, with new lexemes, ~60 ms of the model's ~190 ms load (CPU,
medians of four fresh loads each way), all of it on the path to the first actor. A text of a few thousand
characters can use a few dozen of them. So the tokenizer is built holding the rules back and, before it
tokenizes a text, adds those whose string occurs in it: the rest can never apply.

"Occurs" is judged on the text with its spaces removed, a superset of every way spaCy applies a special case:
a whole space-delimited chunk, a piece left when prefixes and suffixes are split off, or a run of tokens the
special-case matcher finds after the affixes are split. The few rules that are a single character or hold a
space go in at once. Serialising the tokenizer first adds everything still held, so what it writes is the
model's own tokenizer. A test holds the tokens equal to a plain load's, and bench/pipeline_equal.py does over
the dev texts, parsed one article at a time so that rules are added as later texts need them.

Imported only once spaCy is (it derives from spaCy's Tokenizer).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly  # type: ignore[import-untyped]  # srsly has no type stubs
from spacy.tokenizer import Tokenizer

Rules = dict[str, list[dict[int | str, Any]]]

INDEX_PREFIX = 2
"""Held rules are found by their first two characters (every held rule has at least two)."""


class RulesOnDemand(Tokenizer):  # type: ignore[misc]  # spaCy's Tokenizer is untyped
    """spaCy's Tokenizer, loaded without its special cases, adding each before the first text that holds it."""

    def __init__(self, vocab: Any) -> None:
        super().__init__(vocab)
        self._held: dict[str, list[dict[int | str, Any]]] = {}
        self._by_prefix: dict[str, list[str]] = {}

    # -- loading ---------------------------------------------------------------------------------------------

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RulesOnDemand:
        return self.from_bytes(Path(path).read_bytes(), exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> RulesOnDemand:
        exclude = tuple(exclude)
        rules: Rules = {}
        if "exceptions" not in exclude:
            rules = dict(srsly.msgpack_loads(bytes_data).get("exceptions") or {})
        super().from_bytes(bytes_data, exclude=(*exclude, "exceptions"))
        self._hold(rules)
        return self

    def _hold(self, rules: Rules) -> None:
        self._held, self._by_prefix = {}, {}
        at_once = {key: value for key, value in rules.items() if len(key) < INDEX_PREFIX or " " in key}
        self._add(at_once)
        for key in sorted(rules):
            if key not in at_once:
                self._held[key] = rules[key]
                self._by_prefix.setdefault(key[:INDEX_PREFIX], []).append(key)

    def _add(self, rules: Rules) -> None:
        for key in sorted(rules):
            self.add_special_case(key, rules[key])

    def add_rules_for(self, text: str) -> None:
        """Add the held rules whose string occurs in `text` (spaces removed). Tokenizing a text does it first;
        a parse about to fork (`parse._parse_jobs`) does it for all its texts, so that the copy inherits them."""
        if not self._held:
            return
        squashed = text.replace(" ", "")
        by_prefix = self._by_prefix
        found: Rules = {}
        for start in range(len(squashed) - 1):
            keys = by_prefix.get(squashed[start : start + INDEX_PREFIX])
            if keys:
                for key in keys:
                    if key not in found and squashed.startswith(key, start):
                        found[key] = self._held[key]
        if not found:
            return
        for key in found:
            del self._held[key]
            keys = self._by_prefix[key[:INDEX_PREFIX]]
            keys.remove(key)
            if not keys:
                del self._by_prefix[key[:INDEX_PREFIX]]
        self._add(found)

    def add_all_held(self) -> None:
        """Every rule still held, added now (before the tokenizer is written out, or for its `rules`)."""
        held, self._held, self._by_prefix = getattr(self, "_held", {}), {}, {}
        self._add(held)

    @property
    def rules(self) -> Rules:
        """All the special cases, as spaCy's Tokenizer gives them (the held ones are added first)."""
        self.add_all_held()
        return Tokenizer.rules.__get__(self)  # type: ignore[no-any-return]

    @rules.setter
    def rules(self, rules: Rules) -> None:
        """New rules replace the loaded and the held ones alike, as in spaCy."""
        self._held, self._by_prefix = {}, {}
        Tokenizer.rules.__set__(self, rules)

    # -- tokenizing and writing ------------------------------------------------------------------------------

    def __call__(self, string: str) -> Any:
        """Tokenize `string`, its rules added first (spaCy's `pipe` calls this for each text)."""
        self.add_rules_for(string)
        return super().__call__(string)

    def explain(self, text: str) -> Any:
        self.add_rules_for(text)
        return super().explain(text)

    def __reduce__(self) -> Any:
        self.add_all_held()
        return super().__reduce__()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self.add_all_held()
        return super().to_bytes(exclude=exclude)  # type: ignore[no-any-return]

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.add_all_held()
        super().to_disk(path, **kwargs)
