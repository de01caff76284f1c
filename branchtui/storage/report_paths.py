"""Where the reports go and what they are called — without loading the templates (Jinja2),
so that a screen can name them before anything is rendered (storage/reports.py renders)."""

from __future__ import annotations

from pathlib import Path

REPORTS_DIR = "reports"
# The year documents: command name → (template, file suffix, what it is called).
YEAR_DOCUMENTS = {
    "year": ("reports/year.md.j2", "year", "年度工作报告"),
    "debrief": ("reports/debrief.md.j2", "debrief", "书记抓党建工作述职报告"),
    "summary": ("reports/summary.md.j2", "summary", "年度工作总结"),
}


def monthly_report_path(data_dir: Path, month: str) -> Path:
    return Path(data_dir) / REPORTS_DIR / f"{month}-monthly.md"


def year_report_path(data_dir: Path, year: int, document: str = "year") -> Path:
    return Path(data_dir) / REPORTS_DIR / f"{year:04d}-{YEAR_DOCUMENTS[document][1]}.md"


def ledger_folder(data_dir: Path, year: int) -> Path:
    return Path(data_dir) / REPORTS_DIR / f"{year:04d}-ledger"
