"""The checks the step form shows as a record of a development file is typed (NAT-3, NAT-1,
DEV-3, 党章 §1): per field, what breaks a rule (an error: not saved), what is late (a warning:
saved, and shown) and what the rule computed (a note: the 票决's result, the training so far).
Each rule is a function of domain/development_rules.py; this module puts them on their fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from branchtui.domain.dates import format_date
from branchtui.domain.development import last_review, training_days, training_hours
from branchtui.domain.development_entry import (
    EntryCheck,
    StepEntry,
    roster_changes,
    with_entry,
    without_record,
)
from branchtui.domain.development_order import (
    publicity_out_of_order,
    review_before_training_ends,
    step_out_of_order,
    training_after_review,
    vote_meeting_missing,
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
    training_short,
    vote_unready,
    vote_verdict,
)
from branchtui.domain.development_steps import COMPANION_OF, PEOPLE, Step, record_label, step_of
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Candidate, Member
from branchtui.domain.validation import validate
from branchtui.domain.validation_fields import check_people


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
    if entry.code != "dropped":
        _putter(errors, check.warnings)("date", "error", step_out_of_order(base, entry.code, day))
    _companion(base, step, entry, today, errors)
    _step_rules(base, entry, data, profile, check)
    if PEOPLE in step.needs:
        _putter(errors, check.warnings)(
            "people", "error", check_people(entry.people, step.people_label)
        )
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
    elif step.companion == "publicity" and publicity_out_of_order(base, when, entry.date):
        errors["companion"] = publicity_out_of_order(base, when, entry.date) or ""
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
        put("date", "error", applicant_too_young(base.birth_date, day))
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
        last_day = entry.until or day
        put("until" if entry.until else "date", "error", training_after_review(base, last_day))
    elif code == "committee_review":
        put("date", "error", review_before_training_ends(base, day))
        put("date", "warning", training_short(base, profile))
    elif code in ("branch_vote", "conversion_vote"):
        if code == "branch_vote":
            unready = vote_unready(base, day, profile)
            put("date", "error", "；".join(unready) or None)
        else:
            put("date", *conversion_timing(base, day, profile))
        put("date", "warning", vote_meeting_missing(data.meetings, day, entry.meeting_id))
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
