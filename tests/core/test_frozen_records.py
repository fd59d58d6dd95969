"""The loading stage's records are frozen dataclasses in all but how they are made (`reader.core.records.frozen`).

Each is checked against the `@dataclass(frozen=True)` it stands for, built here from its own fields: the same
`__init__` signature, repr, equality, hash, refusal to change, `replace`, `asdict` and pickling.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.records import Article, ArticleMeta, Block, BlockKind, Sentence, TextSpan
from reader.core.records.frozen import frozen_record

RECORDS: tuple[type, ...] = (TextSpan, Block, Sentence, ArticleMeta, Article)

optional_text = st.none() | st.text(max_size=8)
blocks = st.builds(Block, st.integers(), st.sampled_from(BlockKind), st.integers(), st.integers())
sentences = st.builds(
    Sentence,
    st.integers(),
    st.integers(),
    st.sampled_from(BlockKind),
    st.integers(),
    st.integers(),
    st.text(max_size=8),
)
metas = st.builds(
    ArticleMeta,
    optional_text,
    optional_text,
    optional_text,
    optional_text,
    st.lists(st.text(max_size=4), max_size=2).map(tuple),
    optional_text,
    optional_text,
)
ints = st.lists(st.integers(), max_size=3).map(tuple)
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "int": st.integers(),
    "str": st.text(max_size=8),
    "str | None": optional_text,
    "BlockKind": st.sampled_from(BlockKind),
    "tuple[str, ...]": st.lists(st.text(max_size=4), max_size=2).map(tuple),
    "tuple[int, ...]": ints,
    "tuple[Block, ...]": st.lists(blocks, max_size=2).map(tuple),
    "tuple[Sentence, ...]": st.lists(sentences, max_size=2).map(tuple),
    "ArticleMeta": metas,
}


def reference(cls: type) -> type:
    """The `@dataclass(frozen=True)` that `cls` stands for: its fields, defaults and name."""
    specs = []
    for spec in dataclasses.fields(cls):
        if spec.default_factory is not dataclasses.MISSING:
            specs.append((spec.name, spec.type, dataclasses.field(default_factory=spec.default_factory)))
        elif spec.default is not dataclasses.MISSING:
            specs.append((spec.name, spec.type, dataclasses.field(default=spec.default)))
        else:
            specs.append((spec.name, spec.type))
    made: type = dataclasses.make_dataclass(cls.__name__, specs, frozen=True)
    return made


def values_of(cls: type) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({spec.name: FIELD_VALUES[str(spec.type)] for spec in dataclasses.fields(cls)})


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    parameters = inspect.signature(cls).parameters
    assert list(parameters) == [spec.name for spec in dataclasses.fields(cls)]
    for spec in dataclasses.fields(cls):
        default = parameters[spec.name].default
        if spec.default_factory is not dataclasses.MISSING:
            assert default == spec.default_factory()
        elif spec.default is not dataclasses.MISSING:
            assert default == spec.default
        else:
            assert default is inspect.Parameter.empty


def test_an_article_made_without_metadata_has_the_empty_metadata() -> None:
    article = Article("A", None, "", "0", (0,), (1,), (), ())
    assert article.meta == ArticleMeta() == reference(Article)("A", None, "", "0", (0,), (1,), (), ()).meta


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_a_record_behaves_as_the_frozen_dataclass_it_stands_for(cls: type, data: st.DataObject) -> None:
    values = data.draw(values_of(cls))
    other_values = data.draw(values_of(cls))
    standing_for = reference(cls)
    ours, theirs = cls(**values), standing_for(**values)
    other, other_theirs = cls(**other_values), standing_for(**other_values)
    assert repr(ours) == repr(theirs)
    assert hash(ours) == hash(theirs)
    assert (ours == other) is (theirs == other_theirs)
    assert ours == cls(**values) and hash(ours) == hash(cls(**values))
    assert ours != theirs, "records of different classes are never equal"
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
    assert pickle.loads(pickle.dumps(ours)) == ours
    name = next(iter(values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(ours, name, values[name])
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(ours, name)
    changed = dataclasses.replace(ours, **{name: other_values[name]})
    assert dataclasses.astuple(changed) == dataclasses.astuple(
        dataclasses.replace(theirs, **{name: other_values[name]})
    )


def test_a_record_must_write_its_init() -> None:
    with pytest.raises(TypeError, match="must define __init__"):

        @frozen_record
        class Loose:
            a: int
            b: int
