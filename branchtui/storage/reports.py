"""Render the reports, write them atomically into reports/, and keep the MonthlyReport records.

Files land in the data folder's ``reports/`` unless another file is given:
``2026-10-monthly.md`` (REP-1), ``2026-year.md`` (the year report with its assessment, REP-2/3/4),
``2026-debrief.md`` (书记述职), ``2026-summary.md`` (工作总结) and ``2026-ledger/NN-类别.md``
(the yearly ledger volumes). Writing a monthly report records when it was first generated; only
``record_sent`` (or ``sent=``) records that it went up to the upper committee, and only that
settles REP-1. Every template is rendered before anything is written, so a broken template
leaves no file and no record behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from branchtui.domain.dates import DateParseError, check_year
from branchtui.domain.ledger_volume import VOLUMES, ledger_volume
from branchtui.domain.obligations.rep import report_deadline
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData, MonthlyReport, YearAssessment
from branchtui.domain.records.ledgers import MONTHLY_TEXTS, YEAR_TEXTS, MonthlyText, YearText
from branchtui.domain.report_context import (
    monthly_report_context,
    parse_month_key,
    year_report_context,
)
from branchtui.storage.atomic import write_atomic
from branchtui.storage.calendar_file import load_calendar
from branchtui.storage.errors import StoreError
from branchtui.storage.modes import ensure_folder, file_mode
from branchtui.storage.report_paths import (
    REPORTS_DIR,
    YEAR_DOCUMENTS,
    ledger_folder,
    monthly_report_path,
    year_report_path,
)
from branchtui.storage.scoring_file import load_scoring_sheet
from branchtui.storage.store import Store
from branchtui.storage.templates import render_template

MONTHLY_TEMPLATE = "reports/monthly.md.j2"
LEDGER_TEMPLATE = "reports/ledger.md.j2"


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


def _profile_of(data: BranchData) -> Profile:
    return get_profile(data.branch.profile if data.branch else None)


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


def _begun_year(year: int, on: dt.date) -> None:
    _check_year(year)
    if dt.date(year, 1, 1) > on:
        raise ReportError(f"{year}年尚未开始，不能生成该年度的报告。")


def render_monthly(store: Store, month: str, on: dt.date, *, with_settings: bool = False) -> str:
    """The monthly report's Markdown for ``month`` (``YYYY-MM``) as of ``on``; writes nothing."""
    start = _month_start(month)
    if start > on:
        raise ReportError(f"{start.year}年{start.month}月尚未开始，不能生成该月的工作报告。")
    data = store.snapshot()
    context = monthly_report_context(
        data,
        month,
        _profile_of(data),
        on,
        load_calendar(store.data_dir),
        with_settings=with_settings,
    )
    return render_template(store.data_dir, MONTHLY_TEMPLATE, context)


def render_year(
    store: Store, year: int, on: dt.date, *, document: str = "year", with_settings: bool = False
) -> str:
    """A year document (``year``, ``debrief`` or ``summary``) for ``year`` as of ``on``."""
    context = year_context(store, year, on, with_settings=with_settings)
    return render_template(store.data_dir, YEAR_DOCUMENTS[document][0], context)


def year_context(
    store: Store, year: int, on: dt.date, *, with_settings: bool = False
) -> dict[str, Any]:
    """What the year documents say (scores, 五好 evidence, texts …), with the folder's
    calendar and scoring sheet: the year documents and the assessment screen read this."""
    _begun_year(year, on)
    data = store.snapshot()
    return year_report_context(
        data,
        year,
        _profile_of(data),
        on,
        load_calendar(store.data_dir),
        sheet=load_scoring_sheet(store.data_dir),
        with_settings=with_settings,
    )


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
        raise ReportError(f"无法写入报告文件 {path}（{exc.strerror or exc}）。") from None
    return path


