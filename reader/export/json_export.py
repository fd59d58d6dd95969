"""The JSON export: the comparison record and its annotations, for scripts.

The comparison is written exactly as `reader.core.serialize` writes it (so `from_data(Comparison, …)` reads it
back); annotations follow in the saved-file layout, with the ids of the orphaned ones listed apart.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from reader.core.records import Comparison
from reader.core.serialize import to_data
from reader.export.common import is_unresolved
from reader.export.story_sections import story_data
from reader.store.annotations import Annotation

EXPORT_KIND = "reader-export"
EXPORT_VERSION = 1


def render_json(comparison: Comparison, annotations: Sequence[Annotation] = ()) -> str:
    """{"kind", "version", "comparison", "annotations", "orphaned", "story"} as indented JSON ending in a newline.

    "story" (reader.export.story_sections.story_data) is derived from the comparison: read back, it is ignored."""
    data = {
        "kind": EXPORT_KIND,
        "version": EXPORT_VERSION,
        "comparison": to_data(comparison),
        "annotations": [to_data(annotation) for annotation in annotations],
        "orphaned": [a.id for a in annotations if is_unresolved(a, comparison)],
        "story": story_data(comparison),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
