"""The report contexts in one place: the monthly report (REP-1) and the year documents.

``monthly_report_context`` lives in report_monthly.py, ``year_report_context`` (the year
report, 述职 and 工作总结) in report_year.py, the scoring in report_scoring.py and the yearly
ledger volumes in ledger_volume.py; this module gathers what storage and the tests use.
"""

from __future__ import annotations

from branchtui.domain.report_common import Context, parse_month_key
from branchtui.domain.report_monthly import monthly_report_context
from branchtui.domain.report_year import YEAR_KINDS, year_report_context

__all__ = [
    "YEAR_KINDS",
    "Context",
    "monthly_report_context",
    "parse_month_key",
    "year_report_context",
]
