"""Record checks of the office records: announcements, systems, plans, ledgers, funds, reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from branchtui.domain import records as r
from branchtui.domain.funds import fund_amount_problem
from branchtui.domain.records.ledgers import (
    ASSESSMENT_AREAS,
    FIVE_GOOD,
    MONTHLY_TEXTS,
    YEAR_TEXTS,
)
from branchtui.domain.validation_fields import (
    Checker,
    check_amount,
    check_choice,
    check_date,
    check_month,
    check_past_date,
    check_required,
    check_year,
)

# A section of a report the secretary writes: a few paragraphs, not a book.
TEXT_MAX = 5000


def _dated_title(title_label: str, date_label: str) -> Callable[[Checker], None]:
    def check(c: Checker) -> None:
        c.text("title", title_label)
        c.past("date", date_label, required=True)

    return check


def _system_doc(c: Checker) -> None:
    c.choice("kind")
    c.text("title")
    c.past("adopted")
    c.past("abolished")
    c.order("adopted", "abolished")


def _work_plan(c: Checker) -> None:
    c.add("year", check_year(c.get("year"), c.today))
    c.past("adopted")
    for i, item in c.items("items"):
        for name, message in _item_errors(item, c.today).items():
            c.add(f"items.{i}.{name}", message)


def _item_errors(item: object, today: dt.date) -> dict[str, str]:
    """What is wrong with one project of the work plan, by field name (SYS-2)."""
    c = Checker(item, today)
    _plan_item(c)
    return c.errors


def _plan_item(c: Checker) -> None:
    c.add("content", check_required(c.get("content"), "工作内容", 500))
    if c.get("form"):
        c.text("form")
    if c.get("progress"):
        c.text("progress")
    c.add("due", check_date(c.get("due"), "完成时限"))
    c.add("done", check_past_date(c.get("done"), c.today, "完成时间"))


def _ledger(c: Checker) -> None:
    _dated_title("台帐标题", "归档日期")(c)
    c.choice("category")


def _attachment(c: Checker) -> None:
    c.text("file_name")
    c.amount("size")
    c.past("added")


def _venue(c: Checker) -> None:
    c.text("name")


def _fund(c: Checker) -> None:
    c.past("date", required=True)
    c.choice("direction")
    c.amount("amount", required=True, positive=True)
    c.add("amount", fund_amount_problem(c.get("amount")))
    c.choice("source", optional=True)
    if c.get("direction") == "spending":
        c.choice("purpose")


def _inspection(c: Checker) -> None:
    c.past("date", required=True)


def _monthly_report(c: Checker) -> None:
    c.add("month", check_month(c.get("month"), "报告月份"))
    c.past("generated")
    c.past("sent")
    c.order("generated", "sent")
    _texts(c, MONTHLY_TEXTS)


def _texts(c: Checker, sections: dict[str, str]) -> None:
    """The secretary's texts: known sections, text of a sensible length."""
    texts = c.get("texts")
    if not isinstance(texts, dict):
        return
    for key, text in texts.items():
        if not isinstance(key, str) or key not in sections:
            c.add("texts", check_choice(key, "报告文字部分", sections))
        elif not isinstance(text, str) or len(text) > TEXT_MAX:
            c.add(f"texts.{key}", f"{sections[key]}应为不超过 {TEXT_MAX} 字的文字")


def _assessment(c: Checker) -> None:
    c.add("year", check_year(c.get("year"), c.today))
    c.past("date")
    scores = c.get("scores")
    if isinstance(scores, dict):
        for area, score in scores.items():
            if not isinstance(area, str) or area not in ASSESSMENT_AREAS:
                c.add("scores", check_choice(area, "考核项目", ASSESSMENT_AREAS))
            elif check_amount(score, "得分") or not 0 <= score <= 100:
                c.add(f"scores.{area}", "得分应在0到100之间")
    five_good = c.get("five_good")
    if isinstance(five_good, dict) and any(
        not isinstance(k, str) or k not in FIVE_GOOD for k in five_good
    ):
        c.add("five_good", check_choice(None, "“五好”标准", FIVE_GOOD))
    _texts(c, YEAR_TEXTS)


def _practice(c: Checker) -> None:
    _dated_title("经验做法标题", "日期")(c)
    c.past("reported")
    c.order("date", "reported")


LEDGER_CHECKS: dict[type, Callable[[Checker], None]] = {
    r.Announcement: _dated_title("公开事项", "公开日期"),
    r.SystemDoc: _system_doc,
    r.WorkPlan: _work_plan,
    r.PlanItem: _plan_item,
    r.LedgerEntry: _ledger,
    r.Attachment: _attachment,
    r.Venue: _venue,
    r.FundEntry: _fund,
    r.Inspection: _inspection,
    r.MonthlyReport: _monthly_report,
    r.YearAssessment: _assessment,
    r.PracticeNote: _practice,
}
