"""What the year documents say: the year report with its assessment (REP-2, REP-3, REP-4), the
secretary's 述职 and the 工作总结 — one context, each template taking what it needs.

Figures run to the year's end, or to today for the running year (the documents say so). The
scores come from a scoring sheet (report_scoring.py); the secretary's own words (不足, 打算,
亮点) are kept on the year's YearAssessment record.
"""

from __future__ import annotations

import datetime as dt

from branchtui.domain import report_dues
from branchtui.domain import report_registers as registers
from branchtui.domain import report_sections as sections
from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.committee import holder
from branchtui.domain.dates import format_date_cn
from branchtui.domain.dues import arrears
from branchtui.domain.obligations import Obligation, obligations_on
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, YearAssessment
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, YEAR_TEXTS
from branchtui.domain.records.meetings import APPRAISAL_GRADES
from branchtui.domain.report_common import (
    Context,
    branch_of,
    by_text_key,
    profile_of,
    recorder_gaps,
    study_of,
    talks_owed,
)
from branchtui.domain.report_monthly import held_or_required
from branchtui.domain.report_scoring import (
    ScoringSheet,
    YearFacts,
    five_good_check,
    in_year,
    required_so_far,
    score_year,
)

# The kinds the year report counts against the profile, in the plan's order.
YEAR_KINDS = (*sections.THREE_MEETINGS_ONE_LECTURE, "theme_day", "life_meeting", "appraisal")


def _required(kind: str, profile: Profile, groups: int) -> str:
    """What the profile asks of a kind of meeting in a year, in words."""
    if kind == "general_meeting":
        return f"每季度{profile.general_meetings_per_quarter}次，全年{4 * profile.general_meetings_per_quarter}次"
    if kind == "committee_meeting":
        return f"每月{profile.committee_meetings_per_month}次，全年{12 * profile.committee_meetings_per_month}次"
    if kind == "group_meeting":
        if not groups:
            return "未设党小组，以全体党员学习代替"
        return f"每组每月{profile.group_meetings_per_month}次，全年{12 * groups * profile.group_meetings_per_month}次"
    if kind == "all_member_study":
        return "不设党小组的每月1次" if not groups else "（设党小组，不作要求）"
    if kind == "party_lecture":
        return f"{profile.lectures_per_year_min}至{profile.lectures_per_year_full}次"
    if kind == "theme_day":
        return "每月1次，全年12次"
    if kind == "life_meeting":
        return f"至少{profile.life_meetings_per_year}次"
    return "每年1次（年底或次年初）"


def _per_period(profile: Profile, groups: int) -> dict[str, float]:
    """Meetings required per month (monthly kinds), per quarter or per year, for the scoring."""
    return {
        "committee_meeting": profile.committee_meetings_per_month,
        "group_meeting": profile.group_meetings_per_month * max(groups, 0),
        "theme_day": 1,
        "general_meeting": profile.general_meetings_per_quarter,
        "party_lecture": profile.lectures_per_year_min,
        "life_meeting": profile.life_meetings_per_year,
    }


def _appraisal_row(data: BranchData, year: int, entry: Context, found: list[Obligation]) -> None:
    """The 民主评议党员 row of the year table told by the year's Appraisal record, as LIFE-7
    judges it (the one truth for the table and the sentence under it): an appraisal of the
    year held early next year counts for this year, one held this January for the last.
    Adds what LIFE-7 still asks (``pending``) and the meetings of the year that appraised
    another year (``other_years``)."""
    record = next((a for a in reversed(data.appraisals) if a.year == year), None)
    meeting = data.find("meetings", record.meeting_id) if record else None
    rows = sections.meeting_rows(data, meeting.date, meeting.date) if meeting else []
    rates = [r["rate"] for r in rows if "appraisal" in r["kinds"] and r["rate"] is not None]
    held_for = {a.meeting_id: a.year for a in data.appraisals if a.meeting_id}
    duty = next(
        (
            ob
            for ob in found
            if ob.rule == "LIFE-7" and ob.period == str(year) and ob.status != "met"
        ),
        None,
    )
    entry.update(
        count=1 if record is not None else 0,
        average_rate=rates[0] if rates else None,
        pending=duty.detail if duty is not None else "",
        other_years=[
            {"date": m["date"], "year": held_for[m["id"]]}
            for m in entry["meetings"]
            if held_for.get(m["id"], year) != year
        ],
        meetings=[],
    )


def _appraisal(data: BranchData, year: int) -> Context | None:
    """The year's 民主评议党员 results by grade (LIFE-7, NAT-7)."""
    found = [a for a in data.appraisals if a.year == year]
    if not found:
        return None
    results = found[-1].results
    grades = [
        {"grade": label, "count": sum(1 for r in results if r.grade == key)}
        for key, label in APPRAISAL_GRADES.items()
    ]
    return {
        "members": len(results),
        "grades": grades,
        "ungraded": sum(1 for r in results if not r.grade),
    }


