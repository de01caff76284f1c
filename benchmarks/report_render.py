"""Print how long the monthly report takes for the 60-member, 10-year demo (target ≤ 100 ms).

Run: .venv/bin/python benchmarks/report_render.py
Splits the time into the context (most of it the duty engine, obligations_on at the month's end)
and the Jinja2 render. The render is bounded (storage/template_run.py): it runs in a forked child
with a deadline; the first child compiles the template and hands the compiled code back
(storage/template_code.py), later children load it. The figures set it against compiling and
rendering in this process (what an unbounded render would cost) and against a bare fork that
does nothing. This process never keeps a compiled template (``env.cache`` is emptied before each
bounded render, as in the TUI, where only children compile).
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
from branchtui.storage.template_run import run_bounded
from branchtui.storage.templates import LIMITS, _render_here, environment, render

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
    env.bytecode_cache.clear()
    start = time.perf_counter()
    render(
        env, "reports/monthly.md.j2", monthly_report_context(data, MONTH, profile, TODAY, calendar)
    )
    compiled_in_child = _ms(start)
    engine, contexts, renders, totals, cpu = [], [], [], [], []
    in_process: list[float] = []
    forks: list[float] = []
    for _ in range(RUNS):
        start = time.perf_counter()
        obligations_on(data, dt.date(2026, 10, 31), profile, calendar)
        engine.append(_ms(start))
        start, cpu_start = time.perf_counter(), time.process_time()
        context = monthly_report_context(data, MONTH, profile, TODAY, calendar)
        contexts.append(_ms(start))
        env.cache.clear() if env.cache is not None else None
        start = time.perf_counter()
        text = render(env, "reports/monthly.md.j2", context)
        renders.append(_ms(start))
        totals.append(contexts[-1] + renders[-1])
        # CPU time of context + render: close to the wall time on an idle core.
        cpu.append((time.process_time() - cpu_start) * 1000)
        start = time.perf_counter()
        env.cache.clear() if env.cache is not None else None
        _render_here(env, "reports/monthly.md.j2", context)
        in_process.append(_ms(start))
        start = time.perf_counter()
        run_bounded(lambda: "", LIMITS)
        forks.append(_ms(start))
    med = statistics.median
    print(
        f"monthly report {MONTH}, demo 60 members × 10 years ({len(data.meetings)} meetings,"
        f" {len(data.dues_payments)} dues payments): {len(text)} characters\n"
        f"  first call (template compile, holiday years): {first:.1f} ms;"
        f" a render compiling in its child {compiled_in_child:.1f} ms\n"
        f"  median of {RUNS}: context {med(contexts):.1f} ms"
        f" (of which obligations_on {med(engine):.1f} ms), render {med(renders):.1f} ms,"
        f" total {med(totals):.1f} ms (target ≤ {TARGET_MS:.0f} ms)\n"
        f"  CPU time of context + render (parent only): {med(cpu):.1f} ms\n"
        f"  bounded render {med(renders):.1f} ms = fork + load the compiled code + render;"
        f" compile + render in-process {med(in_process):.1f} ms; bare fork {med(forks):.1f} ms"
    )


if __name__ == "__main__":
    main()
