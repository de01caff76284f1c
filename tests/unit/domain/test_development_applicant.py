"""The applicant form's record: 申请日期 is step 1 of the file, and the applicant is 18 or
more on that day (党章 §1, DEV-3; NAT-3's month for the talk starts there)."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.development_applicant import ApplicantDetails, applicant_file, details_of
from branchtui.domain.records import Candidate, CandidateEvent
from branchtui.domain.validation import validate

TODAY = dt.date(2026, 11, 27)


def test_a_new_applicant_gets_step_1_on_the_date_given() -> None:
    details = ApplicantDetails(candidate_id="c9", name="欧阳青", applied=dt.date(2026, 11, 1))
    made = applicant_file(None, details)
    assert made.id == "c9" and made.name == "欧阳青"
    assert [(e.step, e.date) for e in made.events] == [("applied", dt.date(2026, 11, 1))]


def test_an_edit_moves_the_application_and_keeps_the_other_steps() -> None:
    c = Candidate(
        id="c1",
        name="林小红",
        events=[
            CandidateEvent(step="applied", date=dt.date(2026, 10, 20)),
            CandidateEvent(step="talked", date=dt.date(2026, 11, 2), people="王书记"),
        ],
    )
    details = details_of(c)
    assert details.applied == dt.date(2026, 10, 20) and details.candidate_id == "c1"
    details.applied = dt.date(2026, 10, 28)
    moved = applicant_file(c, details)
    assert [(e.step, e.date) for e in moved.events] == [
        ("applied", dt.date(2026, 10, 28)),
        ("talked", dt.date(2026, 11, 2)),
    ]
    assert moved.events[1].people == "王书记"


def test_the_application_date_is_required_and_the_applicant_18() -> None:
    assert validate(ApplicantDetails(name="欧阳青"), TODAY) == {"applied": "请填写申请日期"}
    young = ApplicantDetails(
        name="欧阳青", birth_date=dt.date(2008, 11, 2), applied=dt.date(2026, 11, 1)
    )
    assert "须年满18周岁" in validate(young, TODAY)["applied"]
    of_age = ApplicantDetails(
        name="欧阳青", birth_date=dt.date(2008, 11, 1), applied=dt.date(2026, 11, 1)
    )
    assert validate(of_age, TODAY) == {}  # 18 on the very day
    later = ApplicantDetails(name="欧阳青", applied=dt.date(2026, 12, 1))
    assert "applied" in validate(later, TODAY)  # not a day to come
