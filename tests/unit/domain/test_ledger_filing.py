"""电子台帐 (SYS-3): the year's meetings and activities with recorder, photos and filing."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.ledger_filing import filing_changes, ledger_rows
from branchtui.domain.obligations.engine import obligations_on
from branchtui.domain.records import Activity, Branch, BranchData, LedgerEntry, Meeting

ON = dt.date(2026, 11, 27)


def _data() -> BranchData:
    data = BranchData()
    data.branch = Branch(id="b", name="支部", kind="branch", created=dt.date(2020, 1, 1))
    data.meetings = [
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
    data.activities = [
        Activity(
            id="a1", date=dt.date(2026, 7, 1), title="七一活动", recorder_id="x", photo_ids=["p"]
        )
    ]
    data.ledger_entries = [
        LedgerEntry(
            date=dt.date(2026, 7, 2), title="七一活动", record_table="activities", record_id="a1"
        )
    ]
    return data


def test_rows_are_the_years_records_held_so_far_with_their_filing() -> None:
    rows = ledger_rows(_data(), 2026, ON)
    assert [(r.record_id, r.category, r.photos, r.filed) for r in rows] == [
        ("m1", "life", 0, False),
        ("a1", "education", 1, True),
    ]


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
