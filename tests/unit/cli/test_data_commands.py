"""`doctor`, `backup` and `restore` on a healthy and on a damaged data file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from branchtui.storage.store import Store

NAME = "中共测试党支部"


@pytest.fixture
def branch(cli, data_dir: Path) -> Path:
    """A branch with a manual backup; returns the backup's path."""
    assert cli("init", "--name", NAME, "--term-start", "2025-03-01").code == 0
    result = cli("backup")
    assert result.code == 0, result.err
    return Path(result.out.strip())


def test_backup_prints_the_path_of_a_copy(branch: Path, data_dir: Path) -> None:
    assert branch.parent == data_dir / "backups"
    assert branch.read_bytes() == (data_dir / "branch.json").read_bytes()


def test_backup_without_data_is_a_user_error(cli, one_line) -> None:
    result = cli("backup")
    assert result.code == 1
    assert "还没有" in one_line(result.err)


def test_doctor_on_a_healthy_branch(cli, branch: Path) -> None:
    result = cli("doctor")
    assert result.code == 0, result.out + result.err
    assert "数据目录" in result.out


def truncate(data_dir: Path) -> bytes:
    """Tear branch.json (a new inode: backups are hard links to the old one)."""
    path = data_dir / "branch.json"
    damaged = path.read_bytes()[:40]
    torn = path.with_name("torn")
    torn.write_bytes(damaged)
    os.replace(torn, path)
    return damaged


def test_doctor_on_a_truncated_file_names_a_backup(script, branch: Path, data_dir: Path) -> None:
    damaged = truncate(data_dir)
    result = script("doctor")
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert branch.name in result.out
    assert (data_dir / "branch.json").read_bytes() == damaged


def test_restore_lists_backups_newest_good_first(cli, branch: Path, data_dir: Path) -> None:
    truncate(data_dir)
    result = cli("restore")
    assert result.code == 0, result.err
    assert f"{branch.name}" in result.out
    assert "最新可用" in result.out
    assert (data_dir / "branch.json").read_bytes()[-1:] != b"}"  # listing changed nothing


def test_restore_newest_brings_the_branch_back_and_keeps_the_bad_file(
    cli, branch: Path, data_dir: Path
) -> None:
    damaged = truncate(data_dir)
    result = cli("restore", "--newest")
    assert result.code == 0, result.err
    assert Store.open(data_dir).snapshot().branch.name == NAME
    kept = Path(result.out.split("另存为 ")[1].strip())
    assert kept.read_bytes() == damaged


def test_restore_by_name(cli, branch: Path, data_dir: Path) -> None:
    truncate(data_dir)
    result = cli("restore", branch.name)
    assert result.code == 0, result.err
    assert Store.open(data_dir).snapshot().branch.name == NAME


def test_restore_of_an_unknown_backup_is_one_line(cli, one_line, branch: Path) -> None:
    result = cli("restore", "branch-nonexistent.json")
    assert result.code == 1
    assert "branch-nonexistent.json" in one_line(result.err)


def test_backup_of_a_damaged_file_is_refused_and_keeps_the_good_backups(
    cli, one_line, branch: Path, data_dir: Path
) -> None:
    """A daily cron job on a damaged file: every run refused, no good backup pushed out."""
    truncate(data_dir)
    before = sorted(p.name for p in (data_dir / "backups").iterdir())
    for _ in range(25):
        result = cli("backup")
        assert result.code == 1
    line = one_line(result.err)
    assert "已损坏" in line and "未备份" in line and branch.name in line
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == before
    listing = cli("restore").out
    assert f"{branch.name}  " in listing
    marked = [row for row in listing.splitlines() if "最新可用" in row]
    assert len(marked) == 1 and branch.name in marked[0]


def test_restore_does_not_offer_the_backup_of_an_empty_folder(
    cli, tmp_path: Path, data_dir: Path
) -> None:
    """Importing into a new folder backs up its empty file: listed, never 最新可用."""
    assert cli("init", "--name", NAME, "--data", str(tmp_path / "source")).code == 0
    bundle = tmp_path / "bundle.json"
    assert cli("export", "bundle", str(bundle), "--data", str(tmp_path / "source")).code == 0
    data_dir.mkdir()
    assert cli("import", "bundle", str(bundle)).code == 0
    listing = cli("restore").out
    assert "导入前" in listing and "最新可用" not in listing
