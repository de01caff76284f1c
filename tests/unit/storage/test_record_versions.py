"""The first version of a record carries the time and login of its creation, and a 民主评议 is
versioned with its meeting as the meeting is (修改历史, SYS-3, SYS-4); records entered before
schema 13 read as 未记录."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from branchtui.domain.meetings.versions import (
    appraisal_version_summary,
    appraisal_versions,
    versions_of,
)
from branchtui.domain.records import Appraisal, AppraisalResult, Attendance, Meeting
from branchtui.storage import minutes
from branchtui.storage.migrations import SCHEMA_VERSION, migrate, schema_version_of
from branchtui.storage.minutes import save_meeting
from branchtui.storage.store import Store
from tests.unit.obligations.conftest import D, add_members, make_data

TODAY = D(2026, 11, 27)


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(minutes, "time_of_day", lambda: "15:42")
    monkeypatch.setattr(minutes, "current_user", lambda: "zhangsan")
    data = make_data()
    add_members(data, 4)
    store = Store.open(data_dir, create=True)
    store.replace_all(data)
    return store


def _appraisal_meeting(store: Store) -> tuple[Meeting, Appraisal]:
    members = store.snapshot().members
    meeting = Meeting(
        kinds=["general_meeting", "appraisal"],
        date=D(2026, 11, 20),
        topic="民主评议党员",
        attendance=[Attendance(member_id=m.id) for m in members],
    )
    results = [AppraisalResult(member_id=m.id, grade="qualified") for m in members]
    return meeting, Appraisal(year=2026, results=results, meeting_id=meeting.id)


def test_a_new_meeting_and_its_appraisal_carry_the_time_and_login_of_their_creation(
    store: Store,
) -> None:
    meeting, appraisal = _appraisal_meeting(store)
    saved = save_meeting(store, meeting, appraisal=appraisal, today=TODAY)
    stored = store.snapshot().find("meetings", saved.meeting.id)
    assert (stored.entered_on, stored.entered_at, stored.entered_by) == (
        TODAY,
        "15:42",
        "zhangsan",
    )
    (first,) = versions_of(stored)
    assert (first.saved_on, first.saved_at, first.saved_by) == (TODAY, "15:42", "zhangsan")
    (kept,) = store.snapshot().appraisals
    assert (kept.entered_on, kept.entered_at, kept.entered_by) == (TODAY, "15:42", "zhangsan")


def test_an_appraisal_amended_with_its_meeting_keeps_the_version_before(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting, appraisal = _appraisal_meeting(store)
    saved = save_meeting(store, meeting, appraisal=appraisal, today=D(2026, 11, 21))
    monkeypatch.setattr(minutes, "time_of_day", lambda: "16:05")
    monkeypatch.setattr(minutes, "current_user", lambda: "lisi")
    (stored,) = store.snapshot().appraisals
    changed = dataclasses.replace(
        stored,
        results=[dataclasses.replace(stored.results[0], grade="excellent"), *stored.results[1:]],
    )
    save_meeting(store, saved.meeting, appraisal=changed, reason="更正等次", today=TODAY)
    (kept,) = store.snapshot().appraisals
    (made,) = kept.amendments
    assert (made.date, made.time, made.user, made.reason) == (TODAY, "16:05", "lisi", "更正等次")
    assert made.previous["results"][0]["grade"] == "qualified"
    assert (kept.entered_on, kept.entered_at, kept.entered_by) == (
        D(2026, 11, 21),
        "15:42",
        "zhangsan",
    )
    versions = appraisal_versions(kept)
    assert [v.number for v in versions] == [1, 2] and versions[1].current
    assert versions[0].record is not None and versions[0].record.results[0].grade == "qualified"
    assert [appraisal_version_summary(versions, i) for i in range(2)] == [
        "首次录入",
        "评定结果（1人）",
    ]
    # The meeting amended again with its appraisal as it is: no new version of the appraisal.
    meeting_now = store.snapshot().find("meetings", saved.meeting.id)
    meeting_now.place = "三楼会议室"
    save_meeting(store, meeting_now, appraisal=kept, reason="补记地点", today=TODAY)
    assert len(store.snapshot().appraisals[0].amendments) == 1


def test_records_entered_before_schema_13_read_as_not_recorded() -> None:
    v12 = {
        "_meta": {"schema_version": 12, "app_version": "0.1.0"},
        "meetings": {
            "1": {
                "id": "m1",
                "rev": 1,
                "kinds": ["committee_meeting"],
                "date": "2026-11-03",
                "entered_on": "2026-11-04",
            }
        },
        "appraisals": {"1": {"id": "a1", "rev": 1, "year": 2025}},
    }
    raw = migrate(v12)
    assert schema_version_of(raw) == SCHEMA_VERSION == 15
    meeting = Meeting.from_dict(raw["meetings"]["1"])
    (first,) = versions_of(meeting)
    assert (first.saved_on, first.saved_at, first.saved_by) == (D(2026, 11, 4), "", "")
    appraisal = Appraisal.from_dict(raw["appraisals"]["1"])
    assert appraisal.amendments == [] and appraisal.entered_at == ""
