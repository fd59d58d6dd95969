"""Actors: name mentions clustered across articles, with one kind and one canonical name each.

Three decisions turn mentions into actors:
1. The kind of a name is the majority of the model's labels for it over the whole comparison, so "Trump" tagged
   ORG in a few sentences stays a person.
2. Multi-word person names with the same surname and one given name are one person ("Donald Trump", "Donald J.
   Trump", "Chuck Grassley", "Charles E. Grassley": see `people`); a single word that is the last or first word
   of exactly one such person joins it ("Netanyahu"). When two people share it ("Bill Clinton", "Hillary
   Clinton"), each mention goes to the one named nearest before it in the same article, so distinct people stay
   apart; a surname after an honorific ("Mrs. Clinton") goes where its first use in the article went.
3. Well-known abbreviations meet their long form ("U.S.", "US", "the United States"; "Tex." and "Texas"), and
   such a well-known name has its own kind whatever the model labelled it ("United States" tagged ORG inside
   "the United States Senate" is the country).
4. A group's singular and plural are one group ("Republican", "Republicans"), named by the plural: the model
   labels both NORP, the adjective ("a Republican senator") and the people ("Republicans said").
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.analysis.candidate import Candidate
from reader.core.analysis.mentions import extract_candidates
from reader.core.analysis.names import PLACE_ALIAS_KINDS, US_STATE_DISPLAY, fold, place_alias, slug
from reader.core.analysis.parsed import ParsedArticle
from reader.core.analysis.people import is_given_name, person_groups, spelling_skeleton, spelling_variants
from reader.core.records import Actor, ActorKind, Article, Mention

KIND_PRIORITY = (ActorKind.PERSON, ActorKind.ORGANISATION, ActorKind.PLACE, ActorKind.GROUP)
"""Tie-break between equally frequent labels: a name is more often a person than a place."""
MAX_VOTES_TO_OVERRULE = 2
"""A name never labelled PERSON still joins a person when it was labelled at most this many times."""


def build_actors(articles: Sequence[Article], parsed: Sequence[ParsedArticle]) -> tuple[Actor, ...]:
    """The actors of a set of articles, ordered by total mentions (most first), then by name."""
    candidates = extract_candidates(articles, parsed)
    return cluster_candidates(articles, candidates)


@dataclass
class _Cluster:
    key: str
    members: list[Candidate]
    person: bool


def cluster_candidates(articles: Sequence[Article], candidates: Sequence[Candidate]) -> tuple[Actor, ...]:
    """Group candidates into actors (see the module docstring for the rules)."""
    votes: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for candidate in candidates:
        if candidate.kind is not None:
            votes[candidate.key][candidate.kind] += 1
    majority = {key: _majority(counter) for key, counter in votes.items()}
    people = _person_groups(candidates, majority)
    short_names = _short_name_index(people)
    surnames = _surname_index(people)
    spelled = _spelling_index(
        surnames, {key for key, kind in majority.items() if kind is ActorKind.PERSON and " " not in key}
    )
    nearest = _NearestPerson(candidates, people)
    honorifics = _HonorificChoices()
    plural = {
        key: key + "s"
        for key, kind in majority.items()
        if kind is ActorKind.GROUP and majority.get(key + "s") is ActorKind.GROUP
    }
    clusters: dict[str, _Cluster] = {}
    countries = {(c.article, c.key) for c in candidates if majority.get(c.key) is ActorKind.PLACE}
    for candidate in candidates:
        key = candidate.key
        if candidate.country is not None and (candidate.article, candidate.country) in countries:
            key = candidate.country  # "the Islamic Republic" where the article names Iran
        key = plural.get(key, key)
        group = people.get(key)
        if group is None and " " not in key and _may_join_person(votes.get(key)):
            named = short_names.get(key) or spelled.get(key)
            group = honorifics.choose(candidate, named, nearest) if named else None
        cluster_key = f"person:{group}" if group is not None else f"name:{key}"
        cluster = clusters.setdefault(cluster_key, _Cluster(group or key, [], group is not None))
        cluster.members.append(candidate)
    return _actors_from(articles, clusters.values(), votes)


def _majority(counter: Counter[ActorKind]) -> ActorKind:
    return max(counter, key=lambda kind: (counter[kind], -KIND_PRIORITY.index(kind)))


def _person_groups(candidates: Sequence[Candidate], majority: dict[str, ActorKind]) -> dict[str, str]:
    """Map each multi-word person key to the key of its group (see `people.person_groups`)."""
    frequency = Counter(candidate.key for candidate in candidates)
    keys = [
        key for key, kind in majority.items() if kind is ActorKind.PERSON and " " in key and place_alias(key) is None
    ]
    return person_groups(keys, frequency)


def _short_name_index(people: dict[str, str]) -> dict[str, list[str]]:
    """Single words (last name, first name) to the person groups they may stand for."""
    index: dict[str, set[str]] = defaultdict(set)
    for key, group in people.items():
        words = key.split()
        index[words[-1]].add(group)
        index[words[0]].add(group)
    return {word: sorted(groups) for word, groups in index.items()}


def _surname_index(people: dict[str, str]) -> dict[str, list[str]]:
    """Last words of person names to the person groups they end."""
    index: dict[str, set[str]] = defaultdict(set)
    for key, group in people.items():
        index[key.split()[-1]].add(group)
    return {word: sorted(groups) for word, groups in index.items()}


def _spelling_index(surnames: dict[str, list[str]], words: set[str]) -> dict[str, list[str]]:
    """Single words the model calls people that are another spelling of a person's surname ("Qadhafi" where
    an outlet wrote "Moammar Gadhafi") to the person groups whose surname they spell; looked up by skeleton, so
    near-linear. Only people's surnames: "Morocco" and "Marco" share a skeleton, a country and a given name."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for word in surnames:
        by_skeleton[spelling_skeleton(word)].append(word)
    index: dict[str, list[str]] = {}
    for word in sorted(words - surnames.keys()):
        known = [other for other in by_skeleton.get(spelling_skeleton(word), []) if spelling_variants(word, other)]
        groups = sorted({group for other in known for group in surnames[other]})
        if groups:
            index[word] = groups
    return index


