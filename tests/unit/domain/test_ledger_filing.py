"""电子台帐 (SYS-3): the year's meetings and activities with recorder, photos and filing."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.deletion import deletion
from branchtui.domain.erasure import erase_record
from branchtui.domain.ledger_filing import entry_filing, filing_changes, ledger_rows
from branchtui.domain.obligations.engine import obligations_on
from branchtui.domain.records import (
    Activity,
    Branch,
    BranchData,
    LedgerEntry,
    Meeting,
    StudySession,
)

ON = dt.date(2026, 11, 27)


def _data() -> BranchData:
    data = BranchData()
    data.branch = Branch(id="b", name="支部", kind="branch", created=dt.date(2020, 1, 1))
    data.tables["meetings"] = [
        Meeting(
            id="m1",
            kinds=["committee_meeting"],
            date=dt.date(2026, 3, 2),
            topic="支委会",
            recorder_id="x",
        ),
        Meeting(id="m2", kinds=["committee_meeting"], date=dt.date(2025, 3, 2), topic="去年的会"),
        Meeting(id="m3", kinds=["committee_meeting"], date=dt.date(2026, 12, 2), topic="下月的会"),
    ]
    data.tables["activities"] = [
        Activity(
            id="a1", date=dt.date(2026, 7, 1), title="七一活动", recorder_id="x", photo_ids=["p"]
        )
    ]
    data.tables["ledger_entries"] = [
        LedgerEntry(
            date=dt.date(2026, 7, 2),
            category="education",
            title="七一活动",
            record_table="activities",
            record_id="a1",
        )
    ]
    return data


def test_rows_are_the_years_records_held_so_far_with_their_filing() -> None:
    rows = ledger_rows(_data(), 2026, ON)
    assert [(r.record_id, r.category, r.photos, r.filed) for r in rows] == [
        ("m1", "life", 0, False),
        ("a1", "education", 1, True),
    ]


def test_a_filed_record_is_listed_under_the_category_its_entry_files_it() -> None:
    """An election's general meeting is filed under 组织建设 (entry_filing, category): the
    ledger lists it there, not under 组织生活 as meetings file by default."""
    data = _data()
    election = data.meetings[0]
    filed = entry_filing(data, RecordChanges((election,)), ON, category="organization")
    data.ledger_entries.extend(filed.inserts)
    rows = {r.record_id: r for r in ledger_rows(data, 2026, ON)}
    assert (rows["m1"].category, rows["m1"].filed) == ("organization", True)
    assert rows["a1"].category == "education"  # filed under its kind's own category


def test_filing_the_unfiled_leaves_sys_3_nothing_unfiled() -> None:
    data = _data()
    changes = filing_changes(ledger_rows(data, 2026, ON), ON)
    (entry,) = changes.inserts
    assert isinstance(entry, LedgerEntry)
    assert (entry.record_table, entry.record_id, entry.category, entry.date) == (
        "meetings",
        "m1",
        "life",
        ON,
    )
    (before,) = [o.detail for o in obligations_on(data, ON) if o.rule == "SYS-3"]
    data.ledger_entries.append(entry)
    (after,) = [o.detail for o in obligations_on(data, ON) if o.rule == "SYS-3"]
    # What is left is the minutes' own defects (台账体检), not the filing.
    assert "1条未归入台帐" in before and "未归入台帐" not in after


def _sys_3(data: BranchData) -> str:
    (detail,) = [o.detail for o in obligations_on(data, ON) if o.rule == "SYS-3"]
    return detail


def test_an_activity_entered_is_filed_under_education_dated_the_day_it_was_entered() -> None:
    """SYS-3: a new activity's save carries the ledger entry that files it, and the ledger
    and the duty see it filed once applied."""
    data = _data()
    act = Activity(
        id="a2", date=dt.date(2026, 11, 20), kind="volunteer", title="社区志愿服务", recorder_id="x"
    )
    (entry,) = entry_filing(data, RecordChanges((act,)), ON).inserts
    assert isinstance(entry, LedgerEntry)
    assert (entry.record_table, entry.record_id, entry.category, entry.date, entry.title) == (
        "activities",
        "a2",
        "education",
        ON,
        "社区志愿服务",
    )
    data.activities.append(act)
    assert "2条未归入台帐" in _sys_3(data)  # m1 and the new one
    data.ledger_entries.append(entry)
    assert [r.filed for r in ledger_rows(data, 2026, ON) if r.record_id == "a2"] == [True]
    assert "1条未归入台帐" in _sys_3(data)  # only m1, entered before, is left to file by hand


def test_a_meeting_without_a_topic_is_filed_under_a_title_all_the_same() -> None:
    meeting = Meeting(id="m9", kinds=["theme_day"], date=dt.date(2026, 11, 2))
    (entry,) = entry_filing(_data(), RecordChanges((meeting,)), ON).inserts
    assert isinstance(entry, LedgerEntry)
    assert (entry.category, entry.title) == ("life", "会议记录")


def test_an_edit_a_record_filed_or_of_another_kind_files_nothing() -> None:
    data = _data()
    (a1,) = data.activities
    (m1, _m2, _m3) = data.meetings
    study = StudySession(date=dt.date(2026, 11, 3), topic="学习党章")
    assert entry_filing(data, RecordChanges(updates=(m1, a1)), ON) == RecordChanges()
    assert entry_filing(data, RecordChanges((study,)), ON) == RecordChanges()
    # Already filed by data, or by the same changes (the election files its own meeting).
    assert entry_filing(data, RecordChanges((a1,)), ON) == RecordChanges()
    new = Meeting(id="m9", kinds=["general_meeting"], date=ON, topic="选举")
    filed = entry_filing(data, RecordChanges((new,)), ON, category="organization")
    (entry,) = filed.inserts
    assert isinstance(entry, LedgerEntry) and entry.category == "organization"
    assert entry_filing(data, RecordChanges((new,)) + filed, ON) == RecordChanges()


def test_deleting_a_filed_record_deletes_its_ledger_entry() -> None:
    """SYS-3: an entry exists only to file its record; every delete (domain.deletion, the
    register's erase_record included) takes it with the record."""
    data = _data()
    (entry,) = data.ledger_entries
    assert deletion(data, [("activities", "a1")]).changes.deletes[1:] == (entry,)
    twin = Meeting(id="a1", kinds=["committee_meeting"], date=dt.date(2026, 3, 9), topic="同号")
    data.meetings.append(twin)  # the same id in another table files nothing of this entry
    assert deletion(data, [("meetings", "a1")]).changes == RecordChanges(deletes=(twin,))
    changes = erase_record(data, "activities", "a1")
    assert {r.id for r in changes.deletes} == {"a1", entry.id} and changes.updates == ()


def test_the_systems_volume_lists_those_in_force_at_the_years_end() -> None:
    from branchtui.domain.ledger_volume import ledger_volume
    from branchtui.domain.records import SystemDoc

    data = _data()
    data.system_docs = [
        SystemDoc(
            kind="study",
            title="旧学习制度",
            adopted=dt.date(2020, 1, 1),
            abolished=dt.date(2026, 3, 1),
        ),
        SystemDoc(kind="study", title="新学习制度", adopted=dt.date(2026, 3, 1)),
    ]

    def listed(year: int) -> list[str]:
        table = ledger_volume(data, year, "systems", ON)["tables"][0]
        return [row[0] for row in table["rows"]]

    assert listed(2025) == ["旧学习制度"]
    assert listed(2026) == ["新学习制度"]  # abolished in March: no longer in force at year's end
