"""Attributions read from one sentence's dependency tree: who (speaker), how (cue), what (content).

A cue is a verb from a lexicon of speech and cognition verbs, found by lemma, never by surface pattern:
- its speaker is the verb's nominal subject, inherited along `conj`/`xcomp` chains ("expressed … but warned");
- its content is the clausal complement ("said that …", "…, Axios reports"), else an object plus infinitive
  ("urged the administration to return"), else objects, prepositional phrases and conditional clauses after the
  verb ("warned of a harsh retaliation if …") for verbs whose object can be a statement;
- a parenthetical cue ("…, the official added, …") takes the clause it interrupts;
- "according to X" takes X as speaker and the clause it modifies as content;
- "declined/refused to comment (on …)" is a cue of its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reader.core.analysis.cue_objects import ADDRESSEE_CUES, ADDRESSEE_RELATIONS, clause_under_addressee, shows_a_thing
from reader.core.analysis.lexicon import (
    COGNITION,
    CONTINUING,
    FIRST_PERSON,
    PARTICLES,
    PHRASAL_KINDS,
    STATEMENT_NOUNS,
    TOPIC_PREPOSITIONS,
    TOPIC_VERBS,
    CueKind,
    cue_kind,
    speaks_for_itself,
    verb_lemma,
)
from reader.core.analysis.parsed import ParsedSentence, Token
from reader.core.analysis.tree import QUOTE_MARKS, Tree, mark_of, without_that

CALL_PREPOSITIONS = frozenset({"for", "on"})
NAMING_COMPLEMENTS = ("oprd", "ccomp", "xcomp", "attr", "dobj", "npadvmod", "acomp")
"""What follows the object of "call" when it judges ("called it a hoax"), not phones or summons."""
""""call for" / "call on": "call" alone is more often naming or phoning than a statement."""
NO_COMMENT_VERBS = frozenset({"decline", "refuse"})
NO_COMMENT_COMPLEMENTS = frozenset(
    {"comment", "say", "elaborate", "discuss", "confirm", "speculate", "answer", "respond", "specify", "detail"}
)
CONTENT_RELATIONS = frozenset({"dobj", "prep", "advcl", "oprd", "attr", "dative", "xcomp", "ccomp", "npadvmod"})
NON_CONTENT_MARKS = frozenset(
    {"while", "although", "though", "whereas", "because", "as", "since", "after", "before", "when"}
)
"""Subordinate clauses that add background to a statement rather than belong to it."""
SUBJECTS = ("nsubj", "csubj")
INHERITING = ("conj", "xcomp", "advcl", "pcomp", "prep")
"""Relations along which a cue takes the subject of the verb it hangs off: "… but warned", "began by saying"."""


@dataclass(frozen=True)
class Attribution:
    """Token indices (within one sentence) of one attributed statement."""

    cue: tuple[int, ...]
    cue_lemma: str
    speaker: tuple[int, int] | None
    """Token range [first, stop) of the speaker phrase."""
    speaker_head: int | None
    content: tuple[int, ...]
    according_to: bool
    borrows: bool = False
    """The sentence holds no content for the cue: it is the quotation just before or after it ("“…?” she said.",
    "He said: “…”"), which the claim builder looks up in the article."""


def find_attributions(sentence: ParsedSentence) -> list[Attribution]:
    """Every attribution of one sentence, in cue order."""
    tree = Tree(sentence)
    found: list[Attribution] = []
    for index, token in enumerate(tree.tokens):
        attribution = _according_to(tree, index) if token.text.casefold() == "according" else None
        if attribution is None and token.pos in ("VERB", "AUX"):
            attribution = _verb_cue(tree, index)
        if attribution is None and token.pos == "NOUN" and token.lemma.casefold() in STATEMENT_NOUNS:
            attribution = _noun_cue(tree, index)
        if attribution is not None:
            content = _trim_punctuation(tree, attribution.content)
            if content:
                found.append(dataclasses.replace(attribution, content=content, borrows=False))
            elif attribution.speaker is not None and (attribution.borrows or attribution.content):
                found.append(dataclasses.replace(attribution, content=(), borrows=True))
    return found


def _trim_punctuation(tree: Tree, content: tuple[int, ...]) -> tuple[int, ...]:
    """Content without punctuation at its edges, quotation marks excepted."""
    low, high = 0, len(content)
    while low < high and _droppable(tree.tokens[content[low]]):
        low += 1
    while high > low and _droppable(tree.tokens[content[high - 1]]):
        high -= 1
    return content[low:high]


def _droppable(token: Token) -> bool:
    return token.pos in ("PUNCT", "SPACE") and not any(ch in QUOTE_MARKS for ch in token.text)


def _according_to(tree: Tree, index: int) -> Attribution | None:
    to = next((c for c in tree.kids(index, "prep") if tree.tokens[c].text.casefold() == "to"), None)
    if to is None:
        return None
    source = next(iter(tree.kids(to, "pobj")), None)
    if source is None:
        return None
    head = tree.tokens[index].head
    while tree.tokens[head].pos not in ("VERB", "AUX") and tree.tokens[head].head != head:
        head = tree.tokens[head].head  # "… with Donald Trump, according to …" modifies the clause, not the name
    excluded = set(tree.subtree(index))
    content = tuple(i for i in tree.subtree(head) if i not in excluded) if head != index else ()
    first, stop = _phrase_range(tree, source)
    return Attribution((index, to), "according to", (first, stop), source, content, True)


def _verb_cue(tree: Tree, index: int) -> Attribution | None:
    token = tree.tokens[index]
    lemma = verb_lemma(token.lemma, token.text)
    if token.tag == "VBN" and not tree.kids(index, "aux", "auxpass") and token.dep not in ("conj", "ROOT"):
        return None  # adjectival participle: "Hezbollah's reported efforts"
    if token.dep == "xcomp" and tree.tokens[token.head].lemma.casefold() in NO_COMMENT_VERBS:
        return None  # the complement of "declined to comment" is part of that cue
    if lemma in NO_COMMENT_VERBS:
        return _no_comment(tree, index, lemma)
    if lemma == "call":
        return None if _is_passive(tree, index) else _call_cue(tree, index)
    if lemma == "put":
        return _as_put_it(tree, index)
    cue, kind = _phrasal(tree, index, lemma)
    if kind is None:
        if lemma in CONTINUING:
            return _with_speaker(tree, index, cue, lemma, (), borrows=True)
        return None
    if _is_passive(tree, index):
        return _passive_cue(tree, index, lemma, kind)
    content = tuple(i for i in _content(tree, index, kind) if i not in cue)
    if not content:
        return _with_speaker(tree, index, cue, lemma, (), borrows=kind is not CueKind.INTENT)
    found = _with_speaker(tree, index, cue, lemma, content)
    head = found.speaker_head if found is not None else None
    if lemma in COGNITION and head is not None and tree.tokens[head].text.casefold() in FIRST_PERSON:
        return None  # "I think …": a hedge inside the speaker's own words
    return found


def _is_passive(tree: Tree, index: int) -> bool:
    return bool(tree.kids(index, "nsubjpass", "auxpass"))


def _phrasal(tree: Tree, index: int, lemma: str) -> tuple[tuple[int, ...], CueKind | None]:
    """The cue tokens and kind, with the particle of a phrasal reporting verb ("pointed out")."""
    for particle in tree.kids(index, "prt"):
        if (lemma, tree.tokens[particle].text.casefold()) in PARTICLES:
            return tuple(sorted((index, particle))), PHRASAL_KINDS.get(lemma, CueKind.CLAUSE)
    if lemma in TOPIC_VERBS:
        topic = [c for c in tree.kids(index, "prep") if tree.tokens[c].text.casefold() in TOPIC_PREPOSITIONS]
        return ((index, topic[0]), CueKind.OBJECT) if topic else ((index,), None)
    return (index,), cue_kind(lemma)


def _passive_cue(tree: Tree, index: int, lemma: str, kind: CueKind) -> Attribution | None:
    """ "was first reported by The Washington Post": the agent speaks, the subject is what was said."""
    agent = next(iter(tree.kids(index, "agent")), None)
    source = next(iter(tree.kids(agent, "pobj")), None) if agent is not None else None
    if agent is None or source is None or kind is CueKind.INTENT:
        return None
    first, stop = _phrase_range(tree, source)
    content = tuple(i for c in tree.kids(index, "nsubjpass", "ccomp") for i in tree.subtree(c))
    if not content:
        return None
    cue = (*(c for c in tree.kids(index, "auxpass")), index, agent)
    return Attribution(tuple(sorted(cue)), lemma, (first, stop), source, content, False)


def _no_comment(tree: Tree, index: int, lemma: str) -> Attribution | None:
    """ "declined/refused to comment (on …)": a cue of its own, the refusal being the statement."""
    complement = next(
        (c for c in tree.kids(index, "xcomp") if tree.tokens[c].lemma.casefold() in NO_COMMENT_COMPLEMENTS), None
    )
    if complement is None:
        return _intent_refusal(tree, index, lemma)
    cue = tuple(range(index, complement + 1))
    content = tuple(i for c in tree.kids(complement, "prep", "dobj", "ccomp") for i in tree.subtree(c))
    cue_lemma = f"{lemma} to {tree.tokens[complement].lemma.casefold()}"
    return _with_speaker(tree, index, cue, cue_lemma, content or cue)


def _intent_refusal(tree: Tree, index: int, lemma: str) -> Attribution | None:
    """ "refused to release his tax returns": a stated position, like any intent."""
    if lemma != "refuse":
        return None
    content = tuple(i for c in tree.kids(index, "xcomp", "ccomp") for i in tree.subtree(c))
    return _with_speaker(tree, index, (index,), lemma, content) if content else None


def _noun_cue(tree: Tree, index: int) -> Attribution | None:
    """ "Trump's claim that …", "Warren's criticism of the bank": the owner is the source, the clause or the
    phrase after the noun the content."""
    owner = next(iter(tree.kids(index, "poss")), None)
    if owner is None or tree.tokens[owner].pos not in ("PROPN", "NOUN", "PRON"):
        return None
    content = [
        i
        for child in tree.kids(index, "acl", "ccomp", "prep", "relcl")
        if child > index and _statement_part(tree, child)
        for i in without_that(tree, child)
    ]
    if not content:
        return None
    first, stop = _phrase_range(tree, owner)
    stop = min(stop, index)
    while stop > first + 1 and tree.tokens[stop - 1].text in ("'s", "’s", "'", "’"):
        stop -= 1
    return Attribution((index,), tree.tokens[index].lemma.casefold(), (first, stop), owner, tuple(content), False)


def _statement_part(tree: Tree, child: int) -> bool:
    """A clause ("that Iran …") or a phrase of what was said ("of the bank", "for a ceasefire")."""
    token = tree.tokens[child]
    if token.dep == "prep":
        return token.text.casefold() in STATEMENT_PREPOSITIONS
    return token.dep != "relcl" or any(tree.tokens[m].text.casefold() == "that" for m in tree.kids(child, "mark"))


STATEMENT_PREPOSITIONS = frozenset({"of", "about", "on", "for", "against", "that"})


def _call_cue(tree: Tree, index: int) -> Attribution | None:
    """ "called for X to …", "called on X to …", "called the deal a disaster"."""
    following = index + 1
    if following < len(tree.tokens) and tree.tokens[following].text.casefold() in CALL_PREPOSITIONS:
        preposition = tree.tokens[following].text.casefold()
        content = tuple(i for i in _content(tree, index, CueKind.OBJECT) if i != following)
        return _with_speaker(tree, index, (index, following), f"call {preposition}", content)
    objects = tree.kids(index, "dobj")
    second = [c for c in tree.kids(index, *NAMING_COMPLEMENTS) if c not in objects[:1]]
    if tree.kids(index, "oprd", "ccomp") or (objects and second):
        # "called the deal a disaster", "called Wells Fargo's behavior “outrageous”": naming as judging
        return _with_speaker(tree, index, (index,), "call", _content(tree, index, CueKind.OBJECT))
    return None


def _as_put_it(tree: Tree, index: int) -> Attribution | None:
    """ "…, as a Homeland Security memo put it": the clause the idiom hangs on is what its subject said."""
    it = next((c for c in tree.kids(index, "dobj") if tree.tokens[c].text.casefold() == "it"), None)
    if it is None or mark_of(tree, index) != "as" or tree.tokens[index].dep != "advcl":
        return None
    own = set(tree.subtree(index))
    content = tuple(i for i in tree.subtree(tree.tokens[index].head) if i not in own)
    return _with_speaker(tree, index, (index, it), "put it", content)


def _content(tree: Tree, index: int, kind: CueKind) -> tuple[int, ...]:
    """Token indices of what the cue at `index` reports."""
    clauses = tree.kids(index, "ccomp")
    if clauses:
        return tuple(sorted(i for c in clauses for i in without_that(tree, c)))
    token = tree.tokens[index]
    if token.dep == "parataxis":
        own = set(tree.subtree(index))
        return tuple(i for i in tree.subtree(token.head) if i not in own)
    if kind is CueKind.INTENT:
        return tuple(i for c in tree.kids(index, "xcomp") for i in tree.subtree(c))
    if kind is CueKind.CLAUSE:
        return ()
    picked: list[int] = []
    addressed = token.lemma.casefold() in ADDRESSEE_CUES
    for child in tree.children[index]:
        kid = tree.tokens[child]
        if child < index or kid.dep not in CONTENT_RELATIONS:
            continue
        if addressed and (
            kid.dep in ADDRESSEE_RELATIONS
            or (kid.dep == "prep" and kid.text.casefold() not in STATEMENT_PREPOSITIONS - {"on", "for"})
        ):
            picked.extend(clause_under_addressee(tree, child))
            continue
        if kid.dep == "advcl" and mark_of(tree, child) in NON_CONTENT_MARKS:
            continue
        picked.extend(tree.subtree(child))
    return tuple(sorted(picked))


def _with_speaker(
    tree: Tree,
    index: int,
    cue: tuple[int, ...],
    cue_lemma: str,
    content: tuple[int, ...],
    *,
    borrows: bool = False,
) -> Attribution | None:
    """The attribution with the cue's subject as speaker; None when the cue has no subject."""
    subject = _subject_of(tree, index)
    if subject is None:
        return None  # a claim with no source in its sentence is more often no attribution (PolNeAR dev)
    if not speaks_for_itself(tree.tokens[subject].lemma, tree.tokens[subject].pos, cue_lemma):
        return None  # "the talks highlighted …": an event is no source
    if shows_a_thing(tree, index, subject, cue_lemma):
        return None
    first, stop = _phrase_range(tree, subject, index)
    direct = subject < index and tree.tokens[subject].dep in SUBJECTS
    stray = {i for i in tree.subtree(subject) if i > index and i not in cue} if direct else set()
    kept = tuple(sorted({i for i in content if not first <= i < stop and i not in cue} | stray))
    if not kept and content == cue:
        kept = cue  # "declined to comment": the refusal is the whole statement
    if not kept and not borrows:
        return None
    return Attribution(cue, cue_lemma, (first, stop), subject, kept, False, borrows=borrows and not kept)


