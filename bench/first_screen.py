"""How much of the first screen shows text: the share of pane rows that hold article text, both panes, at 160×48.

The app runs headless (Textual's test driver) over the seeds and every three-outlet event of the dev set
(`crossoutlet/*`, the first pair: A ⇄ B), aligned by the real engine; the analysis is skipped (it does not change
the panes). For each pane layout (`PaneMode`: FLOW, each pane in its own reading order kept level at the cursor;
LEVEL, the old padded bands; FOLD, one-sided runs folded into a row) it counts, on the screen shown once the
alignment is in, the rows that show text (a sentence or a fold row) out of the pane's height, and prints the
share per pane, the lower of the two (the blank pane the issue is about) and the mean over the events.

Run: `python bench/first_screen.py`. The dev events are read from ../shared/data/dev (skipped when absent).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.app import ReaderApp  # noqa: E402
from reader.core import load_inputs  # noqa: E402
from reader.core.records import Comparison  # noqa: E402
from reader.screens.main import MainScreen  # noqa: E402
from reader.viewmodel.bands import Side  # noqa: E402
from reader.viewmodel.layout import PaneMode, RowKind  # noqa: E402

SIZE = (160, 48)
CANDIDATES = [ROOT.parent / "shared" / "data" / "dev", ROOT.parent.parent / "shared" / "data" / "dev"]


def dev_events() -> list[Path]:
    for data in CANDIDATES:
        events = sorted(path for path in (data / "crossoutlet").glob("*") if path.is_dir())
        if events:
            return events
    return []


def _no_analysis(comparison: Comparison) -> Comparison:
    return comparison


async def _shares(folder: Path) -> dict[PaneMode, tuple[float, float]]:
    loaded = load_inputs([str(folder)])
    app = ReaderApp(loaded.articles, analyser=_no_analysis)
    shares: dict[PaneMode, tuple[float, float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for _ in range(400):
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen = app.screen
            if isinstance(screen, MainScreen) and screen.comparison is not None:
                break
        assert isinstance(screen, MainScreen)
        for mode in PaneMode:
            screen.pane_mode = mode
            for side in (Side.LEFT, Side.RIGHT):
                screen.pane(side).scroll_quietly(0)
                screen.pane(side).cursor = None
            screen._relayout()
            await pilot.pause()
            per_side = []
            for side in (Side.LEFT, Side.RIGHT):
                pane = screen.pane(side)
                height = pane.scrollable_content_region.height
                top = round(pane.scroll_y)
                rows = pane.rows.rows[top : top + height]
                text = sum(1 for row in rows if row.kind in (RowKind.TEXT, RowKind.FOLD))
                per_side.append(text / height if height else 0.0)
            shares[mode] = (per_side[0], per_side[1])
    return shares


def main() -> int:
    folders = [ROOT / "seeds", *dev_events()]
    if len(folders) == 1:
        print("dev data not found (../shared/data/dev): seeds only")
    print(f"share of pane rows showing text on the first screen, {SIZE[0]}×{SIZE[1]}, pair A ⇄ B")
    print(f"{'event':<24}" + "".join(f"{mode.value:>20}" for mode in PaneMode))
    lows: dict[PaneMode, list[float]] = {mode: [] for mode in PaneMode}
    for folder in folders:
        shares = asyncio.run(_shares(folder))
        cells = []
        for mode in PaneMode:
            left, right = shares[mode]
            lows[mode].append(min(left, right))
            cells.append(f"{left:5.0%} {right:5.0%} (min {min(left, right):4.0%})")
        print(f"{folder.name:<24}" + "".join(f"{cell:>20}" for cell in cells))
    print(f"{'mean of the lower pane':<24}" + "".join(f"{statistics.mean(lows[m]):>20.0%}" for m in PaneMode))
    print(f"{'worst lower pane':<24}" + "".join(f"{min(lows[m]):>20.0%}" for m in PaneMode))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
