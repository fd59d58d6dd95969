"""Command palette (ctrl+p): namespaced commands that run the main screen's actions.

Only commands that apply right now are offered (the screen's `check_action` decides, as for the footer).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("navigate: next match", "jump('match', 1)", "Move to the next matched passage"),
    ("navigate: previous match", "jump('match', 0)", "Move to the previous matched passage"),
    ("navigate: next unique passage", "jump('unique', 1)", "Move to the next passage only this article has"),
    ("navigate: previous unique passage", "jump('unique', 0)", "Move to the previous unique passage"),
    ("navigate: next conflict", "jump('conflict', 1)", "Move to the next conflicting detail"),
    ("navigate: previous conflict", "jump('conflict', 0)", "Move to the previous conflicting detail"),
    ("navigate: next claim", "claim(1)", "Move to the next attributed statement of this article"),
    ("navigate: previous claim", "claim(0)", "Move to the previous attributed statement of this article"),
    ("navigate: search", "search", "Search both articles"),
    ("view: story", "story", "Every point of the story, a column per outlet, headlines and ledes on top"),
    ("view: toggle boilerplate", "toggle_boilerplate", "Show or hide navigation, ads and other boilerplate"),
    ("view: word diff of the selected pair", "word_diff", "Shared runs, differing words and details"),
    ("view: toggle sidebar", "toggle_sidebar", "Show or hide actors, claims and who is quoted"),
    ("view: actors", "sidebar_tab('actors')", "Open the Actors tab"),
    ("view: claims", "sidebar_tab('claims')", "Open the Claims tab"),
    ("view: who is quoted", "sidebar_tab('quoted')", "Open the who-is-quoted table"),
    ("view: notes", "sidebar_tab('notes')", "Open the Notes tab: every note, Enter jumps to it"),
    ("comparison: choose the pair", "pick_pair", "Pick which two articles stand side by side"),
    ("comparison: save", "save", "Save the comparison and its notes (asks for a name the first time)"),
    ("comparison: open saved", "open_saved", "Replace this comparison with a saved one"),
    ("comparison: export as HTML", "export('html')", "One self-contained page: both articles and the notes"),
    ("comparison: export as Markdown", "export('md')", "A report: figures, matches, differences, notes"),
    ("comparison: export as JSON", "export('json')", "The comparison and its notes as data"),
    ("note: annotate selection", "annotate", "Write or edit a note on the passage, actor or claim"),
    ("note: new note on selection", "annotate(1)", "Add another note even when one exists"),
    ("help: keys and legend", "help", "Every key and what the gutter marks mean"),
)


class ReaderCommands(Provider):
    """Offers the reader's actions in the palette."""

    def _available(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        available = []
        for name, action, help_text in COMMANDS:
            action_name = action.split("(", 1)[0]
            if screen.check_action(action_name, ()) is True and hasattr(screen, f"action_{action_name}"):
                available.append((name, action, help_text))
        return available

    async def discover(self) -> Hits:
        for name, action, help_text in self._available():
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._available():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.screen.run_action, action), help=help_text)
