"""Annotated, saved comparisons: annotation records, re-anchoring, the saved-file format and its storage.

Pure Python (no Textual). The app holds a `Session`; the CLI uses the functions of `files` directly.

- `Session(comparison)` / `Session.open(name)`: annotate (`annotate_sentence`, `annotate_passage`,
  `annotate_actor`, `annotate_claim`), `edit`, `delete`; each change autosaves; `save()`, `save_as(name)`.
- `list_saved()`, `delete_saved(name)`, `read_saved(name)`, `slugify(name)`, `path_for(name)`.
- `anchor(quote, text, hint, old_text=…)`: find a quoted passage again in a changed text (`textmap` follows
  the edit when the old text is known).

Modules by responsibility: `names` (name → file, never shared), `atomic` (atomic writes, the save lock, stale
temporary files), `parsing` (file → record, any damage one line), `files` (read, write with conflict check or
merge, list, delete), `merge` (three-way merge of two processes' notes), `session` (what the app holds).
"""

from __future__ import annotations

from reader.store.anchoring import AnchorMethod, AnchorResult, anchor
from reader.store.annotations import (
    QUICK_TAGS,
    ActorTarget,
    Annotation,
    ClaimTarget,
    PassageTarget,
    TextPositionSelector,
    TextQuoteSelector,
)
from reader.store.files import (
    ConflictError,
    CorruptFileError,
    InvalidNameError,
    NameTakenError,
    NotFoundError,
    SavedEntry,
    SaveFailedError,
    StoreError,
    delete_saved,
    list_saved,
    path_for,
    read_saved,
    slugify,
)
from reader.store.reopen import ReopenReport, SourceState
from reader.store.saved import SavedArticle, SavedComparison, ViewState
from reader.store.session import Session

__all__ = [
    "QUICK_TAGS",
    "ActorTarget",
    "AnchorMethod",
    "AnchorResult",
    "Annotation",
    "ClaimTarget",
    "ConflictError",
    "CorruptFileError",
    "InvalidNameError",
    "NameTakenError",
    "NotFoundError",
    "PassageTarget",
    "ReopenReport",
    "SaveFailedError",
    "SavedArticle",
    "SavedComparison",
    "SavedEntry",
    "Session",
    "SourceState",
    "StoreError",
    "TextPositionSelector",
    "TextQuoteSelector",
    "ViewState",
    "anchor",
    "delete_saved",
    "list_saved",
    "path_for",
    "read_saved",
    "slugify",
]
