"""The marks that carry each class in text, so its meaning never rests on colour alone.

One table for the app's gutter, the text report, the Markdown and HTML exports and the help legend: a reader
who learns `≈` in one place finds it meaning the same everywhere.
"""

from __future__ import annotations

from reader.core.records import SentenceClass

MARKS: dict[SentenceClass, str] = {
    SentenceClass.VERBATIM: "=",
    SentenceClass.PARAPHRASE: "≈",
    SentenceClass.PARTIAL: "~",
    SentenceClass.UNIQUE: "+",
    SentenceClass.BOILERPLATE: "·",
}
MOVED_MARK = "↕"
CONFLICT_MARK = "!"
NOTE_MARK = "✎"
"""A sentence that carries a note (the app's gutter has a column of its own for it, beside the class mark)."""

LEGEND: tuple[tuple[str, str], ...] = (
    (MARKS[SentenceClass.VERBATIM], "verbatim: the same words in both articles"),
    (MARKS[SentenceClass.PARAPHRASE], "paraphrase: the same content in other words"),
    (MARKS[SentenceClass.PARTIAL], "partial: part of the passage is shared, one side adds to it"),
    (MARKS[SentenceClass.UNIQUE], "unique: only this article has it"),
    (MOVED_MARK, "moved: the counterpart sits elsewhere (Enter jumps to it)"),
    (CONFLICT_MARK, "detail conflict: a number or date differs between the two tellings"),
    (MARKS[SentenceClass.BOILERPLATE], "boilerplate (folded; b shows it)"),
)
