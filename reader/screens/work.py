"""The main screen's background work: alignment, then analysis, in named thread workers; what their results do.

With an early analyser (the command line's analysis service), the actors and claims are asked for at the first
paint, beside the alignment: they need no alignment, so the sidebar fills as soon as they come (from a warm
cache, at once); the claim links to the other article follow with the alignment.

A mixin of MainScreen. Each worker calls pure code (the aligner or analyser the app was given) and posts its
result; the handlers hand the comparison to the view, the sidebar and the session. A worker that fails
becomes a notification and a line in the status bar (and, for the analysis, an error line in the sidebar's
analysis tabs): never a traceback, and the panes keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState

from reader.core.collector import keep_what_lives_now
from reader.core.records import Article
from reader.screens.messages import AlignmentReady, AnalysisReady, EarlyAnalysisReady
from reader.screens.mixin import MainScreenMixin
from reader.shown import shown_markup
from reader.viewmodel.pair_view import PairView

if TYPE_CHECKING:
    from reader.core.records import Comparison
    from reader.widgets.sidebar import Sidebar

Aligner = Callable[[Sequence[Article]], "Comparison"]
Analyser = Callable[["Comparison"], "Comparison"]
EarlyAnalyser = Callable[[Sequence[Article], float | None], "Comparison | None"]
"""Actors and claims of the articles before their alignment, as a comparison without alignments, waiting at most
the timeout given (None: until they come); None when they failed or are not in yet."""


class BackgroundWork(MainScreenMixin):
    """Workers and their results (MainScreen derives from it)."""

    articles: tuple[Article, ...]
    comparison: Comparison | None
    aligner: Aligner
    analyser: Analyser
    early_analyser: EarlyAnalyser | None
    early_analysis: Comparison | None
    pair: tuple[int, int]
    view: PairView
    show_boilerplate: bool
    analysis_error: str
    progress: str
    records_kept: set[str]
    """The records whose first arrival has been seen (`_kept_once`)."""

    if TYPE_CHECKING:  # provided by MainScreen and its other mixins (a stub here would shadow them)

        def sidebar(self) -> Sidebar | None: ...

        def _set_progress(self, progress: str) -> None: ...

        def _relayout(self) -> None: ...

        def _rebuild_view(self) -> None: ...

        def session_comparison(self, comparison: Comparison) -> None: ...

    def _kept_once(self, records: str) -> None:
        """The first arrival of these records (the alignment, the actors and claims): what lives now lives for
        the session, so it leaves the collector's walks (`keep_what_lives_now`); later arrivals change nothing."""
        if records not in self.records_kept:
            self.records_kept.add(records)
            keep_what_lives_now()

    def _sync_sidebar(self) -> None:
        """Show the analysis in the sidebar, or what is keeping it."""
        sidebar = self.sidebar()
        if sidebar is None:
            return
        if self.comparison is not None:
            sidebar.show_alignment(self.comparison, *self.pair)  # the Conflicts tab needs no analysis
        if self.comparison is not None and self.comparison.analysed:
            sidebar.show(self.comparison, *self.pair)
        elif self.early_analysis is not None:
            sidebar.show(self.early_analysis, *self.pair)
        elif self.analysis_error:
            sidebar.show_pending(f"The analysis failed: {self.analysis_error}", failed=True)
        else:
            sidebar.show_pending("Finding actors and claims…")

    # -- workers ---------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="align", name="alignment")
    def align_articles(self) -> None:
        self.post_message(AlignmentReady(self.aligner(self.articles)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="early-analysis", name="early analysis")
    def analyse_early(self) -> None:
        if self.early_analyser is not None:
            self.post_message(EarlyAnalysisReady(self.early_analyser(self.articles, None)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis", name="analysis")
    def analyse(self, comparison: Comparison) -> None:
        self.post_message(AnalysisReady(self.analyser(comparison)))

    def on_alignment_ready(self, message: AlignmentReady) -> None:
        self._comparison_arrived(message.comparison)

    def _comparison_arrived(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._rebuild_view()
        self._kept_once("alignment")
        if comparison.analysed:
            self._set_progress("")
        else:
            self._set_progress("" if self.early_analysis is not None else "finding actors and claims…")
            self.analyse(comparison)
        self._sync_sidebar()
        self.session_comparison(comparison)

    def on_early_analysis_ready(self, message: EarlyAnalysisReady) -> None:
        if message.comparison is None or (self.comparison is not None and self.comparison.analysed):
            return
        self._kept_once("analysis")
        self.early_analysis = message.comparison
        if self.progress == "finding actors and claims…":
            self._set_progress("")
        self._sync_sidebar()

    def analysis_in_view(self) -> Comparison | None:
        """What the sidebar's selections read: the analysed comparison, else the early actors and claims."""
        if self.comparison is not None and self.comparison.analysed:
            return self.comparison
        return self.early_analysis or self.comparison

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        """The analysis of the aligned comparison: into the sidebar. The panes are re-laid out only when they would
        draw differently; they draw nothing the analysis adds, and re-laying them redrew both panes and minimaps
        in the frame that brings the actors (cold start, in-process: from the analysis reply to the actors drawn,
        92 -> 83 ms, medians of 34 interleaved runs each; noisy, quartiles 76-111 -> 74-106)."""
        self._kept_once("analysis")
        self.comparison = message.comparison
        if not self.view.drawn_the_same_for(message.comparison):
            self.view = PairView(self.articles, *self.pair, message.comparison, show_boilerplate=self.show_boilerplate)
            self._relayout()
        self._set_progress("")
        self._sync_sidebar()
        self.session_comparison(message.comparison)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        what = event.worker.name or "background work"
        detail = str(error) or type(error).__name__
        self.notify(shown_markup(f"{what} failed: {detail}"), title="reader", severity="error", timeout=12)
        self._set_progress(f"{what} failed")
        if what == "analysis":
            self.analysis_error = detail
            self._sync_sidebar()
