"""Free-text fields within what their declaration allows (domain/fields.py Spec): lengths and
formats checked for every record, the records inside it and imported documents alike; and the
people of a development record (谈话人 …) named, never a date."""

from __future__ import annotations

import datetime as dt

from branchtui.domain import records as r
from branchtui.domain.development_checks import check_entry
from branchtui.domain.development_entry import StepEntry
from branchtui.domain.fields import spec_of
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.validation import validate, validate_dict
from branchtui.domain.validation_fields import check_people

D = dt.date
DAY = D(2026, 11, 1)


def test_a_branch_name_is_at_most_40_characters() -> None:
    assert spec_of(r.Branch, "name").max_length == 40
    assert validate(r.Branch(name="党" * 40), DAY) == {}
    assert validate(r.Branch(name="党" * 41), DAY) == {"name": "支部名称不能超过40个字"}


def test_a_meeting_topic_and_an_agenda_item_are_at_most_60_characters() -> None:
    meeting = r.Meeting(kinds=["general_meeting"], date=DAY, topic="题" * 61)
    assert validate(meeting, DAY)["topic"] == "会议主题不能超过60个字（现为61个字）"
    meeting = r.Meeting(kinds=["general_meeting"], date=DAY, agenda=[r.AgendaItem(title="题" * 61)])
    assert validate(meeting, DAY)["agenda.0.title"] == "议题不能超过60个字（现为61个字）"
    meeting.agenda[0].title = "题" * 60
    assert validate(meeting, DAY) == {}


def test_an_imported_document_gets_the_same_limits() -> None:
    errors = validate_dict("branch", {"name": "党" * 41}, DAY)
    assert errors == {"name": "支部名称不能超过40个字"}


def test_a_certificate_number_holds_letters_digits_and_hyphens() -> None:
    card = r.CertificateCard(member_id="m1", number="DYZ2026×0012")
    assert validate(card, DAY) == {"number": "党员证编号只能包含字母、数字和“-”，4至40位"}
    for good in ("DYZ2026-0012", "35020001", "3502123456789"):
        card.number = good
        assert validate(card, DAY) == {}, good
    for bad in ("DYZ 2026", "１２３４５", "12", "-123", "编号123"):
        card.number = bad
        assert "number" in validate(card, DAY), bad


def test_people_are_names_not_dates() -> None:
    assert check_people("2026-11-10", "谈话人") == "谈话人应填写姓名，不能是日期或数字"
    assert check_people("张三3", "谈话人") == "谈话人应填写姓名，不能是日期或数字"
    assert check_people("张三/李四", "谈话人") == "谈话人应填写姓名（可注明职务），多人用“、”分隔"
    assert check_people("史", "谈话人") == "谈话人应填写姓名（可注明职务），多人用“、”分隔"
    for good in (
        "",
        "史磊",
        "史磊、李佳",
        "张三（组织委员）",
        "上级党委组织委员",
        "阿依古丽·吐尔逊",
    ):
        assert check_people(good, "谈话人") is None, good


def test_the_step_form_refuses_a_date_as_the_talker() -> None:
    c = r.Candidate(name="曾心晨", events=[r.CandidateEvent(step="applied", date=D(2026, 10, 1))])
    entry = StepEntry("talked", D(2026, 10, 20), people="2026-11-10")
    found = check_entry(c, entry, r.BranchData(), D(2026, 11, 27), PLAN_2017)
    assert found.errors == {"people": "谈话人应填写姓名，不能是日期或数字"}


def test_an_imported_development_record_with_a_date_as_person_is_refused() -> None:
    c = r.Candidate(
        name="曾心晨",
        events=[r.CandidateEvent(step="talked", date=D(2026, 10, 20), people="2026-11-10")],
    )
    assert validate(c, DAY) == {"events.0.people": "相关人员应填写姓名，不能是日期或数字"}
