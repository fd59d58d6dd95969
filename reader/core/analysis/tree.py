"""Children lists, subtrees and quotation flags over one parsed sentence: what the cue rules walk."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.analysis.parsed import ParsedSentence, Token

QUOTE_MARKS = '"“”«»„'


class Tree:
    """Children lists and subtrees over a parsed sentence."""

    def __init__(self, sentence: ParsedSentence) -> None:
        self.tokens: Sequence[Token] = sentence.tokens
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for index, token in enumerate(self.tokens):
            if token.head != index:
                self.children[token.head].append(index)
        self.quoted = _inside_quotes(self.tokens)
        """Whether each token lies between quotation marks within the sentence."""
        self.people = frozenset(i for e in sentence.entities if e.label == "PERSON" for i in range(e.first, e.stop))
        """Tokens of the names the model labelled PERSON."""

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


def _inside_quotes(tokens: Sequence[Token]) -> list[bool]:
    inside = False
    flags = []
    for token in tokens:
        text = token.text
        if text in OPEN_MARKS or (text in STRAIGHT_MARKS and not inside):
            flags.append(False)
            inside = True
        elif text in CLOSE_MARKS or (text in STRAIGHT_MARKS and inside):
            flags.append(False)
            inside = False
        else:
            flags.append(inside)
    return flags


OPEN_MARKS = frozenset({"“", "«", "„", "``"})
CLOSE_MARKS = frozenset({"”", "»", "''"})
STRAIGHT_MARKS = frozenset({'"'})


def without_that(tree: Tree, clause: int) -> list[int]:
    """The clause's tokens without its opening conjunction "that" (the content is what follows it)."""
    marks = {c for c in tree.kids(clause, "mark") if tree.tokens[c].text.casefold() == "that" and c < clause}
    return [i for i in tree.subtree(clause) if i not in marks]


def mark_of(tree: Tree, clause: int) -> str:
    """The clause's subordinating word ("that", "as", "if"), folded; "" when it has none."""
    marks = tree.kids(clause, "mark")
    return tree.tokens[marks[0]].text.casefold() if marks else ""
