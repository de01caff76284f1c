"""The year's assessment (REP-2) and 五好 self-check (REP-3), scored by a scoring sheet.

Scoring sheets differ between upper committees, so the areas, points, rules and deductions come
from a sheet (templates/reports/scoring.toml, read by storage) that ``scoring_sheet`` checks and
turns into dataclasses. ``score_year`` applies it to the year's duties and records:

    area score = points × share met − deductions (never below 0)
    share met  = (met + 0.5 × warnings) ÷ (met + warnings + overdue + still due)

A duty of the year still open (due, not done) counts as not done: the score of a running year
is what the year would get if it ended that day, and rises as the open duties are done; they
are listed beside the score. A 五好 criterion is reached only when none of its duties is open.

Every figure carries the words that explain it, so the report can say how it was computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from branchtui.domain.obligations.base import Obligation
from branchtui.domain.shown_error import ShownError

# Deduction kinds a sheet may use, and the meetings ``missing_meeting`` may name.
DEDUCTION_KINDS = ("overdue", "missing_meeting", "attendance", "missing_recorder", "arrears")
COUNTED_MEETINGS = (
    "general_meeting",
    "committee_meeting",
    "group_meeting",
    "party_lecture",
    "theme_day",
    "life_meeting",
)


class ScoringError(ShownError):
    """A scoring sheet that cannot be used; ``message`` names the entry, in Chinese."""


@dataclass(frozen=True)
class Deduction:
    kind: str
    label: str
    points: float
    cap: float
    meeting: str = ""
    below: float = 0.0
    step: float = 10.0


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    points: float
    rules: tuple[str, ...]
    deductions: tuple[Deduction, ...]


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    rules: tuple[str, ...]
    meets: float


@dataclass(frozen=True)
class ScoringSheet:
    title: str
    areas: tuple[Area, ...]
    stars: tuple[tuple[str, float], ...]  # (name, minimum percent), highest first
    five_good: tuple[Criterion, ...]

    @property
    def total_points(self) -> float:
        return sum(a.points for a in self.areas)


def _number(raw: dict[str, Any], key: str, where: str, default: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ScoringError(f"{where}的 {key} 应为不小于0的数字")
    return float(value)


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ScoringError(f"{where}缺少 {key}（文字）")
    return value.strip()


def _rules(raw: dict[str, Any], where: str, known: set[str]) -> tuple[str, ...]:
    rules = raw.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise ScoringError(f"{where}的 rules 应为规则编号的列表")
    unknown = [r for r in rules if r not in known]
    if unknown:
        raise ScoringError(f"{where}的 rules 中有未知的规则编号：{'、'.join(unknown)}")
    return tuple(rules)


def _deduction(raw: Any, where: str) -> Deduction:
    if not isinstance(raw, dict):
        raise ScoringError(f"{where}应为一条扣分规定")
    kind = raw.get("kind")
    if kind not in DEDUCTION_KINDS:
        raise ScoringError(f"{where}的 kind 应为 {'、'.join(DEDUCTION_KINDS)} 之一")
    meeting = raw.get("meeting", "")
    if kind == "missing_meeting" and meeting not in COUNTED_MEETINGS:
        raise ScoringError(f"{where}的 meeting 应为 {'、'.join(COUNTED_MEETINGS)} 之一")
    return Deduction(
        kind=kind,
        label=_text(raw, "label", where),
        points=_number(raw, "points", where),
        cap=_number(raw, "max", where),
        meeting=meeting,
        below=_number(raw, "below", where, 0.9) if kind == "attendance" else 0.0,
        step=_number(raw, "step", where, 10) or 10.0,
    )


def scoring_sheet(raw: dict[str, Any], known_rules: Iterable[str]) -> ScoringSheet:
    """The sheet from its parsed TOML; ScoringError (Chinese, naming the entry) otherwise."""
    known = set(known_rules)
    areas_raw = raw.get("areas")
    if not isinstance(areas_raw, list) or not areas_raw:
        raise ScoringError("评分表缺少 [[areas]]（考核项目）")
    areas = []
    for i, entry in enumerate(areas_raw, 1):
        where = f"第{i}个考核项目"
        if not isinstance(entry, dict):
            raise ScoringError(f"{where}格式有误")
        deductions = entry.get("deductions", [])
        if not isinstance(deductions, list):
            raise ScoringError(f"{where}的 deductions 应为列表")
        areas.append(
            Area(
                key=_text(entry, "key", where),
                name=_text(entry, "name", where),
                points=_number(entry, "points", where),
                rules=_rules(entry, where, known),
                deductions=tuple(
                    _deduction(d, f"{where}的第{j}条扣分") for j, d in enumerate(deductions, 1)
                ),
            )
        )
    if not sum(a.points for a in areas):
        raise ScoringError("评分表各考核项目的分值合计为0")
    stars = []
    for i, entry in enumerate(raw.get("stars", []), 1):
        if not isinstance(entry, dict):
            raise ScoringError(f"第{i}个星级格式有误")
        stars.append((_text(entry, "name", f"第{i}个星级"), _number(entry, "min", f"第{i}个星级")))
    five_good = []
    for i, entry in enumerate(raw.get("five_good", []), 1):
        where = f"第{i}条“五好”标准"
        if not isinstance(entry, dict):
            raise ScoringError(f"{where}格式有误")
        meets = _number(entry, "meets", where, 0.9)
        if meets > 1:
            raise ScoringError(f"{where}的 meets 应在0到1之间（如 0.9）")
        five_good.append(
            Criterion(
                key=_text(entry, "key", where),
                name=_text(entry, "name", where),
                rules=_rules(entry, where, known),
                meets=meets,
            )
        )
    title = raw.get("title")
    return ScoringSheet(
        title=title if isinstance(title, str) and title.strip() else "年度考核评分表",
        areas=tuple(areas),
        stars=tuple(sorted(stars, key=lambda s: -s[1])),
        five_good=tuple(five_good),
    )


@dataclass(frozen=True)
class YearFacts:
    """What the deductions need from the year's records (report_year.py gathers them)."""

    year: int
    year_over: bool
    held: dict[str, int]  # meetings held by kind
    required: dict[str, int]  # meetings required by kind so far (complete periods only)
    attendance: float | None  # average attendance rate of the year's meetings
    missing_recorder: int
    arrears: int  # members behind with dues at the end


