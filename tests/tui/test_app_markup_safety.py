"""Text from outside (file names in warnings, error messages) reaches notifications as data, never as markup."""

from __future__ import annotations

from rich.text import Text

from reader.app import ReaderApp
from reader.core.records import Comparison
from tests.tui.conftest import settle
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles


async def test_loader_warnings_with_markup_like_names_are_shown_literally() -> None:
    notice = "skipped [bold]odd[/bold] [link=x].txt: not a text file"
    app = ReaderApp(fixture_articles(2), aligner=aligned_comparison, analyser=analysed_comparison, notices=(notice,))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [Text.from_markup(str(n.message)).plain for n in app._notifications]
        assert any("[bold]odd[/bold]" in message for message in messages), messages


async def test_a_failing_worker_with_markup_in_its_error_is_reported_not_crashed() -> None:
    def broken_analysis(comparison: Comparison) -> Comparison:
        raise RuntimeError("model [red]missing[/red] at [/path]")

    app = ReaderApp(fixture_articles(2), aligner=aligned_comparison, analyser=broken_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # one wait_for_complete can come before the analysis worker has even started
        messages = [Text.from_markup(str(n.message)).plain for n in app._notifications]
        assert any("[red]missing[/red]" in message for message in messages), messages
        assert app.is_running