def _subject_of(tree: Tree, index: int) -> int | None:
    """The subject of the cue, or of the verb it is coordinated with or complements ("… but warned")."""
    seen = set()
    current = index
    while current not in seen:
        seen.add(current)
        subjects = tree.kids(current, *SUBJECTS)
        if subjects:
            # a subject on the cue's side of the quotation marks: in '"…, it will," said James Acton' the parser
            # may hang the quote's own subject on "said" too
            subject = min(subjects, key=lambda s: (tree.quoted[s] != tree.quoted[index], s))
            if tree.tokens[subject].tag in ("WP", "WDT") and tree.tokens[current].dep == "relcl":
                return tree.tokens[current].head  # "officials who said …"
            return subject
        token = tree.tokens[current]
        if token.dep == "acl" and current == index and tree.tokens[token.head].pos in ("NOUN", "PROPN"):
            if any(tree.tokens[c].tag == "TO" for c in tree.kids(index, "aux")):
                return None  # a to-infinitive says what the noun is for ("willingness to respond"), not who speaks
            return token.head  # "online postings that included one saying …"
        if token.dep not in INHERITING or token.head == current:
            return None
        if token.dep == "prep" and tree.tokens[token.head].pos not in ("VERB", "AUX"):
            return None  # "the claim of saying …" has no speaking subject
        if token.dep == "advcl" and tree.tokens[token.head].dep != "ROOT":
            return None  # "…would take action, while reiterating…" may hang off the reported clause
        current = token.head
    return None


