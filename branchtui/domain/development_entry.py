"""Recording one step of a candidate's file: the checks shown as it is typed, and the records
one save writes (the file, and the roster's Member when the person is received or converted).

``check_entry`` says, per field of the step form, what breaks a rule (an error: not saved), what
is late (a warning: saved, and shown), and what the rule computed (a note: the 票决's result,
the training so far). ``apply_entry`` turns an accepted entry into one ``RecordChanges``: the
candidate with the new record and, from step 17 on, the member in the roster (DESIGN: one
commit per user action).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.development import (
    last_review,
    probation_end,
    probation_start,
    training_days,
    training_hours,
)
from branchtui.domain.development_rules import (
    applicant_too_young,
    approval_timing,
    contacts_problem,
    conversion_timing,
    extension_problem,
    introducers_problem,
    review_late,
    talk_late,
    target_too_early,
    vote_unready,
    vote_verdict,
)
from branchtui.domain.development_steps import COMPANION_OF, Step, record_label, step_of
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Candidate, CandidateEvent, CandidateVote, Member
from branchtui.domain.records.development import CANDIDATE_STEPS, CandidateStep
from branchtui.domain.validation import validate

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


# --- the checks -----------------------------------------------------------------------------


def check_entry(
    candidate: Candidate, entry: StepEntry, data: BranchData, today: dt.date, profile: Profile
) -> EntryCheck:
    """What the form shows beside each field for ``entry``; saving needs no errors."""
    check = EntryCheck()
    errors = check.errors
    step = step_of(entry.code)
    if step is None or entry.code in COMPANION_OF:
        errors["step"] = "请选择发展环节"
        return check
    day = entry.date
    if day is None:
        errors["date"] = "请填写日期"
        return check
    if day > today:
        errors["date"] = "日期不能晚于今天"
    base = without_record(candidate, entry.replacing)
    if base.stage == "dropped" and entry.code != "dropped":
        errors["step"] = "此人已终止培养，不能再记录发展环节"
    _once(base, step, day, errors)
    _prerequisites(base, step, day, errors)
    _companion(base, step, entry, today, errors)
    _step_rules(base, entry, data, profile, check)
    if not errors:
        problem = _member_problem(candidate, entry, data, today, profile)
        if problem:
            errors["member"] = problem
    return check


def _once(base: Candidate, step: Step, day: dt.date, errors: dict[str, str]) -> None:
    """A step is recorded once; 考察 and 培训 repeat, and the conversion vote is held again
    after probation was extended."""
    if step.repeats or step.code == "dropped":
        return
    if step.code == "conversion_vote" and base.date_of("probation_extended") is not None:
        return
    done = base.date_of(step.code)
    if done is not None:
        errors.setdefault(
            "date", f"「{step.name}」已于{format_date(done)}记录，如需修改请在档案中编辑该记录"
        )


def _prerequisites(base: Candidate, step: Step, day: dt.date, errors: dict[str, str]) -> None:
    """DEV-3: the steps a step follows must be on file, dated no later."""
    for code in step.after:
        done = base.date_of(code)
        if done is None:
            errors.setdefault("date", f"请先记录「{record_label(code)}」")
        elif done > day:
            errors.setdefault("date", f"不能早于「{record_label(code)}」（{format_date(done)}）")


def _companion(
    base: Candidate, step: Step, entry: StepEntry, today: dt.date, errors: dict[str, str]
) -> None:
    """推优 (DEV-3) comes before the person is named an activist; 公示 (DEV-3) follows the
    naming of the 发展对象; neither may be in the future."""
    if step.companion is None:
        return
    label = record_label(step.companion)
    when = entry.companion
    if when is None:
        errors["companion"] = f"请填写{label}日期"
    elif when > today:
        errors["companion"] = "日期不能晚于今天"
    elif step.companion == "recommended" and entry.date and when > entry.date:
        errors["companion"] = f"{label}应在确定入党积极分子之前"
    else:
        for code in step.after:
            done = base.date_of(code)
            if done is not None and when < done:
                errors["companion"] = f"不能早于「{record_label(code)}」（{format_date(done)}）"


def _step_rules(
    base: Candidate, entry: StepEntry, data: BranchData, profile: Profile, check: EntryCheck
) -> None:
    """The rules of one step (NAT-3, NAT-1, 党章 §1), on the field they concern."""
    errors, warnings, notes = check.errors, check.warnings, check.notes
    code, day = entry.code, entry.date
    assert day is not None
    members = data.by_id("members")
    put = _putter(errors, warnings)
    if code == "applied":
        put("date", "error", applicant_too_young(base, day))
    elif code == "talked":
        put("date", "warning", talk_late(base.date_of("applied"), day, profile))
        if not entry.people:
            errors["people"] = "请填写谈话人"
    elif code == "contacts_assigned":
        put("members", "error", contacts_problem(list(entry.member_ids), members, day))
    elif code == "review":
        earlier = [
            e.date for e in base.events if e.step in ("review", "activist") and e.date <= day
        ]
        put("date", "warning", review_late(max(earlier, default=None), day, profile))
    elif code == "target":
        put("date", "error", target_too_early(base, day, profile))
    elif code == "introducers_assigned":
        put("members", "error", introducers_problem(list(entry.member_ids), members, day))
    elif code == "training":
        _training(base, entry, profile, check)
    elif code in ("branch_vote", "conversion_vote"):
        if code == "branch_vote":
            unready = vote_unready(base, day, profile)
            put("date", "error", "；".join(unready) or None)
        else:
            put("date", *conversion_timing(base, day, profile))
        if entry.vote is None:
            errors["vote"] = "请填写实到人数和赞成票（NAT-1）"
        else:
            ok, said = vote_verdict(base, data.members, day, entry.vote)
            (notes if ok else errors)["vote"] = said
    elif code == "approved":
        put("date", *approval_timing(base.date_of("branch_vote"), day, profile))
    elif code == "converted":
        put("date", *approval_timing(base.date_of("conversion_vote"), day, profile))
    elif code == "probation_extended":
        problem = extension_problem(base, entry.months, day, profile)
        put("months" if problem and "个月" in problem else "date", "error", problem)
    elif code in ("upper_talk",) and not entry.people:
        errors["people"] = "请填写谈话人"
    elif code == "dropped" and not entry.document:
        errors["document"] = "请填写终止培养的原因"
    if code == "review" and last_review(base) is not None:
        notes.setdefault("date", f"上次考察：{format_date(last_review(base))}")


def _putter(
    errors: dict[str, str], warnings: dict[str, str]
) -> Callable[[str, str, str | None], None]:
    """Put a rule's message on a field as an error or a warning (the first one stays)."""

    def put(name: str, level: str, text: str | None) -> None:
        if text:
            (errors if level == "error" else warnings).setdefault(name, text)

    return put


