"""branchtui doctor: findings in Chinese about the file, modes, lock, references and backups."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from branchtui.domain.records import Member, PartyGroup
from branchtui.storage.doctor import ERROR, OK, WARNING, doctor, has_errors
from branchtui.storage.store import Store


def _messages(findings: list, level: str) -> str:
    return "\n".join(f.message for f in findings if f.level == level)


def test_a_healthy_folder(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    member = store.add(Member(name="张三"))
    member.note = "支部委员"
    store.save(member)  # (the backup before the first save holds no data: not a usable one)
    findings = doctor(data_dir)
    assert not has_errors(findings)
    assert _messages(findings, WARNING) == ""
    text = _messages(findings, OK)
    assert "数据文件完好" in text and "1 名党员" in text and "最新的完好备份" in text


def test_problems_a_user_can_fix_are_named(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    store.add(Member(name="张三", group_id="已删除的小组"))
    store.add(PartyGroup(name="第一党小组"))
    os.chmod(data_dir / "branch.json", 0o644)
    before = (data_dir / "branch.json").read_bytes()
    warnings = _messages(doctor(data_dir), WARNING)
    assert "group_id 指向不存在的党小组记录 已删除的小组" in warnings
    assert "权限是 0644，应为 0600" in warnings
    assert (data_dir / "branch.json").read_bytes() == before


def test_a_held_lock_and_a_missing_folder(data_dir: Path, tmp_path: Path) -> None:
    store = Store.open(data_dir, create=True)
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.transaction():
            entered.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(5)
    try:
        assert "另一个会话正在写入" in _messages(doctor(data_dir), WARNING)
    finally:
        release.set()
        holder.join()
    missing = doctor(tmp_path / "nowhere")
    assert has_errors(missing) and "branchtui init" in _messages(missing, ERROR)
