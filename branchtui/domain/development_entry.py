"""Recording one step of a candidate's file: what the step form holds (``StepEntry``) and the
records one save writes — the file, and the roster's Member when the person is received,
placed, converted or dropped. The checks shown as it is typed are in
domain/development_checks.py.

``apply_entry`` turns an accepted entry into one ``RecordChanges``: the candidate with the new
record and, from step 17 on, the member in the roster (DESIGN: one commit per user action).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.development import (
    probation_end,
    probation_start,
)
from branchtui.domain.development_steps import Step, step_of
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Candidate, CandidateEvent, CandidateVote, Member
from branchtui.domain.records.development import CANDIDATE_STEPS

ORDER = {code: i for i, code in enumerate(CANDIDATE_STEPS)}


@dataclass(frozen=True)
class StepEntry:
    """What the step form holds. ``replacing`` is the index in ``Candidate.events`` of the
    record being edited (None for a new one); ``member_ids`` are the 培养联系人 or 入党介绍人."""

    code: str
    date: dt.date | None
    companion: dt.date | None = None
    until: dt.date | None = None
    hours: float = 0.0
    months: int | None = None
    people: str = ""
    document: str = ""
    member_ids: tuple[str, ...] = ()
    group_id: str | None = None
    vote: CandidateVote | None = None
    meeting_id: str | None = None
    note: str = ""
    replacing: int | None = None


@dataclass(frozen=True)
class EntryCheck:
    """Per field of the form: errors (not saved), warnings (late, saved) and notes."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def without_record(candidate: Candidate, index: int | None) -> Candidate:
    """The file without the record at ``index`` (and the companion of a step's record)."""
    if index is None or not 0 <= index < len(candidate.events):
        return candidate
    gone = candidate.events[index]
    step = step_of(gone.step)
    companion = step.companion if step is not None and step.code == gone.step else None
    events = [e for i, e in enumerate(candidate.events) if i != index and e.step != companion]
    changes: dict[str, object] = {"events": events}
    if gone.step == "contacts_assigned" and not any(e.step == gone.step for e in events):
        changes["contact_ids"] = []
    if gone.step == "introducers_assigned" and not any(e.step == gone.step for e in events):
        changes["introducer_ids"] = []
    return dataclasses.replace(candidate, **changes)  # type: ignore[arg-type]


def _with_people(candidate: Candidate, entry: StepEntry) -> Candidate:
    if entry.code == "contacts_assigned":
        return dataclasses.replace(candidate, contact_ids=list(entry.member_ids))
    if entry.code == "introducers_assigned":
        return dataclasses.replace(candidate, introducer_ids=list(entry.member_ids))
    return candidate


def _records(entry: StepEntry, step: Step) -> list[CandidateEvent]:
    main = CandidateEvent(
        step=entry.code,  # type: ignore[arg-type]
        date=entry.date or dt.date.min,
        until=entry.until,
        hours=entry.hours,
        months=entry.months,
        people=entry.people,
        document=entry.document,
        meeting_id=entry.meeting_id,
        vote=entry.vote,
        note=entry.note,
    )
    out = [main]
    if step.companion and entry.companion is not None:
        out.append(CandidateEvent(step=step.companion, date=entry.companion))
    return out


def with_entry(candidate: Candidate, entry: StepEntry) -> Candidate:
    """The file as it will be saved: the record (and its companion) in date order."""
    step = step_of(entry.code)
    base = _with_people(without_record(candidate, entry.replacing), entry)
    if step is None or entry.date is None:
        return base
    events = [*base.events, *_records(entry, step)]
    events.sort(key=lambda e: (e.date, ORDER.get(e.step, 0)))
    return dataclasses.replace(base, events=events)


# --- the save -------------------------------------------------------------------------------


def roster_changes(
    candidate: Candidate, entry: StepEntry, data: BranchData, profile: Profile
) -> RecordChanges:
    """The Member the entry makes or changes: received (step 17) as a 预备党员 from the day
    of the 支部党员大会, placed in a party group (19), converted (24) to 正式党员 from the day
    probation ended; a 预备党员 dropped is removed from the roster (取消预备党员资格)."""
    after = with_entry(candidate, entry)
    existing: Member | None = data.find("members", candidate.member_id)
    if entry.code == "dropped":
        if existing is None or existing.removed is not None or existing.status != "probationary":
            return RecordChanges()
        removed = dataclasses.replace(
            existing,
            removed=entry.date,
            removed_reason="other",
            removed_note=f"取消预备党员资格：{entry.document}"[:500],
        )
        return RecordChanges(updates=(removed,))
    if after.date_of("approved") is None:
        return RecordChanges()
    converted = after.date_of("converted") is not None
    fields: dict[str, object] = {
        "joined": probation_start(after),
        "status": "full" if converted else "probationary",
        "full_date": probation_end(after, profile) if converted else None,
    }
    if entry.code == "placed":
        fields["group_id"] = entry.group_id
    if existing is None:
        member = Member(
            name=candidate.name,
            gender=candidate.gender,
            birth_date=candidate.birth_date,
            id_number=candidate.id_number,
            phone=candidate.phone,
            position=candidate.position,
            **fields,  # type: ignore[arg-type]
        )
        return RecordChanges(inserts=(member,))
    changed = dataclasses.replace(existing, **fields)  # type: ignore[arg-type]
    return RecordChanges(updates=(changed,)) if changed != existing else RecordChanges()


