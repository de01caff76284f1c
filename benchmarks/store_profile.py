"""Time and profile the store on an existing data folder: open, save, reload, peak memory.

Run: .venv/bin/python benchmarks/store_profile.py FOLDER [--saves 20] [--profile save|open|reload]
Works on a copy of FOLDER (the original is never written). Prints figures only.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from branchtui.storage.store import Store


def _ms(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--profile", choices=["save", "open", "reload"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir(mode=0o700)
        shutil.copy2(args.folder / "branch.json", folder / "branch.json")
        profiler = cProfile.Profile()
        stores: list[Store] = []
        if args.profile == "open":
            profiler.enable()
        open_ms = _ms(lambda: stores.append(Store.open(folder)))
        profiler.disable()
        writer = stores[0]
        print(f"file {(folder / 'branch.json').stat().st_size / 1e6:.1f} MB")
        print(f"Store.open {open_ms:.0f} ms; peak after open {_peak_mb():.0f} MB")
        data = writer.snapshot()
        meeting = max(data.meetings, key=lambda m: len(m.attendance))

        def save() -> None:
            meeting.note = f"基准测试 {time.perf_counter()}"
            writer.save(meeting)

        if args.profile == "save":
            profiler.enable()
        saves = [_ms(save) for _ in range(args.saves)]
        profiler.disable()
        print(
            f"save (attendance {len(meeting.attendance)}): p50 {statistics.median(saves):.0f} ms"
            f" p95 {_p95(saves):.0f} ms; file now {(folder / 'branch.json').stat().st_size / 1e6:.1f} MB"
        )
        reader = Store.open(folder)
        reader.snapshot()
        reloads = []
        for _ in range(3):
            save()
            if args.profile == "reload":
                profiler.enable()
            reloads.append(_ms(reader.snapshot))
            profiler.disable()
        print(f"reload {statistics.median(reloads):.0f} ms; peak (two stores) {_peak_mb():.0f} MB")
        if args.profile:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
