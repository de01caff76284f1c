"""A full disk is a one-line Chinese message; a crash log names no member's data."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from branchtui.domain.records import Branch, Member
from branchtui.storage import atomic, folder_obligations
from branchtui.storage.errors import DiskFullError
from branchtui.storage.store import Store

ID_NUMBER = "350203199001011234"
PHONE = "13912345678"


@pytest.fixture
def branch_dir(data_dir: Path) -> Path:
    store = Store.open(data_dir, create=True)
    with store.transaction() as tx:
        tx.set_branch(Branch(name="第一党支部"))
        tx.insert(Member(name="钱二", id_number=ID_NUMBER, phone=PHONE))
    return data_dir


def _full_disk(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
    def no_space(fd: int, chunks: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "writev", no_space)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_save_on_a_full_disk_is_one_line_and_changes_nothing(
    cli, one_line, branch_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    before = (branch_dir / "branch.json").read_bytes()
    _full_disk(monkeypatch, code)
    result = cli("report", "monthly", "--month", "2026-10", "--data", branch_dir)
    assert result.code == 1
    line = one_line(result.err)
    assert line.startswith("磁盘空间不足")
    assert "原有数据保持不变" in line and "backups/" in line
    assert "程序内部出错" not in line
    assert (branch_dir / "branch.json").read_bytes() == before
    assert not list(branch_dir.rglob("*.tmp"))
    assert not (branch_dir / "logs").exists()


def test_the_store_says_disk_full_for_the_tui(branch_dir: Path, monkeypatch) -> None:
    store = Store.open(branch_dir)
    _full_disk(monkeypatch)
    with pytest.raises(DiskFullError) as caught:
        store.add(Member(name="孙三"))
    assert caught.value.message.startswith("磁盘空间不足，文件 branch.json 未能写入")
    assert [m.name for m in Store.open(branch_dir).snapshot().members] == ["钱二"]


def test_a_full_disk_outside_the_store_is_still_one_line(
    cli, one_line, branch_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(folder_obligations, "obligations_for_folder", no_space)
    result = cli("todo", "--data", branch_dir)
    assert result.code == 1
    assert one_line(result.err).startswith("磁盘空间不足")


def test_a_crash_log_holds_no_personal_data(
    cli, one_line, branch_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(folder: Path, snapshot, day):
        member = snapshot.members[0]
        secret = member.id_number  # a local the log must not show
        mail = "@".join(["a", "b.cn"])
        raise ValueError(f"cannot judge {member.name} {secret} {member.phone} {mail}")

    monkeypatch.setattr(folder_obligations, "obligations_for_folder", crash)
    result = cli("todo", "--on", "2026-11-27", "--data", branch_dir)
    assert result.code == 1
    line = one_line(result.err)
    assert "程序内部出错（ValueError）" in line
    (log,) = (branch_dir / "logs").iterdir()
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "ValueError: cannot judge" in text and "in crash" in text
    for private in (ID_NUMBER, "19900101", PHONE, "钱二", "a@b.cn", str(branch_dir)):
        assert private not in text
    assert "命令：branchtui todo --on … --data …" in text