def _may_join_person(counter: Counter[ActorKind] | None) -> bool:
    """A single word joins a person unless the model consistently called it something else."""
    if not counter:
        return True
    return counter[ActorKind.PERSON] > 0 or sum(counter.values()) <= MAX_VOTES_TO_OVERRULE


class _NearestPerson:
    """Where each person group is named in each article (sorted offsets), so a short name finds the one named
    nearest before it by bisection instead of a scan of every candidate (which made the clustering quadratic)."""

    def __init__(self, candidates: Sequence[Candidate], people: dict[str, str]) -> None:
        starts: dict[tuple[int, str], list[int]] = defaultdict(list)
        for candidate in candidates:
            group = people.get(candidate.key)
            if group is not None:
                starts[(candidate.article, group)].append(candidate.start)
        self._starts = {place: sorted(offsets) for place, offsets in starts.items()}

    def choose(self, candidate: Candidate, groups: list[str]) -> str | None:
        """The one person a short name can mean; with several, the one named last before it in its article
        (else first after it); None when the article names none of them."""
        if len(groups) == 1:
            return groups[0]
        before: tuple[int, str] | None = None
        after: tuple[int, str] | None = None
        for group in groups:
            offsets = self._starts.get((candidate.article, group))
            if not offsets:
                continue
            position = bisect.bisect_left(offsets, candidate.start)
            if position > 0 and (before is None or offsets[position - 1] > before[0]):
                before = (offsets[position - 1], group)
            position = bisect.bisect_right(offsets, candidate.start)
            if position < len(offsets) and (after is None or offsets[position] < after[0]):
                after = (offsets[position], group)
        chosen = before or after
        return chosen[1] if chosen else None


HONORIFIC_CLASSES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
"""Honorifics before a surname, by the person they can name: "Mrs. Clinton" and "Ms. Clinton" one, "Mr.
Clinton" another."""


class _HonorificChoices:
    """One honorific and surname in one article are one person: the person the first of them was given.

    Papers that write "Mrs. Clinton" keep writing it for her after "Bill Clinton" is named once; taking the
    person named nearest before each mention gave him nine of her 16 mentions in a cross-outlet NYT article.
    "Mr. Clinton" is then never given the person "Mrs. Clinton" was, when another person shares the surname."""

    def __init__(self) -> None:
        self._given: dict[tuple[int, str, str], str] = {}

    def choose(self, candidate: Candidate, groups: list[str], nearest: _NearestPerson) -> str | None:
        honorific = _honorific_class(candidate)
        if honorific is None or len(groups) == 1:
            return nearest.choose(candidate, groups)
        place = (candidate.article, honorific, candidate.key)
        given = self._given.get(place)
        if given in groups:
            return given
        other_classes = set(HONORIFIC_CLASSES.values()) - {honorific}
        taken = {self._given.get((candidate.article, other, candidate.key)) for other in other_classes}
        chosen = nearest.choose(candidate, [group for group in groups if group not in taken] or groups)
        if chosen is not None:
            self._given[place] = chosen
        return chosen