def _training(base: Candidate, entry: StepEntry, profile: Profile, check: EntryCheck) -> None:
    """NAT-3: each training record gives its last day or its class hours; the note says how
    far the whole training has got (≥3 days or ≥24 hours before the branch meeting)."""
    if entry.until is not None and entry.date is not None and entry.until < entry.date:
        check.errors["until"] = "结束日期不能早于开始日期"
        return
    if entry.until is None and entry.hours <= 0:
        check.errors["hours"] = "请填写培训结束日期或学时"
        return
    after = with_entry(base, dataclasses.replace(entry, replacing=None))
    days, hours = training_days(after), training_hours(after)
    need = f"须满{profile.target_training_min_days}天或{profile.target_training_min_hours}学时"
    check.notes["hours"] = f"累计{days}天、{hours:g}学时（{need}）"


def _member_problem(
    candidate: Candidate, entry: StepEntry, data: BranchData, today: dt.date, profile: Profile
) -> str:
    """The roster record the save would write, checked like the member form checks it."""
    changes = roster_changes(candidate, entry, data, profile)
    for record in (*changes.inserts, *changes.updates):
        if isinstance(record, Member):
            found = validate(record, today)
            if found:
                return "名册记录：" + "；".join(found.values())
    return ""


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
    data: BranchData, candidate: Candidate, day: dt.date
) -> tuple[str | None, CandidateVote | None]:
    """A 支部党员大会 on ``day`` on file: its id and, from its attendance and a vote naming the
    person, the 票决 to prefill the form with (None when there is no such meeting)."""
    from branchtui.domain.attendance import voters_on

    for meeting in data.meetings:
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


def step_choices(candidate: Candidate) -> dict[CandidateStep, str]:
    """What the form's step list offers, in order: the 25 steps and the two outcomes."""
    from branchtui.domain.development_steps import DROPPED, EXTENSION, STEPS

    choices: dict[CandidateStep, str] = {s.code: s.title for s in STEPS}
    choices[EXTENSION.code] = EXTENSION.name
    if candidate.stage != "dropped":
        choices[DROPPED.code] = DROPPED.name
    return choices