def _stored_path(data_dir: Path, path: Path) -> str:
    """The path kept in the record: relative to the data folder when inside it."""
    try:
        return path.resolve().relative_to(Path(data_dir).resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def _monthly_record(found: Iterable[object], month: str) -> MonthlyReport | None:
    return next((r for r in found if isinstance(r, MonthlyReport) and r.month == month), None)


def record_monthly(
    store: Store, month: str, on: dt.date, path: str, sent: dt.date | None = None
) -> MonthlyReport:
    """Create or update the month's MonthlyReport in one commit.

    The first generated date is kept (a report made on time stays on time when it is made
    again later); ``sent`` is set when given and otherwise left as it was.
    """
    with store.transaction() as tx:
        existing = _monthly_record(tx.all(MonthlyReport.TABLE), month)
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


def sent_problem(month: str, sent: dt.date, on: dt.date) -> str | None:
    """Why ``sent`` cannot be the month's sent date (before the month, after today), or None."""
    start = _month_start(month)
    if sent < start:
        return f"报送日期 {sent.isoformat()} 早于{start.year}年{start.month}月，未登记。"
    if sent > on:
        return f"报送日期 {sent.isoformat()} 晚于今天（{on.isoformat()}），未登记。"
    return None


def _check_sent(month: str, sent: dt.date | None, on: dt.date) -> None:
    problem = sent_problem(month, sent, on) if sent is not None else None
    if problem is not None:
        raise ReportError(problem)


def record_sent(store: Store, month: str, sent: dt.date, on: dt.date) -> MonthlyReport:
    """Record that the month's report went up on ``sent`` (this is what settles REP-1)."""
    _check_sent(month, sent, on)
    with store.transaction() as tx:
        existing = _monthly_record(tx.all(MonthlyReport.TABLE), month)
        if existing is None:
            record = MonthlyReport(month=month, sent=sent)
            tx.insert(record)
            return record
        existing.sent = sent
        if existing.generated is not None and existing.generated > sent:
            existing.generated = sent  # made and sent by hand before it was made here
        tx.update(existing)
        return existing


K = TypeVar("K", bound=str)


def _kept(texts: dict[K, str]) -> dict[K, str]:
    """The sections that hold words (an empty one is removed)."""
    return {k: v for k, v in texts.items() if v}


def save_monthly_texts(store: Store, month: str, texts: dict[str, str]) -> MonthlyReport:
    """Keep the secretary's words for the month (存在的问题, 下月工作打算) in one commit."""
    _month_start(month)
    clean = {cast(MonthlyText, k): v.strip() for k, v in texts.items() if k in MONTHLY_TEXTS}
    with store.transaction() as tx:
        existing = _monthly_record(tx.all(MonthlyReport.TABLE), month)
        if existing is None:
            record = MonthlyReport(month=month, texts=_kept(clean))
            tx.insert(record)
            return record
        existing.texts = _kept({**existing.texts, **clean})
        tx.update(existing)
        return existing


def save_year_texts(store: Store, year: int, texts: dict[str, str]) -> YearAssessment:
    """Keep the secretary's words for the year's 述职 and 总结 on the YearAssessment record."""
    _check_year(year)
    clean = {cast(YearText, k): v.strip() for k, v in texts.items() if k in YEAR_TEXTS}
    with store.transaction() as tx:
        found = [
            r
            for r in tx.all(YearAssessment.TABLE)
            if isinstance(r, YearAssessment) and r.year == year
        ]
        if not found:
            assessment = YearAssessment(year=year, texts=_kept(clean))
            tx.insert(assessment)
            return assessment
        found[-1].texts = _kept({**found[-1].texts, **clean})
        tx.update(found[-1])
        return found[-1]


def make_monthly_report(
    store: Store,
    month: str,
    on: dt.date,
    *,
    out: Path | None = None,
    sent: dt.date | None = None,
    with_settings: bool = False,
) -> WrittenReport:
    """Render the month's report, write it (reports/ unless ``out``), record it; one commit."""
    _check_sent(month, sent, on)
    text = render_monthly(store, month, on, with_settings=with_settings)
    path = write_report(out if out is not None else _default(store, month), text)
    due = report_deadline(_month_start(month), _profile_of(store.snapshot()).report_due_day)
    if store.read_only:
        return WrittenReport(path, text, None, store.notice, due)
    record = record_monthly(store, month, on, _stored_path(store.data_dir, path), sent)
    return WrittenReport(path, text, record, None, due)


def make_year_report(
    store: Store,
    year: int,
    on: dt.date,
    *,
    out: Path | None = None,
    document: str = "year",
    with_settings: bool = False,
) -> WrittenReport:
    """Render a year document and write it (reports/ unless ``out``)."""
    text = render_year(store, year, on, document=document, with_settings=with_settings)
    if out is None:
        ensure_folder(store.data_dir / REPORTS_DIR)
        out = year_report_path(store.data_dir, year, document)
    return WrittenReport(write_report(out, text), text)


def make_ledger_volumes(
    store: Store,
    year: int,
    on: dt.date,
    *,
    categories: list[str] | None = None,
    folder: Path | None = None,
) -> list[WrittenReport]:
    """The yearly ledger volumes, one file per category: all rendered, then all written."""
    _begun_year(year, on)
    wanted = categories or list(VOLUMES)
    unknown = [c for c in wanted if c not in VOLUMES]
    if unknown:
        names = "、".join(f"{k}（{v}）" for k, v in VOLUMES.items())
        raise ReportError(f"没有台账类别“{'、'.join(unknown)}”，可选：{names}。")
    data = store.snapshot()
    rendered = [render_ledger_volume(store, data, year, category, on) for category in wanted]
    if folder is None:
        ensure_folder(store.data_dir / REPORTS_DIR)
        folder = ensure_folder(ledger_folder(store.data_dir, year))
    elif not Path(folder).is_dir():
        raise ReportError(f"目录 {folder} 不存在，台账未写入。")
    return [WrittenReport(write_report(Path(folder) / name, text), text) for name, text in rendered]


def render_ledger_volume(
    store: Store, data: BranchData, year: int, category: str, on: dt.date
) -> tuple[str, str]:
    """One ledger volume of ``year``: its file name (``NN-类别.md``) and its Markdown."""
    context = ledger_volume(data, year, category, on)
    text = render_template(store.data_dir, LEDGER_TEMPLATE, context)
    return f"{context['number']:02d}-{context['label']}.md", text


def _default(store: Store, month: str) -> Path:
    ensure_folder(store.data_dir / REPORTS_DIR)
    return monthly_report_path(store.data_dir, month)


__all__ = [
    "REPORTS_DIR",
    "YEAR_DOCUMENTS",
    "ReportError",
    "WrittenReport",
    "ledger_folder",
    "make_ledger_volumes",
    "make_monthly_report",
    "make_year_report",
    "monthly_report_path",
    "record_monthly",
    "record_sent",
    "render_ledger_volume",
    "render_monthly",
    "render_year",
    "save_monthly_texts",
    "save_year_texts",
    "sent_problem",
    "write_report",
    "year_context",
    "year_report_path",
]
