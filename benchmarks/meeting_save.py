"""Print what saving a meeting from the wizard costs on a 60-member, 10-year demo branch.

Run: .venv/bin/python benchmarks/meeting_save.py [--repeat 30] [--members 60] [--years 10]
Times ``storage.minutes.save_meeting`` (validate, render the minutes in the template sandbox,
one commit, write the Markdown); ``save_prepared`` (what the wizard's save key costs once the
review step has prepared and rendered the record), and with the snapshot the list shown after
it reads; the render alone, the commit alone, and
``settled_by`` and ``meeting_defects`` that the review step shows. Figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.demo import make_demo
from branchtui.domain.meetings.checks import meeting_defects
from branchtui.domain.meetings.roll import initial_attendance
from branchtui.domain.meetings.settles import settled_by
from branchtui.domain.profile import get_profile
from branchtui.domain.records import AgendaItem, Decision, Meeting, Speech
from branchtui.storage.minutes import (
    prepare_meeting,
    render_minutes,
    save_meeting,
    save_prepared,
)
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)


def _ms(func: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _show(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"{label:<34} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


def _committee_meeting(store: Store, day: dt.date) -> Meeting:
    data = store.snapshot()
    people = initial_attendance(data, ["committee_meeting"], day)
    attendance = people
    attendance[-1].status, attendance[-1].reason = "on_leave", "出差"
    host = attendance[0].member_id
    return Meeting(
        kinds=["committee_meeting"],
        date=day,
        start="09:00",
        end="10:30",
        place="党员活动室",
        topic="研究本月工作",
        host_id=host,
        recorder_id=attendance[1].member_id,
        attendance=attendance,
        agenda=[
            AgendaItem(
                title=f"议题{i}",
                speeches=[Speech(member_id=host, text="同意")],
                decisions=[Decision(text="落实", owner_id=host, due=day)],
            )
            for i in range(2)
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    data = make_demo(today=TODAY, members=args.members, years=args.years)
    profile, calendar = get_profile("plan-2017"), WorkCalendar()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "data", create=True)
        store.replace_all(data)
        print(f"{args.members} members, {args.years} years: {len(data.meetings)} meetings")
        # The records are built beforehand: only the saving is timed.
        days = [TODAY - dt.timedelta(days=i) for i in range(3 * args.repeat)]
        ready = [_committee_meeting(store, day) for day in days]
        store.snapshot()
        _show(
            "save_meeting (new record)",
            _ms(lambda: save_meeting(store, ready.pop(), today=TODAY), args.repeat),
        )
        # Prepared (and rendered) at the review step, then saved: the save key's cost.
        fresh, shown = [], []
        for _ in range(args.repeat):
            store.snapshot()
            item = prepare_meeting(store, ready.pop(), today=TODAY)
            t0 = time.perf_counter()
            save_prepared(store, item)
            t1 = time.perf_counter()
            store.snapshot()  # what the list shown after the save reads
            fresh.append((t1 - t0) * 1000)
            shown.append((time.perf_counter() - t0) * 1000)
        _show("save_prepared (after the review)", fresh)
        _show("save_prepared + next snapshot", shown)
        meeting = _committee_meeting(store, TODAY)
        snapshot = store.snapshot()
        _show(
            "render_minutes (review step)",
            _ms(lambda: render_minutes(store.data_dir, snapshot, meeting), args.repeat),
        )
        spare = [_committee_meeting(store, TODAY) for _ in range(args.repeat)]
        _show("commit only (store.add)", _ms(lambda: store.add(spare.pop()), args.repeat))
        _show(
            "settled_by (review step)",
            _ms(
                lambda: settled_by(meeting, snapshot, profile=profile, calendar=calendar),
                args.repeat,
            ),
        )
        _show(
            "meeting_defects (review step)",
            _ms(lambda: meeting_defects(meeting, snapshot, profile, calendar), args.repeat),
        )


if __name__ == "__main__":
    main()
