"""Render the monthly and year reports, write them atomically, and record the monthly one (REP-1).

Reports land in the data folder's ``reports/`` (``2026-10-monthly.md``, ``2026-year.md``) unless
another file is given. Writing a monthly report records a MonthlyReport (first generated date,
path, and the date sent when given) in one commit; the template is rendered before anything
is written, so a broken template leaves no file and no record behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from branchtui.domain.dates import DateParseError, check_year
from branchtui.domain.obligations.rep import report_deadline
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData, MonthlyReport
from branchtui.domain.report_context import (
    monthly_report_context,
    parse_month_key,
    year_report_context,
)
from branchtui.storage.atomic import write_atomic
from branchtui.storage.calendar_file import load_calendar
from branchtui.storage.errors import StoreError
from branchtui.storage.modes import ensure_folder, file_mode
from branchtui.storage.store import Store
from branchtui.storage.templates import render_template

REPORTS_DIR = "reports"
MONTHLY_TEMPLATE = "reports/monthly.md.j2"
YEAR_TEMPLATE = "reports/year.md.j2"


class ReportError(StoreError):
    """A report cannot be made as asked (a month not begun, a sent date that cannot be)."""


@dataclass(frozen=True)
class WrittenReport:
    """A report on disk: where, its text, and the MonthlyReport record (None if not recorded)."""

    path: Path
    text: str
    record: MonthlyReport | None = None
    notice: str | None = None
    due: dt.date | None = None


def monthly_report_path(data_dir: Path, month: str) -> Path:
    return Path(data_dir) / REPORTS_DIR / f"{month}-monthly.md"


def year_report_path(data_dir: Path, year: int) -> Path:
    return Path(data_dir) / REPORTS_DIR / f"{year:04d}-year.md"


def _profile_of(data: BranchData) -> Profile:
    return get_profile(data.branch.profile if data.branch else None)


def render_monthly(store: Store, month: str, on: dt.date) -> str:
    """The monthly report's Markdown for ``month`` (``YYYY-MM``) as of ``on``; writes nothing."""
    start = _month_start(month)
    if start > on:
        raise ReportError(f"{start.year}年{start.month}月尚未开始，不能生成该月的工作报告。")
    data = store.snapshot()
    context = monthly_report_context(
        data, month, _profile_of(data), on, load_calendar(store.data_dir)
    )
    return render_template(store.data_dir, MONTHLY_TEMPLATE, context)


def render_year(store: Store, year: int, on: dt.date) -> str:
    """The year report's Markdown for ``year`` as of ``on``; writes nothing."""
    _check_year(year)
    if dt.date(year, 1, 1) > on:
        raise ReportError(f"{year}年尚未开始，不能生成该年度的工作报告。")
    data = store.snapshot()
    context = year_report_context(data, year, _profile_of(data), on, load_calendar(store.data_dir))
    return render_template(store.data_dir, YEAR_TEMPLATE, context)


def _check_year(year: int) -> None:
    try:
        check_year(year)
    except DateParseError as exc:
        raise ReportError(f"不能生成该年度的工作报告：{exc.message}。") from None


def _month_start(month: str) -> dt.date:
    try:
        start = parse_month_key(month)
    except ValueError:
        raise ReportError(f"月份“{month}”无效，应为 YYYY-MM，例如 2026-10。") from None
    _check_year(start.year)
    return start


def write_report(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (temp file, fsync, rename), keeping folder modes."""
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"{path} 是一个目录，请给出报告文件名，例如 {path / 'report.md'}。")
    if not path.parent.is_dir():
        raise ReportError(f"目录 {path.parent} 不存在，报告未写入。")
    try:
        write_atomic(path, text.encode("utf-8"), file_mode(path.parent, path))
    except OSError as exc:
        raise ReportError(f"无法写入报告文件 {path}（{exc.strerror or exc}）。") from None
    return path


def _stored_path(data_dir: Path, path: Path) -> str:
    """The path kept in the record: relative to the data folder when inside it."""
    try:
        return path.resolve().relative_to(Path(data_dir).resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def record_monthly(
    store: Store, month: str, on: dt.date, path: str, sent: dt.date | None = None
) -> MonthlyReport:
    """Create or update the month's MonthlyReport in one commit.

    The first generated date is kept (a report made on time stays on time when it is made
    again later); ``sent`` is set when given and otherwise left as it was.
    """
    with store.transaction() as tx:
        found = [r for r in tx.all(MonthlyReport.TABLE) if isinstance(r, MonthlyReport)]
        existing = next((r for r in found if r.month == month), None)
        if existing is None:
            record = MonthlyReport(month=month, generated=on, sent=sent, path=path)
            tx.insert(record)
            return record
        existing.generated = min(d for d in (existing.generated, on) if d is not None)
        existing.path = path
        if sent is not None:
            existing.sent = sent
        tx.update(existing)
        return existing


def _check_sent(month: str, sent: dt.date | None, on: dt.date) -> None:
    if sent is None:
        return
    start = _month_start(month)
    if sent < start:
        raise ReportError(
            f"报送日期 {sent.isoformat()} 早于{start.year}年{start.month}月，未登记。"
        )
    if sent > on:
        raise ReportError(f"报送日期 {sent.isoformat()} 晚于今天（{on.isoformat()}），未登记。")


def make_monthly_report(
    store: Store,
    month: str,
    on: dt.date,
    *,
    out: Path | None = None,
    sent: dt.date | None = None,
) -> WrittenReport:
    """Render the month's report, write it (reports/ unless ``out``), record it; one commit."""
    _check_sent(month, sent, on)
    text = render_monthly(store, month, on)
    path = write_report(out if out is not None else _default(store, month), text)
    due = report_deadline(_month_start(month), _profile_of(store.snapshot()).report_due_day)
    if store.read_only:
        return WrittenReport(path, text, None, store.notice, due)
    record = record_monthly(store, month, on, _stored_path(store.data_dir, path), sent)
    return WrittenReport(path, text, record, None, due)


def make_year_report(
    store: Store, year: int, on: dt.date, *, out: Path | None = None
) -> WrittenReport:
    """Render the year's report and write it (reports/ unless ``out``)."""
    text = render_year(store, year, on)
    if out is None:
        ensure_folder(store.data_dir / REPORTS_DIR)
        out = year_report_path(store.data_dir, year)
    return WrittenReport(write_report(out, text), text)


def _default(store: Store, month: str) -> Path:
    ensure_folder(store.data_dir / REPORTS_DIR)
    return monthly_report_path(store.data_dir, month)
