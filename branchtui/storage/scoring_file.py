"""The scoring sheet of the year's assessment (REP-2, REP-3): the data folder's own
``templates/reports/scoring.toml`` when there is one, else the one shipped with branchtui.

The data folder's copy is read like a template (no symlink, a regular file, a size cap) and
checked entry by entry; a mistake is a one-line Chinese message naming the file.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from pathlib import Path

from branchtui.domain.obligations.catalogue import RULE_IDS
from branchtui.domain.report_scoring import ScoringError, ScoringSheet, scoring_sheet
from branchtui.storage.errors import StoreError
from branchtui.storage.template_files import read_template

SCORING_TEMPLATE = "reports/scoring.toml"


class ScoringFileError(StoreError):
    """The scoring sheet cannot be used; the message names the file and the entry."""


def shipped_scoring_text() -> str:
    """The default sheet's text (the plan's eight tasks and the 五好 criteria)."""
    node = importlib.resources.files("branchtui").joinpath(
        "templates", *SCORING_TEMPLATE.split("/")
    )
    return node.read_text(encoding="utf-8")


def load_scoring_sheet(data_dir: Path | None) -> ScoringSheet:
    """The sheet in force for the data folder; ScoringFileError (Chinese) when it is wrong."""
    found = read_template(Path(data_dir) / "templates", SCORING_TEMPLATE) if data_dir else None
    text, where = found if found is not None else (shipped_scoring_text(), "自带评分表")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScoringFileError(f"评分表 {where} 格式有误（{exc}），请按 TOML 格式改正。") from None
    try:
        return scoring_sheet(raw, RULE_IDS)
    except ScoringError as exc:
        raise ScoringFileError(f"评分表 {where} 有误：{exc.message}。") from None
