"""CARE-1 as the talks screen lists it: the owed talks, and a talk prefilled for one of them."""

from __future__ import annotations

from branchtui.domain.obligations.care import owed_talks, talk_about
from branchtui.domain.records import DisciplineCase, Talk, Transfer

from .conftest import D, add, add_committee, add_member, judge, statuses

ON = D(2026, 11, 27)


def test_owed_talks_are_the_events_without_a_talk_oldest_first(data) -> None:
    secretary, gone = add_member(data, "书记"), add_member(data, "王五")
    add_committee(data, D(2025, 1, 1), [secretary])
    moved = add(
        data,
        Transfer(
            member_id=gone.id,
            person_name="王五",
            direction="out",
            instrument="relation_transfer",
            date=D(2026, 11, 20),
        ),
    )
    case = add(data, DisciplineCase(member_id=secretary.id, opened=D(2026, 9, 1), reason="违纪"))
    assert [e.id for e in owed_talks(data, ON)] == [case.id, moved.id]

    talk = talk_about(owed_talks(data, ON)[1], data, ON)
    assert (talk.member_id, talk.about_id, talk.trigger) == (gone.id, moved.id, "transfer_out")
    assert (talk.kind, talk.date, talk.talker_id) == ("special", ON, secretary.id)
    assert talk_about(owed_talks(data, ON)[0], data, ON).kind == "reminder"

    add(data, talk)
    assert [e.id for e in owed_talks(data, ON)] == [case.id]
    assert statuses(judge("CARE-1", data, ON)) == ["due"]


def test_a_talk_dated_after_today_does_not_settle_yet(data) -> None:
    m = add_member(data)
    add(data, DisciplineCase(member_id=m.id, opened=D(2026, 11, 1), reason="违纪"))
    add(data, Talk(member_id=m.id, date=D(2026, 12, 1)))
    assert len(owed_talks(data, ON)) == 1
    assert owed_talks(data, D(2026, 12, 1)) == []
