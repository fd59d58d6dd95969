"""Saved-file content → SavedComparison, or one `CorruptFileError` line for any kind of damage.

Damage is anything reader itself never writes: invalid JSON, nesting deep enough to exhaust the recursion
limit, an integer longer than Python converts, wrong types, unknown fields, another schema version, and values
the types allow but that would break reopening or an export later (an annotation on a missing article, an
impossible pair in the saved view). Each is reported for that file alone; nothing here writes.
"""

from __future__ import annotations

import json

from reader.core.serialize import SchemaError, from_data
from reader.shown import shown
from reader.store.errors import CorruptFileError
from reader.store.saved import FILE_KIND, SAVED_SCHEMA_VERSION, SavedComparison

LIMIT = 10_000_000
"""Largest sentence index or scroll offset a saved view can hold (articles are refused long before that)."""


def parse_saved(text: str, source: str) -> SavedComparison:
    """A SavedComparison from file content; CorruptFileError with a one-line reason for any damage."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptFileError(
            f"{source} is damaged or truncated (not valid JSON: {error.msg} at line {error.lineno}); "
            "it was left untouched"
        ) from error
    except RecursionError as error:
        raise CorruptFileError(f"{source} is damaged (nested too deeply); it was left untouched") from error
    except ValueError as error:  # an integer too long to convert (sys.int_info.str_digits_check_threshold)
        raise CorruptFileError(f"{source} is damaged (a number is too long); it was left untouched") from error
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        raise CorruptFileError(f"{source} is not a saved reader comparison; it was left untouched")
    version = data.get("schema_version")
    if version != SAVED_SCHEMA_VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > SAVED_SCHEMA_VERSION
        reason = "a newer version of reader" if newer else "an unknown format"
        shown_version = repr(version)[:20]
        raise CorruptFileError(
            f"{source} was written by {reason} (schema version {shown_version}; this reader reads "
            f"{SAVED_SCHEMA_VERSION}); it was left untouched"
        )
    try:
        saved: SavedComparison = from_data(SavedComparison, data)
    except (SchemaError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        reason = shown(str(error))[:200]
        raise CorruptFileError(
            f"{source} does not fit the saved-comparison format ({reason}); left untouched"
        ) from error
    _check_consistency(saved, source)
    return saved


def _check_consistency(saved: SavedComparison, source: str) -> None:
    """Values the types allow but a reader never writes: each would break reopening or an export later."""

    def damaged(why: str) -> CorruptFileError:
        return CorruptFileError(f"{source} is damaged ({why}); it was left untouched")

    count = len(saved.articles)
    if count < 2:
        raise damaged(f"it holds {count} article{'s' * (count != 1)}; a comparison needs two")
    ids = [annotation.id for annotation in saved.annotations]
    if len(ids) != len(set(ids)):
        raise damaged("two annotations have the same id")
    for annotation in saved.annotations:
        target = annotation.passage or annotation.claim
        article = target.article if target is not None else 0
        if not 0 <= article < count:
            raise damaged(f"annotation {shown(annotation.id)[:40]} points at article {article} of {count}")
        passage = annotation.passage
        if passage is not None and not 0 <= passage.position.start <= passage.position.end:
            raise damaged(f"annotation {shown(annotation.id)[:40]} has an impossible position")
    view = saved.view
    left, right = view.pair
    if not (0 <= left < count and 0 <= right < count and left != right):
        raise damaged(f"the saved view shows the impossible pair {left}, {right} of {count} articles")
    if (
        not 0 <= view.cursor_article < count
        or not 0 <= view.cursor_sentence < LIMIT
        or not 0 <= min(view.scroll) <= max(view.scroll) < LIMIT
    ):
        raise damaged("the saved view's cursor or scroll is out of range")
