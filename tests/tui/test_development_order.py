"""DEV-3, NAT-3 by keys at 80×24 on the demo branch (branchtui demo): steps 12–15 of 曾心晨
typed out of order are refused with the message beside the date and nothing saved; in order
they are saved, the 支部大会讨论 warns without a 支部党员大会 that day and Ctrl+L links one; a
date typed as the 谈话人 is refused beside that field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import read_file, settle, text_of
from test_development import open_file_of, step_form
from textual.command import CommandList
from textual.pilot import Pilot

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import Candidate, CandidateEvent
from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.candidate_file import CandidateFileScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.step_form import StepForm


def file_of(data_dir: Path, name: str) -> Candidate:
    return next(c for c in read_file(data_dir).candidates if c.name == name)


async def type_date(pilot: Pilot[Any], day: str) -> None:
    await pilot.press("ctrl+u", *day)


async def refused(pilot: Pilot[Any], field: str, message: str) -> None:
    """The message stands beside ``field`` and Ctrl+S leaves the form open."""
    app: BranchApp = pilot.app  # type: ignore[assignment]
    await settle(pilot, lambda: message in text_of(app, f"#error-{field}"))
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, StepForm)
    assert message in text_of(app, f"#error-{field}")


async def saved(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot, lambda: isinstance(pilot.app.screen, CandidateFileScreen))


async def test_steps_12_to_15_out_of_order_are_refused_at_the_date(
    demo_dir: Path, today: dt.date
) -> None:
    before = file_of(demo_dir, "曾心晨")
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "曾心晨")
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "committee_review"
        # Step 12 before step 11 (集中培训 2025-10-20, 3天 24学时).
        await type_date(pilot, "2025-10-15")
        await refused(pilot, "date", "不能早于第11步「开展集中培训」（2025-10-20）")
        # Before the training's last day: refused too; on the day after it ended: saved.
        await type_date(pilot, "2025-10-21")
        await refused(pilot, "date", "集中培训至2025-10-22结束，支部委员会审查不能早于该日")
        assert file_of(demo_dir, "曾心晨") == before  # nothing saved
        await type_date(pilot, "2025-10-30")
        await saved(pilot)

        # Step 13 and its 公示 before step 12.
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "pre_review"
        await type_date(pilot, "2025-10-10")
        await pilot.press("tab", *"2025-10-05")
        await settle(pilot, lambda: "公示不能早于" in text_of(app, "#error-companion"))
        await refused(pilot, "date", "不能早于第12步「支部委员会审查」（2025-10-30）")
        assert "公示不能早于第12步「支部委员会审查」（2025-10-30）" in text_of(
            app, "#error-companion"
        )
        # 公示 after the 预审: refused beside the 公示 date (Ctrl+S went to the first error).
        assert app.focused is form.query_one("#field-date")
        await type_date(pilot, "2025-11-05")
        await pilot.press("tab", "ctrl+u", *"2025-11-08")
        await refused(pilot, "companion", "公示应在上级党委预审（2025-11-05）之前")
        assert file_of(demo_dir, "曾心晨").date_of("pre_review") is None
        await pilot.press("ctrl+u", *"2025-11-01")
        await saved(pilot)

        # Step 14, then step 15 before it.
        await step_form(pilot, "a")
        await type_date(pilot, "2026-11-20")
        await saved(pilot)
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "branch_vote"
        await type_date(pilot, "2026-11-10")
        await refused(pilot, "date", "不能早于第14步「填写入党志愿书」（2026-11-20）")
    after = file_of(demo_dir, "曾心晨")
    assert after.date_of("branch_vote") is None
    assert after.date_of("form_filled") == dt.date(2026, 11, 20)


def ready_for_the_vote(demo_dir: Path) -> None:
    """曾心晨's file up to 填写入党志愿书: 支部大会讨论 comes next."""
    ready = file_of(demo_dir, "曾心晨")
    for step, day in (
        ("committee_review", dt.date(2025, 10, 30)),
        ("publicity", dt.date(2025, 11, 1)),
        ("pre_review", dt.date(2025, 11, 5)),
        ("form_filled", dt.date(2026, 11, 20)),
    ):
        ready.events.append(CandidateEvent(step=step, date=day))  # type: ignore[arg-type]
    with Store.open(demo_dir).transaction() as tx:
        tx.apply(RecordChanges(updates=(ready,)))


async def test_the_vote_warns_without_a_meeting_and_ctrl_l_links_one(
    demo_dir: Path, today: dt.date
) -> None:
    ready_for_the_vote(demo_dir)
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "曾心晨")
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "branch_vote"
        # No 支部党员大会 on file on 2026-11-27: a warning, the link key in the Footer.
        await settle(pilot, lambda: "没有支部党员大会的会议记录" in text_of(app, "#error-date"))
        assert text_of(app, "#error-date").startswith("注意：")
        link = app.active_bindings.get("ctrl+l")
        assert link is not None and link.enabled and link.binding.description == "关联会议"
        await pilot.press("ctrl+l")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        assert "2026-11-23" in str(app.screen.query_one("OptionList").get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, StepForm))
        await settle(pilot, lambda: "已关联当天的支部党员大会记录" in text_of(app, "#vote-result"))
        assert form.query_one("#field-date").value == "2026-11-23"  # type: ignore[attr-defined]
        assert form.meeting_id is not None
        assert "没有支部党员大会" not in text_of(app, "#error-date")


async def test_ctrl_l_is_in_the_palette_opened_over_the_step_form(
    demo_dir: Path, today: dt.date
) -> None:
    ready_for_the_vote(demo_dir)
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "曾心晨")
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "branch_vote"
        await pilot.press("ctrl+p", *"glhy")  # 关联会议 by its initials
        commands = app.screen.query_one(CommandList)
        await settle(pilot, lambda: commands.option_count > 0 and commands.highlighted == 0)
        shown = str(commands.get_option_at_index(0).prompt)
        assert "本页：关联支部党员大会" in shown
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        assert app.screen.prompt_title == "关联支部党员大会"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, StepForm))
        await settle(pilot, lambda: "已关联当天的支部党员大会记录" in text_of(app, "#vote-result"))


async def test_a_date_typed_as_the_talker_is_refused(demo_dir: Path, today: dt.date) -> None:
    before = file_of(demo_dir, "杨家薇")
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file_of(pilot, "杨家薇")
        form = await step_form(pilot, "a")
        assert form.step is not None and form.step.code == "talked"
        link = app.active_bindings.get("ctrl+l")
        assert link is None or not link.enabled  # 关联会议 is for the 支部大会讨论 only
        form.query_one("#field-people").focus()
        await pilot.press(*"2026-11-10")
        await refused(pilot, "people", "谈话人应填写姓名，不能是日期或数字")
    assert file_of(demo_dir, "杨家薇") == before
