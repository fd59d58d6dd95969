"""The attribution lexicon: which verb lemmas report what a source said, thinks, found or intends, and how.

Written from English reporting style (the reporting, cognition and stance verbs that style guides and
attribution corpora list), grouped by what their content can be; the groups, not single words, were checked on
PolNeAR dev (every attribution of one annotator), where each group finds attributions more often than not.
Verbs that mostly mean something else in news prose stay out however often they report: "want", "see", "know",
"make", "decide" (each under a third of their uses is an attribution there); "think" is mostly a hedge inside
the speaker's own words ("I think …"), which attribution corpora do not count. "speak" and "talk" report only
with what they are about ("spoke of …").
"""

from __future__ import annotations

from enum import Enum

from reader.core.analysis.names import word_set


class CueKind(Enum):
    """What the content of a cue can be."""

    OBJECT = "object"
    """A clause, or an object or prepositional phrase that carries the statement ("pledged support for …",
    "criticized the law as …")."""
    CLAUSE = "clause"
    """Only a clause ("added that …", "believes Iran …", "a poll shows that …")."""
    INTENT = "intent"
    """A clause or an infinitive ("vowed to …", "decided to …", "plans to …")."""


SPEECH_OBJECT = word_set(
    """
    say tell warn urge confirm deny announce acknowledge pledge promise vow threaten caution reiterate emphasize
    emphasise stress demand admit concede insist claim declare predict propose recommend ask
    accuse criticize criticise praise attack blast slam condemn denounce reject dismiss defend echo cite describe
    question mention reference highlight detail outline tout hail applaud welcome blame mock rebuke decry dispute
    challenge discuss express endorse oppose encourage liken label dub repeat tweet post thank apologize apologise
    charge ridicule lambast lambaste chide scold fault knock assail berate tweak counter quip note point offer
    respond reply view rule publish back
    """
)
"""Speech acts whose object can carry the statement."""
SPEECH_CLAUSE = word_set(
    """
    add explain indicate report write suggest argue state estimate recall contend assert
    observe remark signal conclude testify allege maintain complain disclose comment answer acknowledge joke
    boast brag caution affirm reaffirm declare insist point wonder
    """
)
"""Speech acts whose content is a clause."""
COGNITION = word_set(
    """
    believe fear doubt feel worry suspect reckon assume understand realize realise suppose guess
    """
)
"""Beliefs stated for a source: content is a clause. Not attributions with a first or second person subject,
which hedge the speaker's own words ("I think …" inside a quote)."""
EVIDENCE = word_set(
    """
    show find reveal suggest indicate demonstrate illustrate confirm document
    """
)
"""What a poll, a report or a study found: content is a clause."""
EVIDENCE_OBJECT = word_set("show reveal")
"""Evidence verbs whose object is the finding ("polls show a close contest", "the emails reveal a pattern")."""
INTENT = word_set(
    """
    plan intend expect hope agree vow pledge promise threaten refuse
    """
)
"""Intentions and positions: content is a clause or an infinitive."""
STATEMENT_NOUNS = word_set(
    """
    claim statement remark comment assertion allegation accusation argument warning promise pledge vow demand
    request announcement suggestion criticism charge denial admission prediction insistence testimony call
    contention complaint prediction belief view position proposal plea appeal apology criticism
    """
)
"""Nouns that report a statement when a source owns them ("Trump's claim that …", "the senator's call for …")."""
PARTICLES = frozenset({("point", "out"), ("lay", "out"), ("weigh", "in"), ("speak", "out"), ("spell", "out")})
"""Phrasal reporting verbs: the particle is part of the cue ("pointed out that …")."""
PHRASAL_KINDS = {"lay": CueKind.OBJECT, "weigh": CueKind.OBJECT, "speak": CueKind.OBJECT, "spell": CueKind.OBJECT}
TOPIC_VERBS = word_set("speak talk")
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on"})
""""spoke of his mother", "talked about taxes": the preposition is part of the cue, its object the content."""
CONTINUING = word_set("continue")
"""Cues only when what they introduce is a quotation ("Caddell continued: “…”")."""
FIRST_PERSON = frozenset({"i", "we", "you"})


def cue_kind(lemma: str) -> CueKind | None:
    """The kind of the verb as a cue, or None when it is not one."""
    if lemma in SPEECH_OBJECT or lemma in EVIDENCE_OBJECT:
        return CueKind.OBJECT
    if lemma in INTENT:
        return CueKind.INTENT
    if lemma in SPEECH_CLAUSE or lemma in COGNITION or lemma in EVIDENCE:
        return CueKind.CLAUSE
    return None


def stance_only(lemma: str) -> bool:
    """Whether a cue lemma reports a belief, intention or finding and never a speech act ("plan", "believe",
    "show"; not "suggest" or "vow", which are also said)."""
    return lemma in STANCES and lemma not in SPEECH_OBJECT and lemma not in SPEECH_CLAUSE


STANCES = COGNITION | INTENT | EVIDENCE


LEMMA_SLIPS = {"hop": "hope"}
"""Lemmas the small model gives reporting verbs wrongly ("hopes" → "hop"), mapped to the verb's lemma."""


def verb_lemma(lemma: str, text: str) -> str:
    """The lemma of a verb token, with the model's known slips on reporting verbs mended when the written
    form confirms them ("hopes" and "hoped" are "hope"; "hopped" stays "hop")."""
    lemma = lemma.casefold()
    fixed = LEMMA_SLIPS.get(lemma)
    return fixed if fixed is not None and text.casefold().startswith(fixed) else lemma


EVENT_NOUNS = word_set(
    """
    talk talks meeting discussion summit conference session negotiation visit debate hearing event rally
    ceremony exchange dialogue encounter gathering trip tour
    """
)
"""Events that happen, not sources that speak: "the talks highlighted growing tensions" reports the talks'
subject, not a statement by them. Evidence verbs still take them ("the hearing revealed …")."""


def speaks_for_itself(head_lemma: str, head_pos: str, cue_lemma: str) -> bool:
    """Whether a subject can be the source of a cue: a person, organisation, pronoun or role can say anything;
    an event only shows or reveals."""
    if head_pos != "NOUN" or head_lemma.casefold() not in EVENT_NOUNS:
        return True
    return cue_lemma.split(" ", 1)[0] in EVIDENCE


TOPIC_CUES = word_set("discuss talk speak highlight mention detail outline reference address")
"""Cues whose content is a topic rather than a statement ("discussed a second strike"): in a headline they
name the event the story reports ("Netanyahu Discusses Second Strike on Iran"), which the body then attributes."""