def _phrase_range(tree: Tree, head: int, cue: int | None = None) -> tuple[int, int]:
    """The contiguous phrase of a noun, cut before a comma or dash that opens an apposition or clause after the
    head, and never across the cue: a parse that hangs the reported clause on the speaker ("Trump had said
    Mattis -- the first … -- would stay") must not make that clause the speaker."""
    span = set(tree.subtree(head))
    first = head
    while first - 1 in span and first - 1 != cue:
        first -= 1
    last = head
    while last + 1 in span and last + 1 != cue and not _opens_clause(tree.tokens[last + 1]):
        last += 1
    while first < last and tree.tokens[first].pos == "PUNCT":
        first += 1
    while last > first and tree.tokens[last].pos == "PUNCT":
        last -= 1
    return first, last + 1


PHRASE_BREAKS = frozenset({",", "(", "—", "–", "--", "―", ";", ":", "“", "”", '"'})


def _opens_clause(token: Token) -> bool:
    """Where a speaker phrase ends: punctuation that opens an apposition, or the start of a clause ("members
    who have …", "an interview that …", "the House vote to …")."""
    if token.text in PHRASE_BREAKS or token.tag in ("WDT", "WP", "WP$", "TO"):
        return True
    return token.pos in ("VERB", "AUX") or (token.text.casefold() == "that" and token.dep in ("nsubj", "mark"))
