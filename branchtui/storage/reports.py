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
from dataclasses import dataclass
from pathlib import Path

from branchtui.domain.dates import format_date
from branchtui.domain.ledger_volume import VOLUMES, ledger_volume
from branchtui.domain.obligations.rep import report_deadline
from branchtui.domain.records import BranchData, MonthlyReport
from branchtui.storage.modes import ensure_folder
from branchtui.storage.report_paths import (
    REPORTS_DIR,
    YEAR_DOCUMENTS,
    ledger_folder,
    monthly_report_path,
    year_report_path,
)
from branchtui.storage.report_render import (
    ReportError,
    keep_sent_version,
    month_start,
    monthly_record,
    profile_of,
    render_monthly,
    render_year,
    reportable_month,
    reportable_year,
    write_report,
    year_context,
)
from branchtui.storage.report_texts import SavedTexts, save_monthly_texts, save_year_texts
from branchtui.storage.store import Store
from branchtui.storage.templates import render_template

LEDGER_TEMPLATE = "reports/ledger.md.j2"


@dataclass(frozen=True)
class WrittenReport:
    """A report on disk: where, its text, and the MonthlyReport record (None if not recorded)."""

    path: Path
    text: str
    record: MonthlyReport | None = None
    notice: str | None = None
    due: dt.date | None = None
    kept: Path | None = None  # the version registered as 报送, kept before writing again


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
        existing = monthly_record(tx.all(MonthlyReport.TABLE), month)
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


def sent_problem(
    month: str, sent: dt.date, on: dt.date, generated: dt.date | None = None
) -> str | None:
    """Why ``sent`` cannot be the month's sent date, or None: before the month, after today,
    or before the report was generated (``generated``, when it was made here; REP-1)."""
    start = month_start(month)
    if sent < start:
        return f"报送日期 {format_date(sent)} 早于{start.year}年{start.month}月，未登记。"
    if sent > on:
        return f"报送日期 {format_date(sent)} 晚于今天（{format_date(on)}），未登记。"
    if generated is not None and sent < generated:
        return f"报送日期 {format_date(sent)} 早于报告的生成日期 {format_date(generated)}，未登记。"
    return None


def _check_sent(month: str, sent: dt.date | None, on: dt.date, generated: dt.date | None) -> None:
    problem = sent_problem(month, sent, on, generated) if sent is not None else None
    if problem is not None:
        raise ReportError(problem)


def record_sent(store: Store, month: str, sent: dt.date, on: dt.date) -> MonthlyReport:
    """Record that the month's report went up on ``sent`` (this is what settles REP-1). A sent
    date before the report was generated here is refused; the generated date never changes."""
    reportable_month(store.snapshot(), month, None)
    with store.transaction() as tx:
        existing = monthly_record(tx.all(MonthlyReport.TABLE), month)
        _check_sent(month, sent, on, existing.generated if existing else None)
        if existing is None:
            record = MonthlyReport(month=month, sent=sent)
            tx.insert(record)
            return record
        existing.sent = sent
        tx.update(existing)
        return existing


def make_monthly_report(
    store: Store,
    month: str,
    on: dt.date,
    *,
    out: Path | None = None,
    sent: dt.date | None = None,
    with_settings: bool = False,
) -> WrittenReport:
    """Render the month's report, write it (reports/ unless ``out``), record it; one commit.
    A ``sent`` date before the report's generated date (the first one kept, else ``on``) is
    refused before anything is written."""
    existing = monthly_record(store.snapshot().monthly_reports, month)
    first = existing.generated if existing is not None and existing.generated else on
    _check_sent(month, sent, on, min(first, on))
    text = render_monthly(store, month, on, with_settings=with_settings)
    target = out if out is not None else _default(store, month)
    kept = keep_sent_version(target, existing.sent if existing else None, text)
    path = write_report(target, text)
    due = report_deadline(month_start(month), profile_of(store.snapshot()).report_due_day)
    if store.read_only:
        return WrittenReport(path, text, None, store.notice, due, kept)
    record = record_monthly(store, month, on, _stored_path(store.data_dir, path), sent)
    return WrittenReport(path, text, record, None, due, kept)


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
    reportable_year(store.snapshot(), year, on)
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
    "SavedTexts",
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
