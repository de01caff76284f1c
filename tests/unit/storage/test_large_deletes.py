"""A delete's writes in one transaction: many documents dropped and changed at once, and what the
transaction reads back (its data()) is what its documents say, the untouched records reused."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from branchtui.domain.demo import make_demo
from branchtui.domain.records import TABLES, Meeting
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "data", create=True)
    store.replace_all(make_demo(today=TODAY, seed=2017, members=30, years=2))
    return store


def test_what_a_transaction_reads_is_what_its_documents_say(store: Store) -> None:
    before = store.snapshot()
    first, second = before.meetings[0], before.meetings[1]
    with store.transaction() as tx:
        tx.update(dataclasses.replace(first, topic="改过的主题"))
        tx.insert(Meeting(kinds=["committee_meeting"], date=TODAY, topic="新的会"))
        tx.delete("meetings", second.id)
        data = tx.data()
        for name in TABLES:
            assert data.records(name) == tx.all(name), name
        # A record the transaction did not write is the one the store had decoded.
        untouched = before.meetings[2]
        assert next(m for m in data.meetings if m.id == untouched.id) is untouched
    after = store.snapshot()
    assert after.find("meetings", first.id).topic == "改过的主题"
    assert after.find("meetings", second.id) is None
    assert any(m.topic == "新的会" for m in after.meetings)


def test_erasing_the_busiest_member_drops_and_changes_many_records_in_one_commit(
    store: Store,
) -> None:
    data = store.snapshot()
    member_id = Counter(a.member_id for m in data.meetings for a in m.attendance).most_common(1)[0][
        0
    ]
    paid = [p.id for p in data.dues_payments if p.member_id == member_id]
    with store.transaction() as tx:
        tx.delete("members", member_id)
    reopened = Store.open(store.data_dir).snapshot()
    assert reopened.find("members", member_id) is None
    assert len(paid) > 10 and not any(reopened.find("dues_payments", i) for i in paid)
    assert all(a.member_id != member_id for m in reopened.meetings for a in m.attendance)
    assert dangling_references(reopened) == []
    # Every other record is as it was.
    assert len(reopened.meetings) == len(data.meetings)
    assert len(reopened.dues_payments) == len(data.dues_payments) - len(paid)
