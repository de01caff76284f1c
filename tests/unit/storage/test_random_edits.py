"""Random inserts, edits and deletes from two sessions: what a fresh session reads is what was saved."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from branchtui.domain.deletion import deletion
from branchtui.domain.records import Attendance, Meeting, Member
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store


def test_random_edits_from_two_sessions_read_back_exactly(data_dir: Path) -> None:
    rng = random.Random(27)
    sessions = [Store.open(data_dir, create=True), Store.open(data_dir)]
    model: dict[str, dict[str, Any]] = {"members": {}, "meetings": {}}
    for step in range(150):
        store = rng.choice(sessions)
        table = rng.choice(["members", "meetings"])
        rows = model[table]
        action = rng.choice(["insert", "insert", "edit", "delete", "several"]) if rows else "insert"
        if action == "insert":
            if table == "members":
                record: Any = Member(name=f"党员{step}")
            else:
                people = list(model["members"])
                attendance = [
                    Attendance(member_id=m) for m in rng.sample(people, min(3, len(people)))
                ]
                record = Meeting(
                    kinds=["theme_day"], date=dt.date(2026, 1, 1), attendance=attendance
                )
            store.add(record)
        elif action == "edit":
            record = store.snapshot().find(table, rng.choice(list(rows)))
            if table == "members":
                record.note = f"第{step}步"
            else:
                record.topic = f"第{step}步"
            store.save(record)
        elif action == "delete":
            victim = rng.choice(list(rows))
            # A member's attendance rows go with them (domain.deletion): the model follows.
            found = deletion(store.snapshot(), [(table, victim)]).changes
            assert found.deletes[0].id == victim
            store.remove(table, victim)
            for gone in found.deletes:
                del model[gone.TABLE][gone.id]
            for changed in found.updates:
                changed.rev += 1
                model[changed.TABLE][changed.id] = changed.to_dict()
            continue
        else:
            with store.transaction() as tx:
                record = tx.insert(Member(name=f"批量{step}"))
                model["members"][record.id] = record.to_dict()
                other = tx.get("members", rng.choice(list(model["members"])))
                assert other is not None
                other.position = f"第{step}步"
                tx.update(other)
                model["members"][other.id] = other.to_dict()
            continue
        rows[record.id] = record.to_dict()
    fresh = Store.open(data_dir).snapshot()
    assert dangling_references(fresh) == []
    for table, rows in model.items():
        assert {r.id: r.to_dict() for r in fresh.records(table)} == rows
    for store in sessions:
        data = store.snapshot()
        assert {r.id: r.to_dict() for r in data.members} == model["members"]
