"""The secretary's own words in the reports (存在的问题, 下月工作打算; 述职和总结的亮点、不足、
打算), kept on the MonthlyReport and YearAssessment records. A report file already written is
written again with the new words, so the file never says less than the record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from branchtui.domain.records import BranchData, MonthlyReport, YearAssessment
from branchtui.domain.records.ledgers import MONTHLY_TEXTS, YEAR_TEXTS, MonthlyText, YearText
from branchtui.storage.report_paths import year_report_path
from branchtui.storage.report_render import (
    check_report_year,
    keep_sent_version,
    monthly_record,
    monthly_text,
    reportable_month,
    write_report,
    year_text,
)
from branchtui.storage.store import Store

K = TypeVar("K", bound=str)


def _kept(texts: dict[K, str]) -> dict[K, str]:
    """The sections that hold words (an empty one is removed)."""
    return {k: v for k, v in texts.items() if v}


@dataclass(frozen=True)
class SavedTexts:
    """The secretary's words kept, and the report files written again with them."""

    record: MonthlyReport | YearAssessment
    rewritten: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()  # versions registered as 报送, kept before writing again


def _with_record(data: BranchData, table: str, record: Any) -> BranchData:
    """The data as it would be with ``record`` saved in ``table``; ``data`` is unchanged."""
    tables = dict(data.tables)
    tables[table] = [r for r in data.tables[table] if r.id != record.id] + [record]
    return BranchData(branch=data.branch, tables=tables)


def _record_file(store: Store, record: MonthlyReport) -> Path | None:
    """The file a generated monthly report was written to, when its folder is still there."""
    if record.generated is None or not record.path:
        return None
    path = Path(record.path)
    path = path if path.is_absolute() else Path(store.data_dir) / path
    return path if path.parent.is_dir() else None


def save_monthly_texts(
    store: Store, month: str, texts: dict[str, str], on: dt.date | None = None
) -> SavedTexts:
    """Keep the secretary's words for the month (存在的问题, 下月工作打算) in one commit.

    With ``on``, a report already generated is written again with the new words (rendered
    before the commit, so a broken template leaves the words and the file as they were): the
    file never says less than the record.
    """
    data = store.snapshot()
    reportable_month(data, month, None)
    clean = {cast(MonthlyText, k): v.strip() for k, v in texts.items() if k in MONTHLY_TEXTS}
    found = monthly_record(data.monthly_reports, month)
    trial = MonthlyReport.from_dict(found.to_dict()) if found else MonthlyReport(month=month)
    trial.texts = _kept({**trial.texts, **clean})
    target = _record_file(store, trial) if on is not None and not store.read_only else None
    text = (
        monthly_text(store, _with_record(data, MonthlyReport.TABLE, trial), month, on)
        if (target is not None and on is not None)
        else None
    )
    with store.transaction() as tx:
        existing = monthly_record(tx.all(MonthlyReport.TABLE), month)
        if existing is None:
            record = MonthlyReport(month=month, texts=_kept(clean))
            tx.insert(record)
        else:
            existing.texts = _kept({**existing.texts, **clean})
            tx.update(existing)
            record = existing
    if target is None or text is None:
        return SavedTexts(record)
    kept = keep_sent_version(target, record.sent, text)
    return SavedTexts(record, (write_report(target, text),), (kept,) if kept else ())


# The year documents that print the secretary's words (述职, 总结).
TEXT_DOCUMENTS = ("debrief", "summary")


def save_year_texts(
    store: Store, year: int, texts: dict[str, str], on: dt.date | None = None
) -> SavedTexts:
    """Keep the secretary's words for the year's 述职 and 总结 on the YearAssessment record.

    With ``on``, those documents already saved in reports/ are written again with the new
    words (rendered before the commit)."""
    check_report_year(year)
    clean = {cast(YearText, k): v.strip() for k, v in texts.items() if k in YEAR_TEXTS}
    data = store.snapshot()
    found = [a for a in data.assessments if a.year == year]
    trial = YearAssessment.from_dict(found[-1].to_dict()) if found else YearAssessment(year=year)
    trial.texts = _kept({**trial.texts, **clean})
    rendered: list[tuple[Path, str]] = []
    if on is not None and not store.read_only:
        saved = [
            (d, path)
            for d in TEXT_DOCUMENTS
            if (path := year_report_path(store.data_dir, year, d)).is_file()
        ]
        if saved:
            trial_data = _with_record(data, YearAssessment.TABLE, trial)
            rendered = [(path, year_text(store, trial_data, year, on, d)) for d, path in saved]
    with store.transaction() as tx:
        kept = [
            r
            for r in tx.all(YearAssessment.TABLE)
            if isinstance(r, YearAssessment) and r.year == year
        ]
        if not kept:
            assessment = YearAssessment(year=year, texts=_kept(clean))
            tx.insert(assessment)
        else:
            kept[-1].texts = _kept({**kept[-1].texts, **clean})
            tx.update(kept[-1])
            assessment = kept[-1]
    return SavedTexts(assessment, tuple(write_report(path, text) for path, text in rendered))