def _honorific_class(candidate: Candidate) -> str | None:
    """ "f" or "m" for a name written after Mrs./Ms./Miss or Mr., else None."""
    before = candidate.titled[: len(candidate.titled) - len(candidate.text)].split()
    return HONORIFIC_CLASSES.get(fold(before[-1]).rstrip(".")) if before else None


def _actors_from(
    articles: Sequence[Article], clusters: Iterable[_Cluster], votes: dict[str, Counter[ActorKind]]
) -> tuple[Actor, ...]:
    drafts = []
    for cluster in clusters:
        members = sorted(cluster.members, key=lambda c: (c.article, c.start, c.end))
        kind = ActorKind.PERSON if cluster.person else _known_kind(cluster.key) or _cluster_kind(members, votes)
        if kind is ActorKind.PERSON and not cluster.person and _unsupported_person(cluster.key, members):
            kind = ActorKind.ORGANISATION
        name = _display_name(cluster.key, members)
        mentions = tuple(
            Mention(
                article=c.article,
                start=c.start,
                end=c.end,
                text=c.text,
                sentence=c.sentence,
                line=articles[c.article].line_of(c.start),
            )
            for c in members
        )
        counts = [0] * len(articles)
        for c in members:
            counts[c.article] += not c.full_name or c.full_name.endswith(c.text)  # a cut name counts once
        spellings = {text for c in members for text in (c.text, c.titled) if text != name}
        alias_list = sorted(spellings, key=lambda t: (fold(t), t))
        drafts.append((name, kind, tuple(alias_list), mentions, tuple(counts)))
    drafts.sort(key=lambda d: (-len(d[3]), fold(d[0]), d[0], d[1].value))
    actors = []
    used: Counter[str] = Counter()
    for draft_name, draft_kind, aliases, draft_mentions, draft_counts in drafts:
        base = f"{draft_kind.value}-{slug(draft_name)}"
        used[base] += 1
        actor_id = base if used[base] == 1 else f"{base}-{used[base]}"
        actors.append(
            Actor(
                id=actor_id,
                name=draft_name,
                kind=draft_kind,
                aliases=aliases,
                mentions=draft_mentions,
                counts=draft_counts,
            )
        )
    return tuple(actors)


def _unsupported_person(key: str, members: Sequence[Candidate]) -> bool:
    """A one-word "person" that nothing else says is one: no title before it ("Mr.", "President"), not a given
    name, not part of a person's full name (those joined a person group already), not a piece of a name that
    brackets cut in two ("Moammar) Gadhafi"). The model's person label on a brand or a movement ("Twitter",
    "Indivisible") is the usual cause."""
    if " " in key or any(member.titled != member.text or member.name_piece for member in members):
        return False
    return not is_given_name(key)


def _known_kind(key: str) -> ActorKind | None:
    """The kind of a well-known name (`names.PLACE_ALIAS_KINDS`), else None."""
    known = PLACE_ALIAS_KINDS.get(place_alias(key) or "")
    return ActorKind(known) if known else None


def _cluster_kind(members: Sequence[Candidate], votes: dict[str, Counter[ActorKind]]) -> ActorKind:
    total: Counter[ActorKind] = Counter()
    for key in sorted({c.key for c in members}):
        total.update(votes.get(key, Counter()))
    return _majority(total) if total else ActorKind.ORGANISATION


def _display_name(key: str, members: Sequence[Candidate]) -> str:
    """The well-known long form, else the most frequent spelling of the cluster's key that is not all capitals."""
    alias = place_alias(key) or US_STATE_DISPLAY.get(key)
    if alias:
        return alias
    spellings = Counter(c.full_name or c.text for c in members if c.key == key) or Counter(
        c.full_name or c.text for c in members
    )
    return max(spellings, key=lambda text: (not text.isupper(), spellings[text], len(text), text))
