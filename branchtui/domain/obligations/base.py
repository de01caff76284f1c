"""What an obligation is, and the registry of the functions that judge each rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

from branchtui.domain.profile import Profile

if TYPE_CHECKING:
    from branchtui.domain.records import BranchData

# Order in which the dashboard lists them.
STATUSES = ("overdue", "due", "warning", "upcoming", "met", "not_applicable")
STATUS_LABELS = {
    "overdue": "已逾期",
    "due": "待办",
    "warning": "提醒",
    "upcoming": "即将到期",
    "met": "已完成",
    "not_applicable": "不适用",
}
PERIOD_KINDS = ("month", "quarter", "year", "deadline", "standing")
# The widest an obligation's short form may be: what the dashboard's row has for it at 80
# columns, and beside the progress view from 110 columns, with a scroll bar (terminal cells).
BRIEF_CELLS = 36


@dataclass(frozen=True)
class Obligation:
    """A duty of RULES.md at a date (待办 / 应办事项).

    ``refs`` are the ids of records that satisfy it (or that it is about);
    ``people`` the member ids it concerns; ``needs`` says, in Chinese, what data is
    missing when the rule cannot be judged; ``field`` is the code name of the record field a
    duty about missing data finds empty (in its first record or person), where the form that
    settles it starts; ``progress`` is (done, required); ``brief`` is the detail's short form
    when the detail is wider than ``BRIEF_CELLS``; ``before_start`` says the engine found it
    overdue since a deadline before the branch's records begin (engine.before_records), what a
    建档前无记录可补 mark may settle (records_gap.py).
    """

    rule: str
    title: str
    status: str
    period_kind: str = "standing"
    period: str = ""
    due: dt.date | None = None
    detail: str = ""
    refs: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    action: str = ""
    needs: str = ""
    field: str = ""
    progress: tuple[float, float] | None = None
    # How it is shown, not what it is: two obligations differing only here are equal.
    brief: str = dataclass_field(default="", compare=False)
    before_start: bool = dataclass_field(default=False, compare=False)

    @property
    def short(self) -> str:
        """The detail in at most ``BRIEF_CELLS`` cells, for a one-line list at 80 columns: the
        rule's own short form when the detail is longer, else the detail (or the title)."""
        return self.brief or self.detail or self.title

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": self.title,
            "status": self.status,
            "period_kind": self.period_kind,
            "period": self.period,
            "due": self.due.isoformat() if self.due else None,
            "detail": self.detail,
            "refs": list(self.refs),
            "people": list(self.people),
            "action": self.action,
            "needs": self.needs,
            "field": self.field,
            "progress": list(self.progress) if self.progress else None,
            "brief": self.short,
            "before_start": self.before_start,
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Obligation:
        """The obligation ``to_json`` wrote (KeyError, TypeError or ValueError otherwise)."""
        progress = doc["progress"]
        return cls(
            rule=str(doc["rule"]),
            title=str(doc["title"]),
            status=str(doc["status"]),
            period_kind=str(doc["period_kind"]),
            period=str(doc["period"]),
            due=dt.date.fromisoformat(doc["due"]) if doc["due"] else None,
            detail=str(doc["detail"]),
            refs=tuple(map(str, doc["refs"])),
            people=tuple(map(str, doc["people"])),
            action=str(doc["action"]),
            needs=str(doc["needs"]),
            field=str(doc["field"]),
            progress=(float(progress[0]), float(progress[1])) if progress else None,
            brief=str(doc["brief"]),
            before_start=bool(doc.get("before_start", False)),
        )


@dataclass
class Context:
    """What every rule function reads: the data, the date, the profile and the calendar."""

    data: BranchData
    on: dt.date
    profile: Profile
    calendar: Any  # domain.calendar.WorkCalendar
    cache: dict[str, Any] = dataclass_field(default_factory=dict)


RuleCheck = Callable[[Context], list[Obligation]]
RULE_CHECKS: dict[str, RuleCheck] = {}


def rule(rule_id: str) -> Callable[[RuleCheck], RuleCheck]:
    """Register the function that judges ``rule_id`` (one function per rule)."""

    def register(fn: RuleCheck) -> RuleCheck:
        if rule_id in RULE_CHECKS:
            raise ValueError(f"rule {rule_id} registered twice")
        RULE_CHECKS[rule_id] = fn
        return fn

    return register
