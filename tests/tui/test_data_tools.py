"""数据备份与恢复 (9 b): a secretary without a shell backs up, restores (told first what she
loses), checks the file, exports and imports a bundle, and brings back a damaged file from
the dashboard; every error is one Chinese line and the app goes on."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from conftest import read_file, screen_text, settle, text_of
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from textual.widgets._footer import FooterKey

from branchtui.domain.records import Member
from branchtui.storage.backups import list_backups, newest_good_backup
from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.commands import BranchPalette
from branchtui.tui.screens.area_menu import AreaMenuScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.data_tools import DataToolsScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.screens.doctor_report import DoctorReport


def _status(app: BranchApp) -> str:
    return text_of(app, "#data-status")


def _question(app: BranchApp) -> str:
    assert isinstance(app.screen, ChoicePrompt)
    return app.screen.prompt_title


async def _open(pilot: Pilot[Any]) -> DataToolsScreen:
    app = pilot.app
    await pilot.press("9")
    await settle(pilot, lambda: isinstance(app.screen, AreaMenuScreen))
    await pilot.press("b")
    await settle(pilot, lambda: isinstance(app.screen, DataToolsScreen) and not app.screen.busy)
    assert isinstance(app.screen, DataToolsScreen)
    return app.screen


def _pick(screen: DataToolsScreen, name: str) -> None:
    """Highlight the backup of that file name."""
    rows = [row.backup.name for row in screen.rows]
    screen.query_one("#backup-table", DataTable).move_cursor(row=rows.index(name))


async def _type(pilot: Pilot[Any], text: str) -> None:
    prompt = pilot.app.screen
    assert isinstance(prompt, TextPrompt)
    prompt.query_one(Input).value = text
    await pilot.press("enter")


@pytest.fixture
def backed_up(branch_dir: Path) -> Path:
    """The fixed branch with a manual backup of it (the first backup holds no data yet)."""
    Store.open(branch_dir).backup()
    return branch_dir


async def test_backup_now_lists_the_new_backup_as_newest_usable(backed_up: Path, today) -> None:
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        before = len(screen.rows)
        assert "最新可用" in screen_text(app) and "手动备份" in screen_text(app)
        await pilot.press("b")
        await settle(pilot, lambda: len(screen.rows) == before + 1 and not screen.busy)
        assert "已备份" in _status(app)
        newest = screen.rows[0]
        assert newest.state_label == "最新可用" and newest.backup.reason == "manual"
        assert newest.backup == newest_good_backup(backed_up)


async def test_restore_says_what_is_lost_then_brings_the_backup_back(
    backed_up: Path, today: dt.date
) -> None:
    store = Store.open(backed_up)
    good = newest_good_backup(backed_up)
    assert good is not None
    store.add(Member(name="孙新来"))  # entered after the backup: a restore takes it away
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        _pick(screen, good.name)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        question = _question(app)
        assert "此后新增的记录将消失：党员 1 条" in question
        assert "当前文件会先另存为一份备份" in question
        await pilot.press("down", "enter")  # 不恢复
        await settle(pilot, lambda: app.screen is screen and "未恢复" in _status(app))
        assert "孙新来" in [m.name for m in read_file(backed_up).members]
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 恢复这份备份
        await settle(pilot, lambda: "已从备份恢复" in _status(app) and not screen.busy)
        assert "孙新来" not in [m.name for m in read_file(backed_up).members]
        assert "孙新来" not in [m.name for m in app.data.members]  # the app's store reloaded
        kept = list_backups(backed_up)[0]
        assert kept.reason == "before-restore"
        assert "孙新来" in kept.path.read_text(encoding="utf-8")


async def test_a_damaged_file_is_restored_from_the_dashboard(
    backed_up: Path, today: dt.date
) -> None:
    path = backed_up / "branch.json"
    torn = path.read_bytes()[:300]
    path.write_bytes(torn)
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: "无法打开数据" in text_of(app, "#dash-info"))
        assert "按 b" in text_of(app, "#dash-info")
        assert "branchtui restore" not in text_of(app, "#dash-info")
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, DataToolsScreen) and app.screen.rows)
        screen = app.screen
        assert isinstance(screen, DataToolsScreen)
        await settle(pilot, lambda: not screen.busy)
        assert "数据文件已损坏" in text_of(app, "#data-file")
        names = [row.backup.name for row in screen.rows]
        await pilot.press("b")  # a damaged file is not backed up
        await settle(pilot, lambda: "未备份" in _status(app) and not screen.busy)
        assert [b.name for b in list_backups(backed_up)] == names
        good = newest_good_backup(backed_up)
        assert good is not None
        _pick(screen, good.name)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        assert "当前数据文件无法打开" in _question(app)
        await pilot.press("enter")
        await settle(pilot, lambda: app.store is not None and not screen.busy)
        assert len(app.data.active_members) == 12
        assert list_backups(backed_up)[0].path.read_bytes() == torn  # kept, never deleted
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(pilot, lambda: "已逾期" in text_of(app, "#dash-info"))


def _palette_titles(app: BranchApp) -> list[str]:
    commands = app.screen.query_one(CommandList)
    prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
    return [prompt.split("\n")[0] for prompt in prompts]  # (its help on the next line)


async def test_the_palette_offers_the_backups_while_the_file_cannot_be_opened(
    backed_up: Path, today: dt.date
) -> None:
    path = backed_up / "branch.json"
    path.write_bytes(path.read_bytes()[:300])
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: "无法打开数据" in text_of(app, "#dash-info"))
        # Nothing to look at but b: the Footer (and F1) offer it, not the duties' keys.
        await settle(pilot, lambda: "b 恢复数据" in _footer(app))
        assert "日期" not in _footer(app) and "筛选" not in _footer(app)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, BranchPalette))
        await settle(pilot, lambda: "本页：数据备份与恢复" in _palette_titles(app))
        assert sorted(_palette_titles(app)) == sorted(
            ["本页：数据备份与恢复", "通用：按键帮助", "通用：退出"]
        )
        await pilot.press(*"sjbf")  # 数据备份 by its initials
        commands = app.screen.query_one(CommandList)
        await settle(pilot, lambda: _palette_titles(app)[:1] == ["本页：数据备份与恢复"])
        await settle(pilot, lambda: commands.highlighted == 0)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, DataToolsScreen) and app.screen.rows)
        screen = app.screen
        assert isinstance(screen, DataToolsScreen)
        await settle(pilot, lambda: not screen.busy)
        good = newest_good_backup(backed_up)
        assert good is not None
        _pick(screen, good.name)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")
        await settle(pilot, lambda: app.store is not None and not screen.busy)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(pilot, lambda: "日期" in _footer(app))
        assert "恢复数据" not in _footer(app)
        # Opened: the area's screen is the palette's way there; b applies no more.
        await pilot.press("ctrl+p", *"sjbf")
        await settle(pilot, lambda: "基础保障：数据备份与恢复" in _palette_titles(app))
        assert not any(t.startswith("本页：") for t in _palette_titles(app))


def _footer(app: BranchApp) -> str:
    return " ".join(key.render().plain for key in app.screen.query(FooterKey))


async def test_check_reports_in_chinese_with_advice_a_secretary_can_follow(
    backed_up: Path, today: dt.date
) -> None:
    os.chmod(backed_up, 0o755)
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("c")
        await settle(pilot, lambda: isinstance(app.screen, DoctorReport))
        report = text_of(app, "#doctor-findings")
        assert "[正常] 数据文件完好" in report and "检查结果：数据文件完好" in screen_text(app)
        assert "权限是 0755" in report and "请联系技术人员修正" in report
        assert "chmod" not in report and "branchtui" not in report
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DataToolsScreen))


async def test_export_then_import_a_bundle_with_the_question_first(
    backed_up: Path, today: dt.date
) -> None:
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        typed = app.screen.query_one(Input).value
        assert typed == "exports/branch-bundle-20261127.json"
        await pilot.press("enter")
        await settle(pilot, lambda: "已导出到 exports/" in _status(app) and not screen.busy)
        bundle = backed_up / typed
        assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
        assert stat.S_IMODE(bundle.parent.stat().st_mode) == 0o700
        app.store.add(Member(name="孙新来"))  # type: ignore[union-attr]
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await _type(pilot, typed)
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        question = _question(app)
        assert "当前的全部数据将被替换" in question
        assert "数据包中没有的记录将消失：党员 1 条" in question
        await pilot.press("enter")
        await settle(pilot, lambda: "已从 exports/" in _status(app) and not screen.busy)
        assert "孙新来" not in [m.name for m in read_file(backed_up).members]
        assert list_backups(backed_up)[0].reason == "import"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "找不到数据包文件"),
        (b"{ not json", "不是有效的 JSON"),
        (b'{"format": "other"}', "这不是 branchtui 的数据包"),
    ],
)
async def test_a_bundle_that_cannot_be_imported_is_one_line(
    backed_up: Path, today: dt.date, content: bytes | None, said: str
) -> None:
    if content is not None:
        (backed_up / "bad.json").write_bytes(content)
    before = (backed_up / "branch.json").read_bytes()
    app = build_app(backed_up, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await _type(pilot, "bad.json")
        await settle(pilot, lambda: said in _status(app) and not screen.busy)
        assert "\n" not in screen.said and "Traceback" not in screen_text(app)
        assert app.screen is screen and app.is_running
    assert (backed_up / "branch.json").read_bytes() == before


# Snapshots: backups of fixed names and times, the data file saved at a fixed time.
SAVED = dt.datetime(2026, 11, 27, 9, 30).timestamp()


@pytest.fixture
def pinned_app(demo_dir: Path, today: dt.date) -> BranchApp:
    shutil.rmtree(demo_dir / "backups")
    folder = demo_dir / "backups"
    folder.mkdir(mode=0o700)
    data = demo_dir / "branch.json"
    for name in (
        "branch-20261127T092500.000000-commit.json",
        "branch-20261126T180000.000000-manual.json",
        "branch-20261120T080000.000000-import.json",
    ):
        shutil.copyfile(data, folder / name)
    (folder / "branch-20261127T092800.000000-damaged.json").write_bytes(data.read_bytes()[:900])
    os.utime(data, (SAVED, SAVED))
    return build_app(demo_dir, today=today)


async def _data_screen(pilot: Pilot[Any]) -> None:
    await pilot.press("9", "b")
    await settle(pilot, lambda: isinstance(pilot.app.screen, DataToolsScreen))
    await settle(pilot, lambda: not pilot.app.screen.busy)  # type: ignore[attr-defined]


async def _restore_question(pilot: Pilot[Any]) -> None:
    await _data_screen(pilot)
    await pilot.press("down", "r")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ChoicePrompt))


def test_data_screen_80x24(pinned_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(pinned_app, terminal_size=(80, 24), run_before=_data_screen)


def test_restore_question_80x24(pinned_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(pinned_app, terminal_size=(80, 24), run_before=_restore_question)
