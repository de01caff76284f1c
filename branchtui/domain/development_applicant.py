"""The applicant form's record (入党申请人): a person's own details with 申请日期, the day the
application was handed in (递交入党申请书, step 1 of the file) — where NAT-3's month for the talk
starts — and what one save of it makes of the development file (DEV-3, 一人一档)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Annotated, ClassVar

from branchtui.domain.choices import Blank
from branchtui.domain.development_entry import ORDER
from branchtui.domain.fields import Spec
from branchtui.domain.records import Candidate, CandidateEvent
from branchtui.domain.records.people import PERSONAL, Gender

# The person's own fields of a Candidate the form edits, in its order (申请日期 after them).
PERSON_FIELDS = ("name", "gender", "birth_date", "id_number", "phone", "position")


@dataclass(kw_only=True, slots=True)
class ApplicantDetails:
    """What the 新增 / 编辑 form of a person in development holds; ``candidate_id`` is the file
    it is saved to (a new one's id is made before the form opens)."""

    LABEL: ClassVar[str] = "入党申请人"

    candidate_id: Annotated[str, Spec("档案编号")] = ""
    name: Annotated[str, Spec("姓名", min_length=2, max_length=20)]
    gender: Annotated[Gender | Blank, Spec("性别")] = ""
    birth_date: Annotated[dt.date | None, Spec("出生日期")] = None
    id_number: Annotated[str, Spec("身份证号", doc=PERSONAL)] = ""
    phone: Annotated[str, Spec("联系电话", doc=PERSONAL)] = ""
    position: Annotated[str, Spec("职务", doc="工作单位及职务", max_length=100)] = ""
    applied: Annotated[dt.date | None, Spec("申请日期", doc="递交入党申请书的日期")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


def details_of(candidate: Candidate) -> ApplicantDetails:
    """The form's values for a file on record: its person and the date of its application."""
    person = {name: getattr(candidate, name) for name in PERSON_FIELDS}
    return ApplicantDetails(
        candidate_id=candidate.id,
        applied=candidate.date_of("applied"),
        note=candidate.note,
        **person,
    )


def applicant_file(original: Candidate | None, details: ApplicantDetails) -> Candidate:
    """The file as one save of the form leaves it: the person's details, and 申请日期 as the
    record of step 1 (递交入党申请书) — moved when one is on file, added otherwise."""
    values = {name: getattr(details, name) for name in (*PERSON_FIELDS, "note")}
    if original is None:
        base = Candidate(id=details.candidate_id, **values) if details.candidate_id else None
        base = base or Candidate(**values)
    else:
        base = dataclasses.replace(original, **values)
    if details.applied is None:
        return base
    events = list(base.events)
    at = next((i for i, e in enumerate(events) if e.step == "applied"), None)
    if at is None:
        events.append(CandidateEvent(step="applied", date=details.applied))
    else:
        events[at] = dataclasses.replace(events[at], date=details.applied)
    events.sort(key=lambda e: (e.date, ORDER.get(e.step, 0)))
    return dataclasses.replace(base, events=events)
