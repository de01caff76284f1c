"""Files 0600 and folders 0700 for one user; 0660 and setgid 2770 for a shared group, kept on write."""

from __future__ import annotations

import grp
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from branchtui.domain.records import Member
from branchtui.storage.bundle import export_bundle, import_bundle
from branchtui.storage.doctor import WARNING, doctor
from branchtui.storage.modes import share_folder
from branchtui.storage.store import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_private_modes_whatever_the_umask(data_dir: Path, umask: int) -> None:
    store = Store.open(data_dir, create=True)
    store.add(Member(name="张三"))
    store.add(Member(name="李四"))
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "backups") == 0o700
    assert _mode(data_dir / "branch.json") == 0o600
    assert _mode(data_dir / "branch.json.lock") == 0o600
    assert {_mode(p) for p in (data_dir / "backups").iterdir()} == {0o600}


def test_shared_group_modes_survive_later_writes(data_dir: Path, umask: int) -> None:
    store = Store.open(data_dir, create=True)
    store.add(Member(name="张三"))
    group = grp.getgrgid(os.getgid()).gr_name
    share_folder(data_dir, group)
    assert _mode(data_dir) == 0o2770
    store.add(Member(name="李四"))
    store.backup()
    assert _mode(data_dir / "branch.json") == 0o660
    assert _mode(data_dir / "branch.json.lock") == 0o660
    assert _mode(data_dir / "backups") == 0o2770
    assert {_mode(p) for p in (data_dir / "backups").iterdir()} == {0o660}
    assert (data_dir / "branch.json").stat().st_gid == os.getgid()


def test_a_mode_the_owner_chose_is_kept(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    os.chmod(data_dir / "branch.json", 0o640)
    store.add(Member(name="张三"))
    assert _mode(data_dir / "branch.json") == 0o640


def test_sharing_with_an_unknown_group_says_so(data_dir: Path) -> None:
    Store.open(data_dir, create=True)
    with pytest.raises(Exception, match="找不到用户组"):
        share_folder(data_dir, "没有这个组")


def test_a_folder_made_with_mkdir_gets_the_data_folder_modes_on_import(
    data_dir: Path, tmp_path: Path
) -> None:
    """``mkdir`` leaves 0755 (umask 022); importing a bundle into it makes it a data folder."""
    source = Store.open(tmp_path / "source", create=True)
    source.add(Member(name="张三"))
    bundle = export_bundle(source, tmp_path / "bundle.json")
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    import_bundle(bundle, data_dir)
    assert _mode(data_dir) == 0o700
    assert not [f for f in doctor(data_dir) if f.level == WARNING and "权限" in f.message]


def test_a_setgid_folder_made_for_a_shared_branch_gets_2770(data_dir: Path) -> None:
    data_dir.mkdir()
    os.chmod(data_dir, 0o2775)
    Store.open(data_dir, create=True)
    assert _mode(data_dir) == 0o2770
    assert _mode(data_dir / "branch.json") == 0o660


def test_a_folder_holding_other_things_keeps_its_modes(data_dir: Path) -> None:
    data_dir.mkdir()
    os.chmod(data_dir, 0o755)
    (data_dir / "notes.txt").write_text("not ours")
    Store.open(data_dir, create=True)
    assert _mode(data_dir) == 0o755
