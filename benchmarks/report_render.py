"""Print how long the monthly report takes for the 60-member, 10-year demo (target ≤ 100 ms).

Run: .venv/bin/python benchmarks/report_render.py
Splits the time into the context (most of it the duty engine, obligations_on at the month's end)
and the Jinja2 render; the template is compiled once beforehand, as in a running TUI.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.demo import make_demo
from branchtui.domain.obligations import obligations_on
from branchtui.domain.profile import get_profile
from branchtui.domain.report_context import monthly_report_context
from branchtui.storage.templates import environment, render

TODAY = dt.date(2026, 11, 27)
MONTH = "2026-10"
TARGET_MS = 100.0
RUNS = 7


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    data = make_demo(today=TODAY, members=60, years=10)
    profile = get_profile(data.branch.profile if data.branch else None)
    calendar = WorkCalendar()
    env = environment(None)
    start = time.perf_counter()
    render(
        env, "reports/monthly.md.j2", monthly_report_context(data, MONTH, profile, TODAY, calendar)
    )
    first = _ms(start)
    engine, contexts, renders, totals, cpu = [], [], [], [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        obligations_on(data, dt.date(2026, 10, 31), profile, calendar)
        engine.append(_ms(start))
        start, cpu_start = time.perf_counter(), time.process_time()
        context = monthly_report_context(data, MONTH, profile, TODAY, calendar)
        contexts.append(_ms(start))
        start = time.perf_counter()
        text = render(env, "reports/monthly.md.j2", context)
        renders.append(_ms(start))
        totals.append(contexts[-1] + renders[-1])
        # CPU time of context + render: close to the wall time on an idle core.
        cpu.append((time.process_time() - cpu_start) * 1000)
    med = statistics.median
    print(
        f"monthly report {MONTH}, demo 60 members × 10 years ({len(data.meetings)} meetings,"
        f" {len(data.dues_payments)} dues payments): {len(text)} characters\n"
        f"  first call (template compile, holiday years): {first:.1f} ms\n"
        f"  median of {RUNS}: context {med(contexts):.1f} ms"
        f" (of which obligations_on {med(engine):.1f} ms), render {med(renders):.1f} ms,"
        f" total {med(totals):.1f} ms (target ≤ {TARGET_MS:.0f} ms)\n"
        f"  CPU time of context + render: {med(cpu):.1f} ms"
    )


if __name__ == "__main__":
    main()
