"""CPU time a cold start spends until the dashboard shows its computed duties, beside the bare
app's until its first paint: a figure the machine's load disturbs far less than wall time.

Run: .venv/bin/python benchmarks/start_cpu.py [--runs 9] [--sizes demo,branch] [--before TREE]
Each start runs in an 80×24 pseudo-terminal as in run.py; when the marker is written, the
process's own user+system time is read from /proc, and that of its reaped children (the child
forked at launch that computes today's duties, which the TUI reaps before showing them). Both
"cached" (today's duties kept from an earlier start) and "fresh" (that folder's entries
removed first). ``--before TREE``: the same starts, interleaved, of the package in TREE (a
checkout of another commit, put first on PYTHONPATH), each on its own copy of the folder (the
cache keeps one program's entries per folder). Figures only, never pass/fail; 10 ms ticks.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import run

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(own, reaped children's) user+system seconds of ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK, (int(fields[13]) + int(fields[14])) / TICK


def start(argv: list[str], env: dict[str, str], marker: bytes) -> tuple[float, float, float]:
    """Wall seconds until ``marker`` was written, and the CPU seconds (own, children) then."""
    import fcntl
    import pty
    import select
    import struct
    import subprocess
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    begun = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    buffer = b""
    try:
        while marker not in buffer:
            if time.perf_counter() - begun > 300:
                raise RuntimeError(f"{argv[-1]}: marker not seen")
            ready, _, _ = select.select([master], [], [], 0.002)
            if ready:
                buffer += os.read(master, 1 << 16)
        wall = time.perf_counter() - begun
        own, children = cpu_seconds(proc.pid)
    finally:
        run._stop(proc)
        os.close(master)
    return wall, own, children


def forget_duties(folder: Path) -> None:
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:32]
    for path in (run.CACHE / "branchtui" / "duties").glob(f"{name}-*.json"):
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", default="demo,branch")
    parser.add_argument("--before", type=Path, help="a checkout to compare with")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="branchtui-cpu-"))
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        cases: list[tuple[str, Path, dict[str, str]]] = []
        for size in args.sizes.split(","):
            members, years = run.SIZES[size]
            folder, _took = run.make_demo_folder(base, size, members, years)
            for mode in ("cached", "fresh"):
                if args.before is not None:
                    copy = base / f"{size}-before"
                    if not copy.exists():
                        shutil.copytree(folder, copy)
                    env = {**run.env_for(copy), "PYTHONPATH": str(args.before.resolve())}
                    cases.append((f"{size} {mode} before", copy, env))
                cases.append((f"{size} {mode}", folder, run.env_for(folder)))
        figures: dict[str, list[tuple[float, float, float]]] = {"bare": []}
        bare = [sys.executable, str(run.HERE / "bare_app.py")]
        for _label, folder, env in cases:  # today's duties into the cache
            run.spawn_until([str(run.BRANCHTUI), "--data", str(folder)], env, [run.DASHBOARD_DONE])
        for _ in range(args.runs):
            figures["bare"].append(start(bare, run.env_for(), run.BARE_PAINT))
            for label, folder, env in cases:
                if " fresh" in label:
                    forget_duties(folder)
                argv = [str(run.BRANCHTUI), "--data", str(folder)]
                figures.setdefault(label, []).append(start(argv, env, run.DASHBOARD_DONE))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    bare_cpu = statistics.median(own for _wall, own, _children in figures["bare"])
    print("\n| start | wall ms | CPU ms (× bare) | child CPU ms | both (× bare) |")
    print("|---|---|---|---|---|")
    for label, rows in figures.items():
        wall = statistics.median(r[0] for r in rows) * 1000
        own = statistics.median(r[1] for r in rows)
        child = statistics.median(r[2] for r in rows)
        print(
            f"| {label} | {wall:.0f} | {own * 1000:.0f} ({own / bare_cpu:.2f}×) "
            f"| {child * 1000:.0f} | {(own + child) * 1000:.0f} ({(own + child) / bare_cpu:.2f}×) |"
        )


if __name__ == "__main__":
    main()
