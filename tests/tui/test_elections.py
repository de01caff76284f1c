"""The election wizards by keys: a 换届选举 (ORG-4) from the plan to the division of work, a
补选 of the vacant 纪检委员 (ORG-8) opened from its duty, a secretary appointed by the upper
organization (ORG-7); errors beside the field, nothing saved half, Esc asks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import read_file, settle, text_if_shown, until
from textual.pilot import Pilot

from branchtui.domain.obligations.engine import obligations_on
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.committee import CommitteeScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.screens.wizards.appointment import AppointmentForm
from branchtui.tui.screens.wizards.election import ElectionWizard
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.voter_roll import VoterRoll
from branchtui.tui.widgets.wizard_frame import WizardFrame


def step(app: BranchApp) -> str:
    return app.screen.query_one(WizardFrame).step.id or ""


def status(data_dir: Path, rule: str, today: dt.date) -> list[str]:
    return [o.status for o in obligations_on(read_file(data_dir), today) if o.rule == rule]


async def pick(pilot: Pilot[Any], *initials: str) -> None:
    """A several-members field: each member's initials typed open the list filtered by them,
    Enter adds the member; the cursor stays on the field for the next one."""
    for name in initials:
        await pilot.press(*name)
        await settle(pilot, lambda: isinstance(pilot.app.screen, MemberPicker))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(pilot.app.screen, ElectionWizard))


async def pick_one(pilot: Pilot[Any], initials: str) -> None:
    """A one-member field: the initials typed, Enter takes the member and moves on."""
    await pilot.press(*initials, "enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ElectionWizard))


async def forward(pilot: Pilot[Any], to: str) -> None:
    await pilot.press("pagedown")
    await settle(pilot, lambda: step(pilot.app) == to)  # type: ignore[arg-type]


async def meeting(pilot: Pilot[Any]) -> None:
    """The meeting step: 09:00 kept, a place, 张三 hosts, 李四 records, 周敏 counts, 吴刚 watches."""
    await pilot.press("enter", *"三楼会议室", "enter")
    await pick_one(pilot, "zs")  # the cursor goes on to 记录人
    await pick_one(pilot, "ls")
    await pick(pilot, "zm")
    await pilot.press("enter")  # on to 监票人
    await pick(pilot, "wg")


async def open_renewal(pilot: Pilot[Any]) -> None:
    """支委会 → e: the renewal election wizard."""
    await pilot.press("2", "c")
    await settle(pilot, lambda: isinstance(pilot.app.screen, CommitteeScreen))
    await pilot.press("e")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ElectionWizard))


async def test_renewal_election_by_keys_makes_the_second_committee(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_renewal(pilot)
        assert "本次选举产生第2届支委会" in text_if_shown(app, "#plan-about")
        # 选举方案: the approval is required (the rule says so beside the field).
        await pilot.press(*"1120", "enter", "enter", "enter", *"3", "enter")
        await settle(pilot, lambda: "上级党组织批复" in text_if_shown(app, "#plan-approved-error"))
        assert step(app) == "step-plan"
        app.screen.query_one("#plan-approved").focus()
        await pilot.press(*"1101", "enter", *"X2026-8", "enter", "enter")
        await settle(pilot, lambda: step(app) == "step-meeting")
        await pilot.press("pagedown")  # nothing filled: every field says what it needs
        await settle(pilot, lambda: "请填写会议地点" in text_if_shown(app, "#place-error"))
        assert "无记名投票须有计票人" in text_if_shown(app, "#counters-error")
        await meeting(pilot)
        await forward(pilot, "step-candidates")
        await pick(pilot, "zs", "ls", "ww")  # 3 for 3 seats: not a 差额 election
        await pilot.press("pagedown")
        await settle(pilot, lambda: "至少4名" in text_if_shown(app, "#candidates-error"))
        await pick(pilot, "zl")
        await settle(pilot, lambda: "差额1名" in text_if_shown(app, "#margin"))
        await forward(pilot, "step-voters")
        assert "实到10名" in text_if_shown(app, "#quorum")
        for _ in range(10):
            await pilot.press("down")  # 孙建国
        await pilot.press("l")
        await settle(pilot, lambda: "请按 r 填写原因：孙建国" in text_if_shown(app, "#roll-error"))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press(*"出差", "enter")
        await settle(pilot, lambda: "选举有效" in text_if_shown(app, "#quorum"))
        assert "应到会有选举权的党员10名，实到9名" in text_if_shown(app, "#quorum")
        await forward(pilot, "step-ballots")
        # Candidates are listed by pinyin: 李四, 王五, 张三, 赵六.
        await pilot.press("tab", "tab", "9", "tab", "0", "tab", "7", "tab", "6", "tab", "8")
        await pilot.press("tab", *"12")  # more votes than valid ballots
        await pilot.press("pagedown")
        await settle(pilot, lambda: "多于有效票9张" in text_if_shown(app, "#vote-m04-error"))
        await pilot.press("backspace", "backspace", "2", "pagedown")
        await settle(pilot, lambda: step(app) == "step-result")
        outcome = text_if_shown(app, "#outcome")
        assert "至少5票" in outcome and "张三：8票，当选" in outcome
        assert "赵六：2票，未超过半数，未当选" in outcome
        await forward(pilot, "step-division")
        for down in (1, 3, 5):  # 书记, 组织委员, 纪检委员 (the first line is the prompt)
            await pilot.press("enter", *(["down"] * down), "enter")  # … and on to the next
        await forward(pilot, "step-review")
        review = text_if_shown(app, "#review")
        assert "分工：张三任书记，李四任组织委员，王五任纪检委员" in review
        assert "不能保存" not in review
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
    data = read_file(branch_dir)
    term = max(data.terms, key=lambda t: t.number)
    assert (term.number, term.start) == (2, dt.date(2026, 11, 20))
    seats = {s.role: s.member_id for s in data.seats if s.term_id == term.id}
    assert seats == {"secretary": "m01", "organization": "m02", "discipline": "m03"}
    (election,) = data.elections
    assert (election.voters_expected, election.voters_present, election.seats) == (10, 9, 3)
    votes = {c.member_id: (c.votes, c.elected) for c in election.candidates}
    assert votes == {"m01": (8, True), "m02": (7, True), "m03": (6, True), "m04": (2, False)}
    meeting_record = data.find("meetings", election.meeting_id)
    assert meeting_record.place == "三楼会议室" and meeting_record.recorder_id == "m02"
    assert term.elected_at_meeting_id == meeting_record.id
    assert status(branch_dir, "ORG-4", today) == ["met"]
    assert status(branch_dir, "ORG-8", today) == ["met"]  # the old vacancy ended with the term


async def test_by_election_opened_from_the_duty_fills_the_vacancy(
    branch_dir: Path, today: dt.date
) -> None:
    assert status(branch_dir, "ORG-8", today) == ["due"]
    duty = next(o for o in obligations_on(read_file(branch_dir), today) if o.rule == "ORG-8")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.open_screen("committee", duty)
        await settle(pilot, lambda: "补选纪检委员" in text_if_shown(app, "#plan-about"))
        assert "ORG-8" in text_if_shown(app, "#plan-about")
        await pilot.press(*"1125", "enter", "enter", "enter")
        await settle(pilot, lambda: step(app) == "step-meeting")
        await meeting(pilot)
        await forward(pilot, "step-candidates")
        await pick(pilot, "oyn")  # 等额: one candidate for one seat
        await settle(pilot, lambda: "补选可等额选举" in text_if_shown(app, "#margin"))
        await forward(pilot, "step-voters")
        await pilot.press("enter")  # everyone came
        await settle(pilot, lambda: step(app) == "step-ballots")
        await pilot.press("tab", "tab", *"10", "tab", "0", "tab", "9", "pagedown")
        await settle(pilot, lambda: step(app) == "step-result")
        assert "欧阳娜：9票，当选" in text_if_shown(app, "#outcome")
        await forward(pilot, "step-review")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
    data = read_file(branch_dir)
    seat = next(s for s in data.seats if s.role == "discipline")
    assert (seat.member_id, seat.since, seat.term_id) == ("m12", dt.date(2026, 11, 25), "t1")
    assert status(branch_dir, "ORG-8", today) == ["met"]
    assert data.vacancies[0].filled == dt.date(2026, 11, 25)


async def test_secretary_appointed_by_the_upper_organization(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "c")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
        await pilot.press("v")
        await until(pilot, lambda: not isinstance(app.screen, CommitteeScreen))
        await pilot.press(*"1101", "enter")  # 张三 leaves the secretary's seat
        await settle(pilot, lambda: len(app.screen.vacancies) == 2)  # type: ignore[attr-defined]
        assert status(branch_dir, "ORG-7", today) == ["due"]
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 书记（自 2026-11-01 空缺）, after 纪检委员
        await until(
            pilot,
            lambda: isinstance(app.screen, ChoicePrompt) and "如何" in str(app.screen.prompt_title),
        )
        await pilot.press("down", "enter")  # 上级党组织指派
        await settle(pilot, lambda: isinstance(app.screen, AppointmentForm))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "请选择指派的书记" in text_if_shown(app, "#member-error"))
        await pick_one_in_form(pilot, "hzq")  # the cursor goes on to 指派决定日期
        await pilot.press(*"1110", "enter", *"1112", "enter", *"X2026-9", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
    data = read_file(branch_dir)
    seat = next(s for s in data.seats if s.role == "secretary" and s.until is None)
    assert (seat.member_id, seat.since) == ("m07", dt.date(2026, 11, 12))
    assert data.elections[0].kind == "appointment" and data.elections[0].plan_ref == "X2026-9"
    assert status(branch_dir, "ORG-7", today) == ["met"]


async def pick_one_in_form(pilot: Pilot[Any], initials: str) -> None:
    await pilot.press(*initials, "enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, AppointmentForm))


async def test_escape_on_the_first_step_asks_and_saves_nothing(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_renewal(pilot)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 继续录入
        await settle(pilot, lambda: isinstance(app.screen, ElectionWizard))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
    assert read_file(branch_dir).elections == []


def roll_text(app: BranchApp) -> str:
    return text_if_shown(app, "#roll-error")


async def test_by_election_minutes_officers_and_reasons(branch_dir: Path, today: dt.date) -> None:
    """A fixed field's error goes as it is typed; a present voter takes no reason; a long reason
    is shown whole; the host cannot be marked absent; the meeting's minutes file is written."""
    duty = next(o for o in obligations_on(read_file(branch_dir), today) if o.rule == "ORG-8")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.open_screen("committee", duty)
        await settle(pilot, lambda: "补选纪检委员" in text_if_shown(app, "#plan-about"))
        await pilot.press(*"1125", "enter", "enter", "enter")
        await settle(pilot, lambda: step(app) == "step-meeting")
        await pilot.press("pagedown")
        await settle(pilot, lambda: "请填写会议地点" in text_if_shown(app, "#place-error"))
        await pilot.press("enter", *"三楼")
        await settle(pilot, lambda: text_if_shown(app, "#place-error") == "")
        assert "请选择主持人" in text_if_shown(app, "#host-error")  # still empty: still said
        await pilot.press(*"会议室", "enter")
        await pick_one(pilot, "zs")
        await settle(pilot, lambda: text_if_shown(app, "#host-error") == "")
        await pick_one(pilot, "ls")
        await pick(pilot, "zm")
        await pilot.press("enter")
        await pick(pilot, "wg")
        await forward(pilot, "step-candidates")
        await pick(pilot, "oyn")
        await forward(pilot, "step-voters")
        roll = app.screen.query_one(VoterRoll)
        assert roll.current is not None and roll.current.name == "张三"
        await pilot.press("r")  # 出席: no reason asked
        await pilot.pause()
        assert not isinstance(app.screen, TextPrompt) and roll.reasons == {}
        await pilot.press("space")  # the host marked absent
        await settle(pilot, lambda: "张三是本次会议的主持人，却标为缺席" in roll_text(app))
        await pilot.press("pagedown")
        await pilot.pause()
        assert step(app) == "step-voters"
        await pilot.press("space", *["down"] * 10, "space", "r")  # 张三 back; 孙建国 absent
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        reason = "临时公出赴集团参加会议"
        await pilot.press(*reason, "enter")
        await settle(pilot, lambda: roll_text(app) == "")
        assert roll.get_row_at(10)[3] == reason
        assert roll.ordered_columns[3].get_render_width(roll) >= 2 * len(reason)
        await forward(pilot, "step-ballots")
        await pilot.press("tab", "tab", *"9", "tab", "0", "tab", "9", "pagedown")
        await settle(pilot, lambda: step(app) == "step-result")
        await forward(pilot, "step-review")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
    data = read_file(branch_dir)
    (election,) = data.elections
    held = data.find("meetings", election.meeting_id)
    absent = [(a.status, a.reason) for a in held.attendance if a.status != "present"]
    assert absent == [("absent", reason)]
    assert held.minutes_path.startswith("minutes/2026/11-25-general_meeting-")
    minutes = (branch_dir / held.minutes_path).read_text(encoding="utf-8")
    assert "补选纪检委员" in minutes and "计票人：周敏；监票人：吴刚" in minutes
    assert reason in minutes