def apply_entry(
    candidate: Candidate, entry: StepEntry, data: BranchData, profile: Profile
) -> RecordChanges:
    """One commit: the file with the new record, and the roster's Member where it changes."""
    roster = roster_changes(candidate, entry, data, profile)
    after = with_entry(candidate, entry)
    member = next((r for r in roster.inserts if isinstance(r, Member)), None)
    if member is not None:
        after = dataclasses.replace(after, member_id=member.id)
    return RecordChanges(inserts=roster.inserts, updates=(after, *roster.updates))


def entry_from_record(candidate: Candidate, index: int, data: BranchData) -> StepEntry:
    """The form's content for editing the record at ``index`` (its companion included)."""
    event = candidate.events[index]
    step = step_of(event.step)
    companion = None
    if step is not None and step.companion and step.code == event.step:
        companion = candidate.date_of(step.companion)
    ids: tuple[str, ...] = ()
    if event.step == "contacts_assigned":
        ids = tuple(candidate.contact_ids)
    elif event.step == "introducers_assigned":
        ids = tuple(candidate.introducer_ids)
    group = None
    if event.step == "placed":
        member = data.find("members", candidate.member_id)
        group = member.group_id if member else None
    return StepEntry(
        code=event.step,
        date=event.date,
        companion=companion,
        until=event.until,
        hours=event.hours,
        months=event.months,
        people=event.people,
        document=event.document,
        member_ids=ids,
        group_id=group,
        vote=event.vote,
        meeting_id=event.meeting_id,
        note=event.note,
        replacing=index,
    )


def meeting_vote(
    data: BranchData, candidate: Candidate, day: dt.date, preferred: str | None = None
) -> tuple[str | None, CandidateVote | None]:
    """A 支部党员大会 on ``day`` on file (``preferred`` first, when it is one): its id and,
    from its attendance and a vote naming the person, the 票决 to prefill the form with (None
    when there is no such meeting)."""
    from branchtui.domain.attendance import voters_on

    meetings = sorted(data.meetings, key=lambda m: m.id != preferred)
    for meeting in meetings:
        if meeting.date != day or "general_meeting" not in meeting.kinds:
            continue
        voters = {m.id for m in voters_on(data.members, day)}
        present = sum(
            1 for a in meeting.attendance if a.member_id in voters and a.status == "present"
        )
        for vote in meeting.votes:
            if vote.candidate == candidate.name or candidate.name in vote.motion:
                return meeting.id, CandidateVote(
                    present=present, yes=vote.yes, no=vote.no, abstain=vote.abstain
                )
        return meeting.id, CandidateVote(present=present, yes=0)
    return None, None


def general_meetings(data: BranchData, limit: int = 30) -> dict[str, str]:
    """The 支部党员大会 on file, latest first, as the choices of the form's 关联会议."""
    found = [m for m in data.meetings if "general_meeting" in m.kinds]
    found.sort(key=lambda m: m.date, reverse=True)
    return {m.id: f"{format_date(m.date)}  {m.topic or '支部党员大会'}" for m in found[:limit]}


def known_people(data: BranchData) -> list[str]:
    """Names the form suggests for 谈话人 and 考察人: the roster's members and the people
    already named in the development files."""
    names = {m.name for m in data.active_members}
    for candidate in data.candidates:
        for event in candidate.events:
            names.update(p for p in re.split(r"[、，,]", event.people) if p.strip())
    return sorted(names)


def step_choices(candidate: Candidate) -> dict[str, str]:
    """What the form's step list offers, in order: the 25 steps and the two outcomes."""
    from branchtui.domain.development_steps import DROPPED, EXTENSION, STEPS

    choices: dict[str, str] = {s.code: s.title for s in STEPS}
    choices[EXTENSION.code] = EXTENSION.name
    if candidate.stage != "dropped":
        choices[DROPPED.code] = DROPPED.name
    return choices
