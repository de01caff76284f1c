"""The dues screen's work on a large branch: the year's grid (domain.dues_year), a whole-month
batch and a theme-day batch, as the screen computes them on each redraw or key.

    python benchmarks/dues_grid.py [--members 300] [--years 10]

Prints figures; never part of the pass/fail test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable

from branchtui.domain.demo import make_demo
from branchtui.domain.dues_entry import batch_paid, meetings_of_month, theme_day_paid
from branchtui.domain.dues_year import dues_year

TODAY = dt.date(2026, 11, 27)


def timed(what: str, run: Callable[[], object], repeat: int = 7) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{what:<36} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    data = make_demo(today=TODAY, seed=2017, members=args.members, years=args.years)
    print(
        f"{len(data.members)} members, {len(data.dues_payments)} payments, "
        f"{len(data.dues_rates)} rates, {len(data.meetings)} meetings"
    )
    timed("dues_year (the grid of 2026)", lambda: dues_year(data, 2026, TODAY))
    active = [m for m in data.active_members if not m.inflow]
    timed("batch_paid (all listed, 2026-12)", lambda: batch_paid(active, "2026-12", data, TODAY))
    day = meetings_of_month(data, "2026-11")[0]
    timed("theme_day_paid (2026-11)", lambda: theme_day_paid(day, data))


if __name__ == "__main__":
    main()
