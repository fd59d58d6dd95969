"""Plain records of one article's parse: what spaCy said, detached from spaCy.

The parse is the only expensive step of the analysis, so it is what the cache stores; actors and claims are
recomputed from these records in milliseconds. Offsets index `Article.text`; a token's `head` is an index into
the tokens of its own sentence (sentences are parsed one by one, so no head crosses a sentence).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """One token with its tags and its place in the dependency tree."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    """Universal part of speech (PROPN, VERB, PRON…)."""
    tag: str
    """Penn Treebank tag (VBD, VBN, NNS…): tells a reporting "reported" from an adjectival one."""
    dep: str
    """Relation to the head (nsubj, ccomp, xcomp, dobj, prep, pobj…); "ROOT" for the root."""
    head: int
    """Index of the head token within the sentence (the root is its own head)."""


@dataclass(frozen=True)
class Entity:
    """A named-entity span as the model labelled it, by token indices within the sentence."""

    first: int
    stop: int
    """One past the last token."""
    label: str
    """spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, DATE…"""


@dataclass(frozen=True)
class ParsedSentence:
    """The parse of one sentence of the article (never a boilerplate one)."""

    index: int
    """Index in `Article.sentences`."""
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class ParsedArticle:
    """The parse of every non-boilerplate sentence of one article, in text order."""

    key: str
    """Cache key of the article content and pipeline version it was made from."""
    sentences: tuple[ParsedSentence, ...]
