"""The export half of `Session`: the comparison and its notes as Markdown, HTML or JSON."""

from __future__ import annotations

from pathlib import Path

from reader.core.records import Comparison
from reader.store.annotations import Annotation
from reader.store.saved import ViewState


class SessionExport:
    """Mixed into `Session`, which provides the attributes declared here."""

    _comparison: Comparison
    view: ViewState
    name: str | None

    @property
    def annotations(self) -> tuple[Annotation, ...]:  # pragma: no cover - Session overrides it
        raise NotImplementedError

    def export_pair(self) -> tuple[int, int] | None:
        """The pair the HTML page shows: the saved view's, when it is a possible one; else the default."""
        count = len(self._comparison.articles)
        left, right = self.view.pair
        if left != right and 0 <= left < count and 0 <= right < count:
            return left, right
        return None

    def export(self, fmt: str, path: str | Path | None = None) -> str | Path:
        """The comparison and its notes as "md", "html" or "json": the text, or the path written (atomically).

        The HTML page shows the pair currently viewed (`view.pair`).
        """
        from reader.export import export_to, render

        pair = self.export_pair()
        if path is None:
            return render(fmt, self._comparison, self.annotations, pair)
        return export_to(path, fmt, self._comparison, self.annotations, pair)

    def suggested_export_name(self, fmt: str) -> str:
        """A file name for the export dialog: the saved name (or first headline) as a slug, plus the extension."""
        from reader.export import suggested_file_name

        title = self._comparison.articles[0].title if self._comparison.articles else "comparison"
        return suggested_file_name(self.name or title, fmt)
