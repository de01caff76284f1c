"""Print how long the reports screens take to show a preview, in a headless 80×24 app on the
60-member, 10-year demo: keys pressed → the Markdown on screen (rendered in a worker, then
laid out by Rich at the preview's width in another worker), and the longest UI-thread stall seen
meanwhile (a timer ticking every 10 ms measures how late it fires).

Run: .venv/bin/python benchmarks/report_preview.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from branchtui.domain.demo import make_demo
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.widgets.report_preview import ReportPreview

TODAY = dt.date(2026, 11, 27)
RUNS = 3


async def _timed(folder: Path, keys: list[str], words: str) -> tuple[float, float]:
    """(ms from the first key to ``words`` in the preview, longest UI stall in ms)."""
    app = build_app(folder, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        stalls: list[float] = []
        last = time.perf_counter()

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            stalls.append((now - last) * 1000 - 10)
            last = now

        start = time.perf_counter()
        timer = app.set_interval(0.01, tick)
        await pilot.press(*keys)
        for _ in range(3000):
            previews = app.screen.query(ReportPreview)
            if previews and previews.first().ready and words in previews.first().source:
                break
            await asyncio.sleep(0.005)
        elapsed = (time.perf_counter() - start) * 1000
        await pilot.pause(0.2)  # the lines are drawn after they are set; count that too
        timer.stop()
        return elapsed, max(stalls, default=0.0)


def main() -> None:
    folder = Path(tempfile.mkdtemp()) / "data"
    Store.open(folder, create=True).replace_all(make_demo(today=TODAY, members=60, years=10))
    cases = {
        "monthly report 2026-11 (0 m)": (["0", "m"], "2026年11月开展"),
        "ledger volume 08 党费 (0 l, 7×down)": (["0", "l", *["down"] * 7], "之08：党费"),
        "year report 2026 (0 d)": (["0", "d"], "2026年度开展"),
    }
    for name, (keys, words) in cases.items():
        results = [asyncio.run(_timed(folder, keys, words)) for _ in range(RUNS)]
        shown = statistics.median(r[0] for r in results)
        stall = max(r[1] for r in results)
        print(
            f"{name}: preview shown {shown:.0f} ms (median of {RUNS}), longest UI stall {stall:.0f} ms"
        )


if __name__ == "__main__":
    main()