def in_year(ob: Obligation, year: int) -> bool:
    """Whether a duty belongs to ``year``: its period is in it, or its deadline is not after it,
    or it is still open (due, overdue) when the year is judged whatever its deadline — a seat
    vacant since October, to be filled by January, is a duty of the year not done yet."""
    if ob.period_kind in ("month", "quarter", "year"):
        return ob.period.startswith(f"{year:04d}")
    return ob.due is None or ob.due.year <= year or ob.status in ("due", "overdue")


def share_met(found: list[Obligation], rules: Iterable[str], year: int, over: bool) -> Any:
    """Met, warning and not-done duties of ``rules`` in ``year``, and the share met (None: none).

    Not done (``failed``) are the overdue ones and those still due: while the year runs
    (``over`` False) the latter are also counted as ``open``, named in ``open_rules``."""
    wanted = set(rules)
    counted = {"met": 0, "warning": 0, "failed": 0, "open": 0}
    open_rules: set[str] = set()
    for ob in found:
        if ob.rule not in wanted or not in_year(ob, year):
            continue
        if ob.status in ("met", "warning"):
            counted[ob.status] += 1
        elif ob.status in ("overdue", "due"):
            counted["failed"] += 1
            if ob.status == "due" and not over:
                counted["open"] += 1
                open_rules.add(ob.rule)
    judged = counted["met"] + counted["warning"] + counted["failed"]
    share = (counted["met"] + 0.5 * counted["warning"]) / judged if judged else None
    return {**counted, "open_rules": sorted(open_rules), "judged": judged, "share": share}


