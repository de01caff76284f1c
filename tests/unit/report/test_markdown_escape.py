"""Free text typed by users never changes the structure of the Markdown a template makes.

Every free-text field of the hand-built branch is filled once with a plain placeholder and once
with hostile text (line breaks, #, >, list markers, |, backticks, links, HTML); the rendered
reports must parse (CommonMark + GFM tables) into the same blocks, with no link, image, HTML or
code the template did not write.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pytest
from markdown_it import MarkdownIt

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.ledger_volume import VOLUMES, ledger_volume
from branchtui.domain.markdown import escape_cell, escape_text
from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData, PracticeNote
from branchtui.domain.report_context import monthly_report_context, year_report_context
from branchtui.storage.scoring_file import load_scoring_sheet
from branchtui.storage.templates import render_template

from .conftest import build_branch

ON = dt.date(2026, 11, 27)
HOSTILE = (
    "甲\n# 标题\n\n- 列表\n> 引用\n| 列 | 列 |\n|---|---|\n1. 一\n* 星\n+ 加\n---\n===\n"
    "`代码` [链接](http://x.cn) ![图](x.png) <b>粗</b> <http://x.cn> ~~删~~ **重** \\ &#35;"
)
HOSTILE_STARTS = [
    "# 标题",
    "- 列表",
    "> 引用",
    "| a | b |",
    "1. 一",
    "2026) 年",
    "* 星",
    "+ 加",
    "=",
    "---",
]
PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
TEXT_TOKENS = {"text", "text_special", "softbreak"}


def _fill(data: BranchData, text: str) -> BranchData:
    """Every field a user types as free text set to ``text`` (a suffix keeps names apart)."""
    assert data.branch is not None
    data.branch.name = text
    data.branch.upper_committee = text
    for i, member in enumerate(data.members):
        member.name = f"{text}{i}"
    for meeting in data.meetings:
        meeting.topic, meeting.place = text, text
    for transfer in data.transfers:
        transfer.other_org, transfer.person_name = text, text
    for flowing in data.flowing_members:
        flowing.place, flowing.person_name = text, text
    for session in data.study_sessions:
        session.topic = text
    for candidate in data.candidates:
        candidate.name = text
    for plan in data.work_plans:
        for item in plan.items:
            item.content, item.form = text, text
    data.practice_notes.append(PracticeNote(date=dt.date(2026, 6, 1), title=text))
    return data


def _structure(markdown: str) -> list[tuple[Any, ...]]:
    """The blocks and the non-text inline tokens, in order."""
    shape: list[tuple[Any, ...]] = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            shape.extend(
                ("inline", child.type)
                for child in token.children or []
                if child.type not in TEXT_TOKENS
            )
        else:
            shape.append((token.type, token.tag, token.nesting))
    return shape


def _render(text: str, kind: str) -> str:
    data = _fill(build_branch(), text)
    profile = get_profile(None)
    if kind == "monthly":
        context = monthly_report_context(data, "2026-10", profile, ON, WorkCalendar())
        return render_template(None, "reports/monthly.md.j2", context)
    if kind.startswith("ledger:"):
        context = ledger_volume(data, 2026, kind.removeprefix("ledger:"), ON)
        return render_template(None, "reports/ledger.md.j2", context)
    context = year_report_context(
        data, 2026, profile, ON, WorkCalendar(), sheet=load_scoring_sheet(None)
    )
    return render_template(None, f"reports/{kind}.md.j2", context)


@pytest.mark.parametrize(
    "kind", ["monthly", "year", "debrief", "summary", *(f"ledger:{k}" for k in VOLUMES)]
)
def test_hostile_text_makes_no_structure(kind: str) -> None:
    plain = _render("甲乙", kind)
    hostile = _render(HOSTILE, kind)
    assert _structure(hostile) == _structure(plain)
    kinds = {t[1] for t in _structure(hostile) if t[0] == "inline"}
    assert not kinds & {"link_open", "image", "html_inline", "code_inline", "s_open"}
    # The text is all still there, readable once rendered.
    assert "# 标题" not in hostile.splitlines()


@pytest.mark.parametrize("start", HOSTILE_STARTS)
@pytest.mark.parametrize("escape", [escape_text, escape_cell])
def test_text_at_the_start_of_a_line_stays_a_paragraph(start: str, escape) -> None:
    tokens = PARSER.parse(f"{escape(start)}\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    # Rendered, the reader sees exactly what was typed.
    assert PARSER.render(escape(start)) == f"<p>{html.escape(start, quote=False)}</p>\n"


def test_a_cell_value_stays_in_its_cell() -> None:
    value = "左 | 右\n| 新行 | 新行 |"
    table = f"| 类别 | 说明 |\n|---|---|\n| 甲 | {escape_cell(value)} |\n"
    cells = [t for t in PARSER.parse(table) if t.type == "td_open"]
    rows = [t for t in PARSER.parse(table) if t.type == "tr_open"]
    assert len(cells) == 2 and len(rows) == 2


def test_masked_numbers_and_plain_text_are_kept_readable() -> None:
    assert escape_text("139****5678") == "139****5678"
    assert escape_text("0592-****567") == "0592-****567"
    assert escape_text("学习党章，书记讲党课") == "学习党章，书记讲党课"
    assert escape_text("2026-10-08 支委会") == "2026-10-08 支委会"
    assert escape_text("  两行\r\n文字  ") == "两行 文字"
