"""Typing into a form: 200 characters arriving in one burst (a paste over SSH, as tmux
send-keys delivers it), until the field holds them all.

Measures the set-up wizard's 支部名称 and the 支部信息 form (RecordForm) at 80×24, headless, in
this process; prints the wall and CPU time per key (the median of ``--runs``, with the range)
and the load average, and with --profile the functions of branchtui taking the most time
(cProfile). On a machine shared with other work the wall time is inflated by about the load
average per core; the CPU time much less.
Usage: ``python benchmarks/typing_form.py [--keys 200] [--runs 3] [--profile]``.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import os
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input

from branchtui.domain.demo import make_demo
from branchtui.storage.store import Store
from branchtui.tui.app import build_app

TODAY = dt.date(2026, 11, 27)
TEXT = "中共厦门某某科技有限公司第一支部委员会"


def _typed(count: int) -> list[str]:
    return list((TEXT * (count // len(TEXT) + 1))[:count])


async def _type(
    app: App[None], field: Input, keys: list[str], profile: cProfile.Profile | None
) -> tuple[float, float]:
    """(wall, CPU) seconds from posting every key at once until the field holds them all."""
    wall, cpu = time.perf_counter(), time.process_time()
    if profile is not None:
        profile.enable()
    for char in keys:
        app.post_message(events.Key(char, char))
    deadline = wall + 120
    while len(field.value) < len(keys) and time.perf_counter() < deadline:
        await asyncio.sleep(0.001)
    if profile is not None:
        profile.disable()
    return time.perf_counter() - wall, time.process_time() - cpu


Result = tuple[float, float, int]


async def setup_wizard(keys: list[str], profile: cProfile.Profile | None) -> Result:
    folder = Path(tempfile.mkdtemp(prefix="typing-setup-"))
    app = build_app(folder, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#name", Input)
        wall, cpu = await _type(app, field, keys, profile)
    return wall, cpu, len(field.value)


async def branch_form(keys: list[str], profile: cProfile.Profile | None) -> Result:
    folder = Path(tempfile.mkdtemp(prefix="typing-form-"))
    Store.open(folder, create=True).replace_all(make_demo(today=TODAY, seed=2017))
    app = build_app(folder, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "b", "e")
        await pilot.pause()
        field = app.screen.query_one("#field-name", Input)
        field.focus()
        await pilot.press("ctrl+u")
        await pilot.pause()
        wall, cpu = await _type(app, field, keys, profile)
    return wall, cpu, len(field.value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    args = parser.parse_args()
    keys = _typed(args.keys)
    print(f"负载 {os.getloadavg()[0]:.1f}")
    for name, run in (("初始化向导 支部名称", setup_wizard), ("支部信息表单 名称", branch_form)):
        profile = cProfile.Profile() if args.profile else None
        results = [asyncio.run(run(keys, profile)) for _ in range(args.runs)]
        walls = [wall / len(keys) * 1000 for wall, _, _ in results]
        cpus = [cpu / len(keys) * 1000 for _, cpu, _ in results]
        typed = min(count for _, _, count in results)
        print(
            f"{name}: {typed}/{len(keys)} 字, {_median(walls)} ms/键（CPU {_median(cpus)} ms/键）"
        )
        if profile is not None:
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(r"branchtui", 12)
    print(f"负载 {os.getloadavg()[0]:.1f}")


def _median(values: list[float]) -> str:
    middle = f"{statistics.median(values):.1f}"
    return middle if len(values) == 1 else f"{middle} ({min(values):.1f}–{max(values):.1f})"


if __name__ == "__main__":
    main()