def _deducted(
    d: Deduction, found: list[Obligation], area: Area, facts: YearFacts
) -> tuple[float, str]:
    """Points off for one deduction, and the reason in words."""
    if d.kind == "overdue":
        count = sum(
            1
            for ob in found
            if ob.rule in area.rules and ob.status == "overdue" and in_year(ob, facts.year)
        )
        return d.points * count, f"已逾期 {count} 项，每项扣 {d.points:g} 分"
    if d.kind == "missing_meeting":
        missing = max(0, facts.required.get(d.meeting, 0) - facts.held.get(d.meeting, 0))
        return d.points * missing, f"少 {missing} 次，每次扣 {d.points:g} 分"
    if d.kind == "attendance":
        if facts.attendance is None:
            return 0.0, "无出席记录"
        short = max(0.0, (d.below - facts.attendance) * 100)
        points = round(d.points * short / d.step, 1)
        rate = f"{facts.attendance * 100:.1f}%"
        return points, f"平均出席率 {rate}，每低 {d.step:g} 个百分点扣 {d.points:g} 分"
    if d.kind == "missing_recorder":
        count = facts.missing_recorder
        return d.points * count, f"{count} 次会议未指定记录人，每次扣 {d.points:g} 分"
    count = facts.arrears
    return d.points * count, f"年末欠交党费 {count} 人，每人扣 {d.points:g} 分"


def score_year(
    sheet: ScoringSheet, found: list[Obligation], year: int, facts: YearFacts
) -> dict[str, Any]:
    """Each area's score with how it was reached, the total, the percentage and the star band."""
    areas = []
    for area in sheet.areas:
        counted = share_met(found, area.rules, year, facts.year_over)
        share = counted["share"] if counted["share"] is not None else 1.0
        base = area.points * share
        off: list[dict[str, Any]] = []
        for d in area.deductions:
            points, why = _deducted(d, found, area, facts)
            points = min(points, d.cap)
            if points:
                off.append({"label": d.label, "points": round(points, 1), "why": why})
        score = max(0.0, round(base - sum(o["points"] for o in off), 1))
        areas.append(
            {
                "key": area.key,
                "name": area.name,
                "points": area.points,
                "counted": counted,
                "share": counted["share"],
                "base": round(base, 1),
                "deductions": off,
                "score": score,
            }
        )
    total = round(sum(a["score"] for a in areas), 1)
    percent = round(total / sheet.total_points * 100, 1)
    star = next((name for name, least in sheet.stars if percent >= least), "")
    return {
        "title": sheet.title,
        "areas": areas,
        "total": total,
        "total_points": sheet.total_points,
        "percent": percent,
        "star": star,
        "stars": [{"name": name, "min": least} for name, least in sheet.stars],
    }


def five_good_check(
    sheet: ScoringSheet, found: list[Obligation], year: int, over: bool, recorded: dict[str, str]
) -> list[dict[str, Any]]:
    """Each 五好 criterion: the evidence (its rules' duties met), whether it is reached, and what
    the branch wrote in its own self-check (YearAssessment.five_good) when it did."""
    rows = []
    for criterion in sheet.five_good:
        counted = share_met(found, criterion.rules, year, over)
        share = counted["share"]
        failing = sorted(
            {
                ob.rule
                for ob in found
                if ob.rule in criterion.rules and ob.status == "overdue" and in_year(ob, year)
            }
        )
        # Never 达到 while a duty of the criterion is still to be done (REP-3).
        enough = share is not None and share >= criterion.meets
        reached = enough and not counted["open"]
        if reached:
            verdict = "达到"
        elif enough:
            verdict = "尚有待办，暂未达到"
        else:
            verdict = "未达到"
        rows.append(
            {
                "key": criterion.key,
                "name": criterion.name,
                "rules": list(criterion.rules),
                "counted": counted,
                "share": share,
                "meets": criterion.meets,
                "reached": reached,
                "verdict": verdict,
                "failing": failing,
                "open_rules": counted["open_rules"],
                "own": recorded.get(criterion.key, ""),
            }
        )
    return rows


def required_so_far(kind: str, year: int, on: dt.date, per: dict[str, float]) -> int:
    """How many meetings of ``kind`` the profile required in ``year`` up to ``on``, counting only
    periods that are over (a month, a quarter; a yearly duty at the year's end)."""
    end = dt.date(year, 12, 31)
    if on >= end:
        months = 12
    elif on.year < year:
        months = 0
    else:
        months = on.month - 1
    if kind in ("committee_meeting", "group_meeting", "theme_day"):
        return int(per.get(kind, 0) * months)
    if kind == "general_meeting":
        return int(per.get(kind, 0) * (months // 3))
    return int(per.get(kind, 0)) if months == 12 else 0
