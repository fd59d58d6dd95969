"""Objects of a cue that are no statement: whom a thing was told to, and a thing a person showed.

Split from `cues` (which reads the content of a cue) for the two verbs whose object is no statement: "told
NBC's “Today” show" names the listener, "wants Obama to show his birth certificate" a thing shown.
"""

from __future__ import annotations

from reader.core.analysis.lexicon import EVIDENCE_OBJECT
from reader.core.analysis.tree import Tree, mark_of, without_that

ADDRESSEE_CUES = frozenset({"tell", "inform", "assure", "remind", "notify", "brief"})
"""Cues whose object is whom they were said to ("told NBC's “Today” show on Thursday", "assured reporters"):
only a clause or an "about …" is what was said; without one the claim's content is the quotation beside it."""
ADDRESSEE_RELATIONS = frozenset({"dobj", "dative", "npadvmod"})
"""The listener's relations to such a cue (the model also reads "“Today”" as a noun-phrase adverbial)."""


PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they"})
"""Pronouns that stand for people ("it" and "this" may be the report that shows a finding)."""


def shows_a_thing(tree: Tree, index: int, subject: int, cue_lemma: str) -> bool:
    """A person who shows or reveals a thing ("wants Obama to show his birth certificate") states nothing:
    findings are shown by documents and polls, and a person's finding comes as a clause ("showed that …")."""
    token = tree.tokens[subject]
    person = subject in tree.people or (token.pos == "PRON" and token.text.casefold() in PERSONAL_PRONOUNS)
    return cue_lemma in EVIDENCE_OBJECT and person and not tree.kids(index, "ccomp")


def clause_under_addressee(tree: Tree, addressee: int) -> list[int]:
    """The "that" clause the parser hung on the addressee ("told a meeting of leaders that few people
    understood …": a relative clause opened by the conjunction "that", where a true one has "that" as its
    subject or object); nothing else of the addressee is what was said."""
    for index in tree.subtree(addressee):
        if tree.tokens[index].dep in ("relcl", "acl") and mark_of(tree, index) == "that":
            return without_that(tree, index)
    return []
