"""Rendering the reports without writing anything, and the one way a report file is written.

Which periods can be reported (begun, and not before the branch began: ``period_problem``), the
monthly report (REP-1) and the year documents (REP-2/3/4) rendered from a snapshot, or from the
data as it would be after a save (the secretary's words, report_texts.py), and ``write_report``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from branchtui.domain.dates import DateParseError, check_year, month_bounds
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData, MonthlyReport
from branchtui.domain.report_common import period_problem
from branchtui.domain.report_context import (
    monthly_report_context,
    parse_month_key,
    year_report_context,
)
from branchtui.storage.atomic import write_atomic
from branchtui.storage.calendar_file import load_calendar
from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.modes import file_mode
from branchtui.storage.report_paths import YEAR_DOCUMENTS
from branchtui.storage.scoring_file import load_scoring_sheet
from branchtui.storage.store import Store
from branchtui.storage.templates import render_template

MONTHLY_TEMPLATE = "reports/monthly.md.j2"


class ReportError(StoreError):
    """A report cannot be made as asked (a month not begun, a sent date that cannot be)."""


def profile_of(data: BranchData) -> Profile:
    """The branch's rule profile."""
    return get_profile(data.branch.profile if data.branch else None)


def check_report_year(year: int) -> None:
    """A year the calendar supports (ReportError otherwise)."""
    try:
        check_year(year)
    except DateParseError as exc:
        raise ReportError(f"不能生成该年度的工作报告：{exc.message}。") from None


def month_start(month: str) -> dt.date:
    """The first day of ``YYYY-MM`` (ReportError for a bad month or year)."""
    try:
        start = parse_month_key(month)
    except ValueError:
        raise ReportError(f"月份“{month}”无效，应为 YYYY-MM，例如 2026-10。") from None
    check_report_year(start.year)
    return start


def reportable_year(data: BranchData, year: int, on: dt.date) -> None:
    """A year begun, and not wholly before the branch began (ReportError otherwise)."""
    check_report_year(year)
    problem = period_problem(data, f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31), on)
    if problem:
        raise ReportError(f"{problem}，不能生成该年度的报告。")


def reportable_month(data: BranchData, month: str, on: dt.date | None) -> dt.date:
    """The first day of ``month``, which has begun by ``on`` (not checked when None) and did
    not end before the branch began (ReportError otherwise)."""
    start = month_start(month)
    end = month_bounds(start.year, start.month)[1]
    label = f"{start.year}年{start.month}月"
    problem = period_problem(data, label, start, end, on or dt.date.max)
    if problem:
        raise ReportError(f"{problem}，不能生成该月的工作报告。")
    return start


def render_monthly(store: Store, month: str, on: dt.date, *, with_settings: bool = False) -> str:
    """The monthly report's Markdown for ``month`` (``YYYY-MM``) as of ``on``; writes nothing."""
    return monthly_text(store, store.snapshot(), month, on, with_settings=with_settings)


def monthly_text(
    store: Store, data: BranchData, month: str, on: dt.date, *, with_settings: bool = False
) -> str:
    reportable_month(data, month, on)
    context = monthly_report_context(
        data,
        month,
        profile_of(data),
        on,
        load_calendar(store.data_dir),
        with_settings=with_settings,
    )
    return render_template(store.data_dir, MONTHLY_TEMPLATE, context)


def render_year(
    store: Store, year: int, on: dt.date, *, document: str = "year", with_settings: bool = False
) -> str:
    """A year document (``year``, ``debrief`` or ``summary``) for ``year`` as of ``on``."""
    return year_text(store, store.snapshot(), year, on, document, with_settings=with_settings)


def year_text(
    store: Store,
    data: BranchData,
    year: int,
    on: dt.date,
    document: str,
    *,
    with_settings: bool = False,
) -> str:
    context = _year_context(store, data, year, on, with_settings=with_settings)
    return render_template(store.data_dir, YEAR_DOCUMENTS[document][0], context)


def year_context(
    store: Store, year: int, on: dt.date, *, with_settings: bool = False
) -> dict[str, Any]:
    """What the year documents say (scores, 五好 evidence, texts …), with the folder's
    calendar and scoring sheet: the year documents and the assessment screen read this."""
    return _year_context(store, store.snapshot(), year, on, with_settings=with_settings)


def _year_context(
    store: Store, data: BranchData, year: int, on: dt.date, *, with_settings: bool = False
) -> dict[str, Any]:
    reportable_year(data, year, on)
    return year_report_context(
        data,
        year,
        profile_of(data),
        on,
        load_calendar(store.data_dir),
        sheet=load_scoring_sheet(store.data_dir),
        with_settings=with_settings,
    )


def keep_sent_version(path: Path, sent: dt.date | None, text: str) -> Path | None:
    """REP-1: before a monthly report registered as 报送 is written again with other words,
    the version that went up is kept beside it as ``2026-10-monthly-2026-11-10报送版.md``
    (once per sent date: a later rewrite leaves that copy alone). The copy, or None."""
    if sent is None or not path.is_file():
        return None
    copy = path.with_name(f"{path.stem}-{sent.isoformat()}报送版{path.suffix}")
    if copy.exists():
        return None
    try:
        old = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if old == text:
        return None
    return write_report(copy, old)


def write_report(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (temp file, fsync, rename), keeping folder modes."""
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"{path} 是一个目录，请给出报告文件名，例如 {path / 'report.md'}。")
    if not path.parent.is_dir():
        raise ReportError(f"目录 {path.parent} 不存在，报告未写入。")
    try:
        write_atomic(path, text.encode("utf-8"), file_mode(path.parent, path))
    except StoreError:
        raise
    except OSError as exc:
        raise ReportError(f"无法写入报告文件 {path}（{os_reason(exc)}）。") from None
    return path


def monthly_record(found: Iterable[object], month: str) -> MonthlyReport | None:
    """The month's MonthlyReport among ``found``, if any."""
    return next((r for r in found if isinstance(r, MonthlyReport) and r.month == month), None)
