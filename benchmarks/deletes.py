"""Print what large deletes cost on the stress shape (300 members, 10 years).

Run: .venv/bin/python benchmarks/deletes.py [--repeat 5] [--members 300] [--years 10]
Two deletes a secretary makes, each timed as the TUI does it:
- the venue every meeting was held at (活动场所 d): the question asked before (``deletion``),
  then ``tx.delete`` with its commit (every meeting keeps no pointer to the venue);
- a member erased as 录入错误 (党员名册 d → 录入错误): ``erase_member`` for the question, then
  ``tx.delete`` with the commit (the member's dues, attendance rows … go).
Each on a fresh copy of the same file, so every run deletes the same records. ``deletion`` alone
(the rule, no storage) is printed too. Figures only, medians with the range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from branchtui.domain.deletion import deletion
from branchtui.domain.demo import make_demo
from branchtui.domain.erasure import erase_member
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)


def _show(label: str, times: list[float]) -> None:
    print(
        f"{label:<48} median {statistics.median(times):7.0f} ms"
        f"  ({min(times):.0f}–{max(times):.0f}, n={len(times)})"
    )


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def _fresh(master: Path, into: Path) -> Store:
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(mode=0o700)
    shutil.copy2(master / "branch.json", into / "branch.json")
    store = Store.open(into)
    store.snapshot()
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    data = make_demo(today=TODAY, members=args.members, years=args.years)
    with tempfile.TemporaryDirectory() as tmp:
        master = Path(tmp) / "master"
        Store.open(master, create=True).replace_all(data)
        venue_id, used = Counter(m.venue_id for m in data.meetings if m.venue_id).most_common(1)[0]
        # The member named in the most records: the largest erasure.
        member_id = Counter(a.member_id for m in data.meetings for a in m.attendance).most_common(
            1
        )[0][0]
        size = (master / "branch.json").stat().st_size / 1e6
        print(
            f"{args.members} members, {args.years} years: {len(data.meetings)} meetings, "
            f"{size:.1f} MB; the venue is used by {used} meetings"
        )
        venue = [("venues", venue_id)]
        member = [("members", member_id)]
        _show("deletion(): the venue", [_timed(lambda: deletion(data, venue))])
        _show("deletion(): the member", [_timed(lambda: deletion(data, member))])
        found = deletion(data, member).changes
        print(f"  the member: {len(found.deletes)} deleted, {len(found.updates)} changed")
        venue_times, member_times = [], []
        for _ in range(args.repeat):
            store = _fresh(master, Path(tmp) / "copy")

            def delete_venue(store: Store = store) -> None:
                asked = deletion(store.snapshot(), venue)  # the question before the delete
                assert not asked.refusal
                with store.transaction() as tx:
                    tx.delete(*venue[0])

            venue_times.append(_timed(delete_venue))
            store = _fresh(master, Path(tmp) / "copy")

            def erase(store: Store = store) -> None:
                erase_member(store.snapshot(), member_id)  # the question before the erasure
                with store.transaction() as tx:
                    tx.delete("members", member_id)

            member_times.append(_timed(erase))
        _show("venue d: ask + delete + commit", venue_times)
        _show("member erased (entry error): ask + delete + commit", member_times)


if __name__ == "__main__":
    main()
