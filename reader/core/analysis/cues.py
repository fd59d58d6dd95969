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
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.names import word_set
from reader.core.analysis.parsed import ParsedSentence, Token

OBJECT_CUES = word_set(
    """
    say tell warn urge confirm deny announce acknowledge pledge promise vow threaten caution reiterate emphasize
    emphasise stress demand admit concede insist claim declare predict propose recommend ask
    """
)
"""Speech verbs whose direct object or prepositional phrase can carry the statement ("pledged support for …")."""
CLAUSE_CUES = word_set(
    """
    add note explain indicate report write tweet suggest argue state estimate recall reply respond contend assert
    observe remark signal conclude testify allege maintain complain mention disclose comment announce
    believe think fear doubt expect hope feel worry suspect reckon assume
    """
)
"""Verbs that are attributions only with a clause as content ("added that …", "believes Iran …")."""
CALL_PREPOSITIONS = frozenset({"for", "on"})
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
QUOTE_MARKS = '"“”«»„'
INHERITING = ("conj", "xcomp", "advcl")


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


class Tree:
    """Children lists and subtrees over a parsed sentence."""

    def __init__(self, sentence: ParsedSentence) -> None:
        self.tokens: Sequence[Token] = sentence.tokens
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for index, token in enumerate(self.tokens):
            if token.head != index:
                self.children[token.head].append(index)

    def kids(self, index: int, *deps: str) -> list[int]:
        return [c for c in self.children[index] if not deps or self.tokens[c].dep in deps]

    def subtree(self, index: int) -> list[int]:
        found = [index]
        stack = [index]
        while stack:
            for child in self.children[stack.pop()]:
                found.append(child)
                stack.append(child)
        return sorted(found)


def find_attributions(sentence: ParsedSentence) -> list[Attribution]:
    """Every attribution of one sentence, in cue order."""
    tree = Tree(sentence)
    found: list[Attribution] = []
    for index, token in enumerate(tree.tokens):
        attribution = _according_to(tree, index) if token.text.casefold() == "according" else None
        if attribution is None and token.pos in ("VERB", "AUX"):
            attribution = _verb_cue(tree, index)
        if attribution is not None:
            content = _trim_punctuation(tree, attribution.content)
            if content:
                found.append(dataclasses.replace(attribution, content=content))
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
    lemma = token.lemma.casefold()
    if token.tag == "VBN" and not tree.kids(index, "aux", "auxpass") and token.dep not in ("conj", "ROOT"):
        return None  # adjectival participle: "Hezbollah's reported efforts"
    if tree.kids(index, "nsubjpass", "auxpass"):
        return None  # "was told": the speaker is not the subject
    if token.dep == "xcomp" and tree.tokens[token.head].lemma.casefold() in NO_COMMENT_VERBS:
        return None  # the complement of "declined to comment" is part of that cue
    cue: tuple[int, ...] = (index,)
    if lemma in NO_COMMENT_VERBS:
        complement = next(
            (c for c in tree.kids(index, "xcomp") if tree.tokens[c].lemma.casefold() in NO_COMMENT_COMPLEMENTS), None
        )
        if complement is None:
            return None
        cue = tuple(range(index, complement + 1))
        content = tuple(i for c in tree.kids(complement, "prep", "dobj", "ccomp") for i in tree.subtree(c))
        cue_lemma = f"{lemma} to {tree.tokens[complement].lemma.casefold()}"
        return _with_speaker(tree, index, cue, cue_lemma, content or cue)
    if lemma == "call":
        return _call_cue(tree, index)
    if lemma not in OBJECT_CUES and lemma not in CLAUSE_CUES:
        return None
    content = _content(tree, index, clause_only=lemma not in OBJECT_CUES)
    return _with_speaker(tree, index, cue, lemma, content) if content else None


def _call_cue(tree: Tree, index: int) -> Attribution | None:
    """ "called for X to …", "called on X to …", "called the deal a disaster"."""
    following = index + 1
    if following < len(tree.tokens) and tree.tokens[following].text.casefold() in CALL_PREPOSITIONS:
        preposition = tree.tokens[following].text.casefold()
        content = tuple(i for i in _content(tree, index, clause_only=False) if i != following)
        return _with_speaker(tree, index, (index, following), f"call {preposition}", content)
    if tree.kids(index, "oprd", "ccomp"):
        return _with_speaker(tree, index, (index,), "call", _content(tree, index, clause_only=True))
    return None


def _content(tree: Tree, index: int, *, clause_only: bool) -> tuple[int, ...]:
    """Token indices of what the cue at `index` reports."""
    clauses = tree.kids(index, "ccomp")
    if clauses:
        return tuple(sorted(i for c in clauses for i in _without_that(tree, c)))
    token = tree.tokens[index]
    if token.dep == "parataxis":
        own = set(tree.subtree(index))
        return tuple(i for i in tree.subtree(token.head) if i not in own)
    if clause_only:
        return ()
    picked: list[int] = []
    for child in tree.children[index]:
        kid = tree.tokens[child]
        if child < index or kid.dep not in CONTENT_RELATIONS:
            continue
        if kid.dep == "advcl" and _mark_of(tree, child) in NON_CONTENT_MARKS:
            continue
        picked.extend(tree.subtree(child))
    return tuple(sorted(picked))


def _without_that(tree: Tree, clause: int) -> list[int]:
    marks = {c for c in tree.kids(clause, "mark") if tree.tokens[c].text.casefold() == "that" and c < clause}
    return [i for i in tree.subtree(clause) if i not in marks]


def _mark_of(tree: Tree, clause: int) -> str:
    marks = tree.kids(clause, "mark")
    return tree.tokens[marks[0]].text.casefold() if marks else ""


def _with_speaker(
    tree: Tree, index: int, cue: tuple[int, ...], cue_lemma: str, content: tuple[int, ...]
) -> Attribution | None:
    subject = _subject_of(tree, index)
    if subject is None:
        return None
    first, stop = _phrase_range(tree, subject)
    kept = tuple(i for i in content if not first <= i < stop and i not in cue)
    if not kept and content == cue:
        kept = cue  # "declined to comment": the refusal is the whole statement
    return Attribution(cue, cue_lemma, (first, stop), subject, kept, False)


def _subject_of(tree: Tree, index: int) -> int | None:
    """The subject of the cue, or of the verb it is coordinated with or complements ("… but warned")."""
    seen = set()
    current = index
    while current not in seen:
        seen.add(current)
        subjects = tree.kids(current, *SUBJECTS)
        if subjects:
            subject = subjects[0]
            if tree.tokens[subject].tag in ("WP", "WDT") and tree.tokens[current].dep == "relcl":
                return tree.tokens[current].head  # "officials who said …"
            return subject
        token = tree.tokens[current]
        if token.dep not in INHERITING or token.head == current:
            return None
        if token.dep == "advcl" and tree.tokens[token.head].dep != "ROOT":
            return None  # "…would take action, while reiterating…" may hang off the reported clause
        current = token.head
    return None


def _phrase_range(tree: Tree, head: int) -> tuple[int, int]:
    """The contiguous phrase of a noun, cut before a comma that opens an apposition or clause after the head."""
    span = tree.subtree(head)
    first, last = span[0], span[-1]
    for offset in range(head + 1, last + 1):
        if tree.tokens[offset].text in (",", "(", "—", "–"):
            last = offset - 1
            break
    while first < last and tree.tokens[first].pos == "PUNCT":
        first += 1
    while last > first and tree.tokens[last].pos == "PUNCT":
        last -= 1
    return first, last + 1
