"""The year's self-assessment record (YearAssessment): the eight scores (REP-2) and the 五好
self-check (REP-3), each written in one commit and checked like any record before it is."""

from __future__ import annotations

import datetime as dt
from typing import cast

from branchtui.domain.dates import DateParseError, check_year
from branchtui.domain.records import YearAssessment
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, FIVE_GOOD, AssessmentArea, FiveGood
from branchtui.domain.validation import validate
from branchtui.storage.errors import StoreError
from branchtui.storage.store import Store, Transaction


class AssessmentError(StoreError):
    """A self-assessment that cannot be recorded as given (a score out of range …)."""


def _of_year(tx: Transaction, year: int) -> YearAssessment | None:
    found = [
        r for r in tx.all(YearAssessment.TABLE) if isinstance(r, YearAssessment) and r.year == year
    ]
    return found[-1] if found else None


def _save(tx: Transaction, record: YearAssessment, new: bool, on: dt.date) -> YearAssessment:
    errors = validate(record, on)
    if errors:
        raise AssessmentError("；".join(dict.fromkeys(errors.values())))
    if new:
        tx.insert(record)
    else:
        tx.update(record)
    return record


def save_scores(store: Store, year: int, scores: dict[str, float], on: dt.date) -> YearAssessment:
    """Record the branch's own score for the given areas of ``year`` (others are kept), dated
    ``on``; REP-2 is met once all eight have one."""
    try:
        check_year(year)
    except DateParseError as exc:
        raise AssessmentError(f"年份无效：{exc.message}") from None
    clean = {cast(AssessmentArea, k): float(v) for k, v in scores.items() if k in ASSESSMENT_AREAS}
    with store.transaction() as tx:
        found = _of_year(tx, year)
        record = found or YearAssessment(year=year)
        record.scores = {**record.scores, **clean}
        record.date = on
        return _save(tx, record, found is None, on)


def save_five_good(store: Store, year: int, remarks: dict[str, str], on: dt.date) -> YearAssessment:
    """Record the branch's words on each 五好 criterion of ``year`` (an empty one is removed);
    REP-3 is met once all five have words."""
    clean = {cast(FiveGood, k): v.strip() for k, v in remarks.items() if k in FIVE_GOOD}
    with store.transaction() as tx:
        found = _of_year(tx, year)
        record = found or YearAssessment(year=year)
        merged = {**record.five_good, **clean}
        record.five_good = {k: v for k, v in merged.items() if v}
        if record.date is None:
            record.date = on
        return _save(tx, record, found is None, on)
