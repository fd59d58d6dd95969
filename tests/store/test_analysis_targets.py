"""Actor and claim notes: matched again after re-analysis (ids change), orphaned when gone, exported."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.records import (
    Actor,
    ActorKind,
    Claim,
    ClaimFlag,
    ClaimKind,
    ClaimLink,
    Comparison,
    TextSpan,
)
from reader.store.annotations import QUICK_TAGS
from reader.store.session import Session
from tests.store.build import RIGHT, hand_comparison, span


def analysed(comparison: Comparison, actor_id: str = "actor-1", claim_id: str = "claim-1") -> Comparison:
    b = comparison.articles[1]
    content = span(b.text, RIGHT[2], "discussed")
    claim = Claim(
        id=claim_id,
        article=1,
        sentence=2,
        kind=ClaimKind.INDIRECT,
        speaker=None,
        speaker_label="the officials",
        speaker_actor=None,
        cue=TextSpan(content.start, content.end, content.text),
        content=span(b.text, RIGHT[2], "<script>alert(1)</script>"),
        line=3,
    )
    actor = Actor(
        id=actor_id,
        name="Leaders",
        kind=ActorKind.GROUP,
        aliases=("Leaders", "the leaders"),
        mentions=(),
        counts=(1, 1),
    )
    link = ClaimLink(a=claim_id, b=claim_id, flags=(ClaimFlag.SOURCE_DIFFERS,))
    return replace(comparison, actors=(actor,), claims=(claim,), claim_links=(link,), analysed=True)


def test_actor_and_claim_notes_follow_new_ids() -> None:
    session = Session(analysed(hand_comparison()), autosave=False)
    actor_note = session.annotate_actor("actor-1", "who are they?")
    claim_note = session.annotate_claim("claim-1", "unsourced", "check")
    assert session.notes_for_actor("actor-1") == (actor_note,)
    # A new analysis run renames everything: notes are matched by name and content.
    session.set_comparison(analysed(hand_comparison(), actor_id="actor-9", claim_id="claim-7"))
    assert [a.id for a in session.notes_for_actor("actor-9")] == [actor_note.id]
    assert [a.id for a in session.notes_for_claim("claim-7")] == [claim_note.id]
    assert session.orphans == ()


def test_vanished_actor_is_listed_as_orphan_until_it_returns() -> None:
    session = Session(analysed(hand_comparison()), autosave=False)
    note = session.annotate_actor("actor-1", "who are they?")
    session.set_comparison(replace(analysed(hand_comparison()), actors=()))
    assert [a.id for a in session.orphans] == [note.id]
    session.set_comparison(analysed(hand_comparison()))
    assert session.orphans == ()


def test_unanalysed_comparison_leaves_actor_notes_alone() -> None:
    session = Session(analysed(hand_comparison()), autosave=False)
    note = session.annotate_actor("actor-1", "kept")
    session.set_comparison(hand_comparison())
    assert session.annotations == (note,) and session.orphans == ()


def test_exports_carry_actor_and_claim_sections_and_notes() -> None:
    session = Session(analysed(hand_comparison()), autosave=False)
    session.annotate_actor("actor-1", "actor note")
    session.annotate_claim("claim-1", "claim note")
    markdown = str(session.export("md"))
    assert "## Actors (1)" in markdown and "## Claims (1)" in markdown
    assert "actor note" in markdown and "claim note" in markdown
    assert "linked: source differs" in markdown
    html = str(session.export("html"))
    assert "Actors (1)" in html and "Claims (1)" in html and "<script>" not in html
    assert session.suggested_export_name("html").endswith(".html")


def test_store_and_export_never_import_textual_or_spacy() -> None:
    code = (
        "import sys, reader.store, reader.export, reader.cli.store_commands; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'spacy')]; "
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


notes = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["[bold]x[/bold]", "<script>alert(1)</script>", "a\nb\r\nc\n\n", "🙂 中文 é"]
)


@settings(max_examples=25, deadline=None)
@given(texts=st.lists(notes, min_size=1, max_size=4), tags=st.lists(st.sampled_from((*QUICK_TAGS, "mine")), max_size=3))
def test_session_round_trip_through_disk(texts: list[str], tags: list[str]) -> None:
    session = Session(analysed(hand_comparison()), autosave=False)
    for number, text in enumerate(texts):
        session.annotate_sentence(number % 2, number % 4, text, tags)
    session.annotate_actor("actor-1", texts[0])
    session.save_as("round trip", overwrite=True)
    reopened = Session.open("round trip", autosave=False)
    assert reopened.annotations == session.annotations
    assert [a.note for a in reopened.annotations] == [*texts, texts[0]]