def _recorded(found: YearAssessment | None) -> Context | None:
    """The self-assessment the branch recorded itself (scores it entered), if any."""
    if found is None or not found.scores:
        return None
    entered = by_text_key(found.scores)
    scores = [{"area": label, "score": entered.get(key)} for key, label in ASSESSMENT_AREAS.items()]
    given = [v for k in ASSESSMENT_AREAS if (v := entered.get(k)) is not None]
    return {
        "date": found.date,
        "scores": scores,
        # Each area is scored on the sheet's points (REP-2 says the eight's total).
        "total": sum(given) if given else None,
        "average": sum(given) / len(given) if given else None,
    }


def _facts(
    data: BranchData, year: int, judged: dt.date, rows: list[Context], profile: Profile, groups: int
) -> YearFacts:
    held = {k["kind"]: k["count"] for k in sections.meetings_by_kind(rows, YEAR_KINDS)}
    per = _per_period(profile, groups)
    rates = [r["rate"] for r in rows if r["rate"] is not None]
    behind = arrears(data, min(judged + dt.timedelta(days=1), dt.date(year + 1, 1, 1)))
    return YearFacts(
        year=year,
        year_over=judged >= dt.date(year, 12, 31),
        held=held,
        required={kind: required_so_far(kind, year, judged, per) for kind in per},
        attendance=sum(rates) / len(rates) if rates else None,
        missing_recorder=sum(1 for r in rows if not r["recorder"]),
        arrears=len(behind),
    )


def year_report_context(
    data: BranchData,
    year: int,
    profile: Profile,
    on: dt.date,
    calendar: WorkCalendar | None = None,
    *,
    sheet: ScoringSheet | None = None,
    with_settings: bool = False,
) -> Context:
    """Everything the year documents say about calendar ``year``, made on ``on``.

    Without ``sheet`` there is no computed score (the recorded self-assessment still shows).
    """
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    judged = min(end, on)
    branch = branch_of(data)
    rows = sections.meeting_rows(data, start, judged)
    summary = sections.roster_summary(data, judged)
    kinds = held_or_required(sections.meetings_by_kind(rows, YEAR_KINDS), summary["groups"])
    found = obligations_on(data, judged, profile, calendar)
    for entry in kinds:
        entry["required"] = _required(entry["kind"], profile, summary["groups"])
        if entry["kind"] == "appraisal":
            _appraisal_row(data, year, entry, found)
        entry["meetings"] = [] if entry["kind"] != "theme_day" else entry["meetings"]
    appraisal_entry = next(k for k in kinds if k["kind"] == "appraisal")
    plans = [p for p in data.work_plans if p.year == year]
    items = plans[-1].items if plans else []
    assessments = [a for a in data.assessments if a.year == year]
    assessment = assessments[-1] if assessments else None
    facts = _facts(data, year, judged, rows, profile, summary["groups"])
    secretary = holder(data, "secretary", judged)
    care = registers.care(data, start, judged)
    care["owed"] = talks_owed(found, sections.member_names(data))
    development = sections.development(data, start, judged)
    development["probationary"] = summary["probationary"]
    own = by_text_key(assessment.texts if assessment else None)
    texts = {key: own.get(key, "") for key in YEAR_TEXTS}
    return {
        "kind": "year",
        "title": f"关于{branch['name']}{year}年度开展党支部基本建设工作情况的报告",
        "branch": branch,
        "secretary": sections.member_names(data)[secretary.id] if secretary else "",
        "period": {
            "key": str(year),
            "year": year,
            "label": f"{year}年",
            "start": start,
            "end": end,
            "complete": on >= end,
            "until_cn": format_date_cn(judged),
        },
        "generated": on,
        "generated_cn": format_date_cn(on),
        "judged_on": judged,
        "roster": summary,
        "changes": sections.roster_changes(data, start, judged),
        "meetings_by_kind": kinds,
        "theme_days": next(k for k in kinds if k["kind"] == "theme_day")["meetings"],
        "meeting_count": len(rows),
        "inquorate": [r for r in rows if not r["can_decide"]],
        "recorder_gaps": recorder_gaps(rows),
        "attendance": facts.attendance,
        "appraisal": _appraisal(data, year),
        "appraisal_pending": appraisal_entry["pending"],
        "appraisal_other_years": appraisal_entry["other_years"],
        "study": study_of(data, start, judged, profile),
        "activities": sections.activity_rows(data, start, judged),
        "dues": {**report_dues.dues_of_window(data, start, judged), "arrears": facts.arrears},
        "development": development,
        "relations": registers.relations(data, start, judged),
        "care": care,
        "support": registers.support(data, start, judged),
        "plan": {
            "adopted": plans[-1].adopted if plans else None,
            "total": len(items),
            "done": sum(1 for i in items if i.done is not None),
            "open": [i.content for i in items if i.done is None],
        },
        "score": score_year(sheet, found, year, facts) if sheet else None,
        "five_good": (
            five_good_check(
                sheet,
                found,
                year,
                facts.year_over,
                by_text_key(assessment.five_good if assessment else None),
            )
            if sheet
            else []
        ),
        "assessment": _recorded(assessment),
        "practice_notes": [
            {"date": n.date, "title": n.title, "content": n.content, "reported": n.reported}
            for n in sorted(data.practice_notes, key=lambda n: n.date)
            if start <= n.date <= judged
        ],
        "obligations": sections.open_obligations([ob for ob in found if in_year(ob, year)]),
        "texts": texts,
        "text_headings": YEAR_TEXTS,
        "profile": profile_of(profile, with_settings),
    }
