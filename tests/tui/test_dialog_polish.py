"""Dialogs at 80×24: a prompt's field is seen before anything is typed; text wraps where a
Chinese reader expects it, never inside a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import settle
from rich.cells import cell_len
from rich.text import Text
from textual.containers import Vertical
from textual.widgets import DataTable, Input, TextArea

from branchtui.domain.obligations import Obligation
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.screens.wizards.form_dialog import FormDialog
from branchtui.tui.screens.wizards.meeting_steps.topics import AGENDA_FORM
from branchtui.tui.text import wrap_text


async def test_new_group_prompt_shows_its_field_before_typing(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g", "a")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        field = app.screen.query_one("#prompt-input", Input)
        assert field.value == ""
        assert "在此输入" in field.render_line(0).text
        dialog = app.screen.query_one(".dialog", Vertical)
        # The field has a shade of its own, distinct from the dialog around it.
        assert field.styles.background != dialog.styles.background


def test_wrap_keeps_dates_numbers_and_closing_brackets_together() -> None:
    text = Text(
        "说明：台账体检：2条记录有2处问题（如2026-11-02 主题党日）；另有3条未归入台帐（2026-11-27）"
    )
    for width in range(16, 60):
        lines = wrap_text(text, width).plain.split("\n")
        assert all(cell_len(line) <= width for line in lines), width
        assert "".join(lines).replace(" ", "") == text.plain.replace(" ", "")
        joined = "\n".join(lines)
        for kept in ("2026-11-02", "2026-11-27", "3条", "2处"):
            assert kept in joined, (width, lines)
        assert not any(line.startswith(("）", "；", "，", "：")) for line in lines), lines


async def test_duty_detail_never_breaks_a_date(branch_dir: Path, today: dt.date) -> None:
    detail = "，".join(["台账体检：有记录需补充会议地点（2026-11-27）"] * 6)
    ob = Obligation(rule="SYS-3", title="会议活动专人记录", status="warning", detail=detail)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ObligationDetail(ob, app.data))
        await settle(pilot, lambda: isinstance(app.screen, ObligationDetail))
        await pilot.pause()
        body = app.screen.query_one("#detail-body")
        lines = [body.render_line(y).text.rstrip() for y in range(body.size.height)]
        assert sum(line.count("2026-11-27") for line in lines) == 6, lines
        assert not any(line.endswith(("（202", "（")) for line in lines), lines


async def test_setup_name_field_uses_the_width_of_the_screen(
    data_dir: Path, today: dt.date
) -> None:
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        name = app.screen.query_one("#name", Input)
        await settle(pilot, lambda: name.size.width > 0)
        await pilot.press(*"中共厦门某某科技有限公司第一支部委员会")
        await settle(pilot, lambda: name.value.endswith("委员会"))
        # 38 cells of name: all of it seen, none scrolled out of the field.
        assert name.content_size.width > 40
        assert "中共厦门某某科技有限公司第一支部委员会" in name.render_line(0).text


async def test_member_form_fields_use_the_width_of_the_screen(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a")
        await settle(pilot, lambda: bool(app.screen.query("#field-name")))
        await pilot.pause()
        assert app.screen.query_one("#field-name", Input).size.width > 40


async def test_pipeline_stage_heading_keeps_its_count(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "d")
        table = app.screen.query_one(DataTable)
        await settle(pilot, lambda: table.row_count > 0)
        await pilot.pause()
        lines = [table.render_line(y).text for y in range(table.size.height)]
        heading = next(line for line in lines if "第五阶段" in line)
        assert "1人" in heading and "预备党员的教育考察和转正" in heading


async def test_discussion_box_is_wide_in_its_dialog(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(FormDialog("添加议题", AGENDA_FORM, today=today))
        await settle(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.pause()
        box = app.screen.query_one(TextArea)
        dialog = app.screen.query_one(".dialog")
        # 讨论情况 takes the dialog's width beside its label, not a third of it.
        assert box.size.width >= dialog.size.width - 26
