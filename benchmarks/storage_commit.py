"""Print what a commit costs on a big branch file (1,000 members, 20,000 meetings).

Run: .venv/bin/python benchmarks/storage_commit.py [--members N] [--meetings M]
Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from branchtui.domain.records import Attendance, Branch, BranchData, Meeting, Member
from branchtui.storage.atomic import write_atomic
from branchtui.storage.store import Store


def build(members: int, meetings: int) -> BranchData:
    rng = random.Random(2017)
    data = BranchData(branch=Branch(name="压力测试党支部"))
    people = [Member(name=f"党员{i:04d}", phone=f"138{i:08d}") for i in range(members)]
    data.tables["members"] = people
    start = dt.date(2016, 1, 1)
    data.tables["meetings"] = [
        Meeting(
            kinds=[rng.choice(["group_meeting", "theme_day", "committee_meeting"])],
            date=start + dt.timedelta(days=i % 3650),
            start="14:30",
            topic=f"学习贯彻会议精神第{i}次",
            content="传达学习上级文件精神，结合本支部实际开展讨论。" * 3,
            attendance=[Attendance(member_id=m.id) for m in rng.sample(people, 20)],
        )
        for i in range(meetings)
    ]
    return data


def timed(func: object, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()  # type: ignore[operator]
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--meetings", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        data = build(args.members, args.meetings)
        store = Store.open(folder, create=True)
        (first,) = timed(lambda: store.replace_all(data))
        size = (folder / "branch.json").stat().st_size / 1e6
        print(f"file: {args.members} members, {args.meetings} meetings, {size:.1f} MB")
        print(f"replace_all (first write): {first:.0f} ms")
        (opening,) = timed(lambda: Store.open(folder))
        print(f"Store.open (parse + check + decode every record): {opening:.0f} ms")
        (snap,) = timed(store.snapshot)
        print(f"snapshot after own write (decode touched tables): {snap:.0f} ms")
        print(
            f"snapshot when nothing changed: {statistics.median(timed(store.snapshot, 50)):.3f} ms"
        )
        member = store.snapshot().members[0]

        def save() -> None:
            member.note = str(time.time())
            store.save(member)

        saves = timed(save, args.repeat)
        print(
            f"commit of one member edit: median {statistics.median(saves):.0f} ms, "
            f"min {min(saves):.0f} ms, max {max(saves):.0f} ms"
        )
        payload = (folder / "branch.json").read_bytes()
        floor = timed(lambda: write_atomic(Path(tmp) / "floor.json", payload, 0o600), args.repeat)
        print(
            f"  the disk floor (write + fsync {size:.0f} MB): median {statistics.median(floor):.0f} ms"
        )
        meeting = store.snapshot().meetings[0]

        def add() -> None:
            store.add(
                Meeting(
                    kinds=["theme_day"],
                    date=dt.date(2026, 11, 27),
                    topic="主题党日",
                    attendance=list(meeting.attendance),
                )
            )

        adds = timed(add, args.repeat)
        print(f"commit of one new meeting: median {statistics.median(adds):.0f} ms")
        other = Store.open(folder)
        other.snapshot()
        save()
        (reload_ms,) = timed(other.snapshot)
        print(f"another session's snapshot after that commit (reload): {reload_ms:.0f} ms")


if __name__ == "__main__":
    main()
