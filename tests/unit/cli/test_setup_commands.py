"""`init`, `demo`, `--demo` and `--data` placement, as a secretary would run them."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest

from branchtui import launch
from branchtui.storage.store import Store

NAME = "中共厦门金圆投资集团有限公司测试部党支部"


def branch_of(folder: Path):
    return Store.open(folder).snapshot()


def test_init_creates_the_branch_from_options(cli, data_dir: Path) -> None:
    result = cli(
        "init",
        "--name",
        NAME,
        "--kind",
        "党总支",
        "--upper",
        "中共厦门金圆投资集团有限公司委员会",
        "--profile",
        "national",
        "--term-start",
        "2025-03-01",
        "--non-public",
    )
    assert result.code == 0, result.err
    assert NAME in result.out
    data = branch_of(data_dir)
    assert data.branch.name == NAME
    assert data.branch.kind == "general_branch"
    assert data.branch.profile == "national"
    assert data.branch.non_public is True
    assert data.branch.created == dt.date(2026, 11, 27)  # BRANCHTUI_TODAY
    assert [t.start for t in data.terms] == [dt.date(2025, 3, 1)]


def test_init_refuses_an_existing_branch(cli, one_line, data_dir: Path) -> None:
    assert cli("init", "--name", NAME).code == 0
    before = (data_dir / "branch.json").read_bytes()
    result = cli("init", "--name", "中共另一个党支部")
    assert result.code == 1
    assert NAME in one_line(result.err)
    assert (data_dir / "branch.json").read_bytes() == before


def test_init_without_a_name_says_how(cli, one_line, data_dir: Path) -> None:
    result = cli("init")
    assert result.code == 1
    assert "--name" in one_line(result.err)
    assert not (data_dir / "branch.json").exists()


def test_init_rejects_an_unknown_kind(cli, one_line) -> None:
    result = cli("init", "--name", NAME, "--kind", "party_committee")
    assert result.code == 1
    assert "--kind" in one_line(result.err)


@pytest.mark.parametrize("before", [True, False])
def test_data_is_accepted_before_and_after_the_command(cli, tmp_path: Path, before) -> None:
    folder = tmp_path / "elsewhere"
    args = ["init", "--name", NAME]
    result = cli(*(["--data", folder, *args] if before else [*args, "--data", folder]))
    assert result.code == 0, result.err
    assert branch_of(folder).branch.name == NAME


def test_data_before_and_after_in_the_real_script(script, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert script("--data", first, "init", "--name", NAME).code == 0
    assert script("init", "--name", NAME, "--data", second).code == 0
    assert branch_of(first).branch.name == branch_of(second).branch.name == NAME


def test_demo_creates_a_branch(cli, data_dir: Path) -> None:
    result = cli("demo", "--members", "25", "--years", "1", "--seed", "7")
    assert result.code == 0, result.err
    data = branch_of(data_dir)
    assert data.branch is not None and data.branch.name in result.out
    assert len(data.active_members) >= 20
    assert data.meetings


def test_demo_is_the_same_for_the_same_seed(cli, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert (
            cli(
                "demo", "--seed", "3", "--members", "20", "--years", "1", "--data", tmp_path / name
            ).code
            == 0
        )
    assert branch_of(tmp_path / "a").to_dict() == branch_of(tmp_path / "b").to_dict()


def test_demo_twice_refuses_without_force(script, one_line, data_dir: Path) -> None:
    assert script("demo", "--members", "20", "--years", "1").code == 0
    before = (data_dir / "branch.json").read_bytes()
    result = script("demo", "--members", "20", "--years", "1", "--seed", "9")
    assert result.code == 1
    assert "--force" in one_line(result.err)
    assert (data_dir / "branch.json").read_bytes() == before


def test_demo_with_force_backs_up_first(cli, data_dir: Path) -> None:
    assert cli("init", "--name", NAME).code == 0
    result = cli("demo", "--members", "20", "--years", "1", "--force")
    assert result.code == 0, result.err
    backup = Path(result.out.split("已备份原有数据：")[1].splitlines()[0].strip())
    assert NAME in backup.read_text(encoding="utf-8")
    assert branch_of(data_dir).branch.name != NAME


def test_bare_demo_flag_never_overwrites_a_real_branch(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(launch, "require_terminal", lambda: None)
    monkeypatch.setattr(launch, "start_tui", opened.append)
    real = tmp_path / "real"
    assert cli("init", "--name", NAME, "--data", real).code == 0
    before = (real / "branch.json").read_bytes()
    assert cli("--demo", "--data", real).code == 0
    assert (real / "branch.json").read_bytes() == before
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert cli("--demo").code == 0
    assert opened == [real, tmp_path / "xdg" / "branchtui-demo"]
    assert branch_of(opened[1]).branch.name != NAME


def test_bare_branchtui_without_a_terminal_says_so(script, one_line) -> None:
    result = script()
    assert result.code == 1
    assert "终端" in one_line(result.err)


def test_batch_commands_do_not_import_textual(tmp_path: Path) -> None:
    import subprocess

    folder = tmp_path / "d"
    code = (
        "import sys\n"
        "from branchtui.cli import run\n"
        f"for args in (['--help'], ['init', '--name', 'x', '--data', {str(folder)!r}],"
        f" ['demo', '--data', {str(tmp_path / 'e')!r}, '--members', '20', '--years', '1'],"
        f" ['doctor', '--data', {str(folder)!r}]):\n"
        "    run(args)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_init_in_a_terminal_without_options_points_to_the_wizard(
    cli, one_line, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    result = cli("init")
    assert result.code == 1
    assert "设置向导" in one_line(result.err)


def test_init_shared_group_makes_the_folder_setgid_and_files_group_writable(
    cli, data_dir: Path
) -> None:
    import grp
    import os
    import stat

    group = grp.getgrgid(os.getgid()).gr_name
    result = cli("init", "--name", NAME, "--shared-group", group)
    assert result.code == 0, result.err
    assert group in result.out
    assert os.stat(data_dir).st_mode & stat.S_ISGID
    assert stat.S_IMODE(os.stat(data_dir / "branch.json").st_mode) == 0o660


def test_init_shared_group_with_an_unknown_group(cli, one_line) -> None:
    result = cli("init", "--name", NAME, "--shared-group", "no-such-group-xyz")
    assert result.code == 1
    assert "no-such-group-xyz" in one_line(result.err)


def test_dates_are_read_like_in_the_tui_with_the_fixed_today(cli, data_dir: Path) -> None:
    # BRANCHTUI_TODAY=2026-11-27 (conftest) supplies the year of a date typed without one.
    assert cli("init", "--name", NAME, "--term-start", "3月1日").code == 0
    assert [t.start for t in branch_of(data_dir).terms] == [dt.date(2026, 3, 1)]


def test_init_in_an_empty_folder_made_with_mkdir_makes_it_private(cli, data_dir: Path) -> None:
    data_dir.mkdir()
    os.chmod(data_dir, 0o755)
    assert cli("init", "--name", "中共测试党支部").code == 0
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    doctor = cli("doctor")
    assert doctor.code == 0 and "权限是" not in doctor.out
