"""Print how long obligations_on takes on demo branches (targets: 60×10 ≤ 50 ms, 1000×10 ≤ 500 ms).

Run: .venv/bin/python benchmarks/obligations_bench.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.demo import make_demo
from branchtui.domain.obligations import obligations_on

TODAY = dt.date(2026, 11, 27)
CASES = ((30, 2, 50.0), (60, 10, 50.0), (1000, 10, 500.0))
RUNS = 7


def main() -> None:
    calendar = WorkCalendar()
    obligations_on(make_demo(today=TODAY, members=30, years=1), TODAY, calendar=calendar)  # warm
    for members, years, target in CASES:
        t0 = time.perf_counter()
        data = make_demo(today=TODAY, members=members, years=years)
        built = time.perf_counter() - t0
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            found = obligations_on(data, TODAY, calendar=calendar)
            runs.append((time.perf_counter() - start) * 1000)
        cold = obligations_on  # a fresh calendar pays for loading the holiday years once
        start = time.perf_counter()
        cold(data, TODAY)
        cold_ms = (time.perf_counter() - start) * 1000
        print(
            f"{members} members × {years} years ({len(data.meetings)} meetings, built in {built:.1f} s):"
            f" obligations_on median {statistics.median(runs):.1f} ms, fresh calendar {cold_ms:.1f} ms,"
            f" {len(found)} obligations (target ≤ {target:.0f} ms)"
        )


if __name__ == "__main__":
    main()
