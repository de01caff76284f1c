"""The typed records seen from the command line: one Chinese line, exit 1, nothing overwritten."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson

from branchtui.domain.records import BranchData, Member
from branchtui.storage.bundle import bundle_dict
from branchtui.storage.store import Store


def _sample() -> BranchData:
    data = BranchData()
    data.tables["members"] = [Member(name="张三"), Member(name="李四")]
    return data


def test_import_bundle_with_a_list_for_status_is_one_chinese_line(
    cli, one_line: Callable[[str], str], tmp_path: Path, data_dir: Path
) -> None:
    bundle = bundle_dict(_sample())
    bundle["members"][0]["status"] = ["zz"]
    path = tmp_path / "bad.json"
    path.write_bytes(orjson.dumps(bundle))
    result = cli("import", "bundle", path)
    assert result.code == 1
    line = one_line(result.err)
    assert "「党员」（members）第 1 条记录" in line and "status（党员类别）" in line
    assert not (data_dir / "branch.json").exists()


def test_doctor_and_todo_on_a_file_with_a_text_for_a_flag(
    cli, one_line: Callable[[str], str], data_dir: Path
) -> None:
    Store.open(data_dir, create=True).replace_all(_sample())
    path = data_dir / "branch.json"
    bad = path.read_bytes().replace(
        b'"name":"\xe6\x9d\x8e\xe5\x9b\x9b"', '"name":"李四","is_leader":"yes"'.encode()
    )
    assert bad != path.read_bytes()
    path.write_bytes(bad)
    result = cli("doctor")
    assert result.code == 1
    assert "[错误]" in result.out and "is_leader（中层以上干部）" in result.out
    assert "数据文件完好" not in result.out
    todo = cli("todo")
    assert todo.code == 1
    line = one_line(todo.err)
    assert "姓名 李四" in line and "is_leader" in line
    assert path.read_bytes() == bad
