"""What the CLI writes to stdout, made safe for a terminal without changing what it means.

Article text is cleaned when loaded, but a report also carries paths, names and notes read from saved files,
and `json.dumps(ensure_ascii=False)` leaves C1 and bidi controls raw. JSON gets them as `\\uNNNN` escapes (the
same JSON value); every other format gets the visible escapes of `reader.shown` (line breaks and tabs kept).
"""

from __future__ import annotations

from reader.shown import shown_json, shown_output


def safe_output(fmt: str, text: str) -> str:
    """`text` rendered in `fmt` ("json", "text", "md", "html"), safe to write to a terminal."""
    return shown_json(text) if fmt == "json" else shown_output(text)
