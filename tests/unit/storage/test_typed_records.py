"""Typed records: every bad value of issue 7 is refused by bundle import, file open and doctor.

Each message is one Chinese line naming the table (its label), the record (position, id and
name) and the field (its label), with what was expected; no class name, no English parser text.
A data file that does not read is left exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from branchtui.domain.records import BranchData
from branchtui.storage.bundle import bundle_dict, import_bundle
from branchtui.storage.doctor import ERROR, OK, doctor, has_errors
from branchtui.storage.errors import BundleError, CorruptFileError
from branchtui.storage.layout import encode_table, file_chunks, table_chunks
from branchtui.storage.store import Store

Doc = dict[str, Any]


def _member(tables: dict[str, list[Doc]], name: str = "李四") -> Doc:
    return next(doc for doc in tables["members"] if doc["name"] == name)


def _set(table: str, pick: Callable[[dict[str, list[Doc]]], Doc], **values: Any) -> Any:
    def change(tables: dict[str, list[Doc]]) -> None:
        pick(tables).update(values)

    return change


def _first(table: str) -> Callable[[dict[str, list[Doc]]], Doc]:
    return lambda tables: tables[table][0]


def _drop_id(tables: dict[str, list[Doc]]) -> None:
    del _member(tables)["id"]


def _share_id(tables: dict[str, list[Doc]]) -> None:
    zhang, li = _member(tables, "张三"), _member(tables, "李四")
    li["id"] = zhang["id"]


# Each bad value: how the records are changed, then what every message must say.
CASES: dict[str, tuple[Callable[[dict[str, list[Doc]]], None], list[str]]] = {
    "status_list": (
        _set("members", _member, status=["zz"]),
        [
            "「党员」",
            "第 2 条记录",
            "姓名 李四",
            "status（党员类别）",
            "正式党员（full）",
            '["zz"]',
        ],
    ),
    "name_number": (
        _set("members", _member, name=123),
        ["「党员」", "name（姓名）", "应为文本", "整数 123"],
    ),
    "is_leader_text": (
        _set("members", _member, is_leader="yes"),
        ["「党员」", "姓名 李四", "is_leader（中层以上干部）", "true 或 false", '"yes"'],
    ),
    "string_for_list": (
        _set("meetings", _first("meetings"), kinds="general_meeting"),
        ["「会议」", "主题 学习党章", "kinds（会议类型）", "应为数组", '"general_meeting"'],
    ),
    "profile_plan2017": (
        _set("branch", _first("branch"), profile="plan2017"),
        ["「支部信息」", "支部名称 第一党支部", "profile（规则配置）", "全国现行规定", "plan2017"],
    ),
    "kind_zhibu": (
        _set("branch", _first("branch"), kind="zhibu"),
        ["「支部信息」", "kind（组织类型）", "党支部（branch）", "zhibu"],
    ),
    "meeting_kind_theme_dash_day": (
        _set("meetings", _first("meetings"), kinds=["theme-day"]),
        ["「会议」", "kinds[0]（会议类型）", "主题党日（theme_day）", "theme-day"],
    ),
    "attendance_status": (
        lambda tables: tables["meetings"][0]["attendance"][1].update(status="leave"),
        ["「会议」", "attendance[1].status（出席情况）", "请假（on_leave）", '"leave"'],
    ),
    "unknown_field": (
        _set("members", _member, hobby="摄影"),
        ["「党员」", "姓名 李四", "未知的字段 hobby"],
    ),
    "missing_id": (_drop_id, ["「党员」", "姓名 李四", "id"]),
    "shared_id": (_share_id, ["「党员」", "第 2 条记录", "姓名 李四", "重复"]),
}
ENGLISH = re.compile(r"Expected|expected|Object|missing|\$\.|Traceback|Error|got `")
CLASS_NAMES = re.compile(r"\b(Member|Meeting|Branch|Record|dict|list|NoneType)\b")


def _plain(message: str) -> None:
    assert "\n" not in message
    assert not ENGLISH.search(message), message
    assert not CLASS_NAMES.search(message), message


def _tables(bundle: dict[str, Any]) -> dict[str, list[Doc]]:
    """A bundle's records by table (lists shared), the branch as the one row of ``branch``."""
    tables = {name: rows for name, rows in bundle.items() if isinstance(rows, list)}
    tables.update(bundle["committee"])
    tables["branch"] = [bundle["branch"]]
    return tables


@pytest.mark.parametrize("case", sorted(CASES))
def test_bundle_import_refuses_the_bad_value(tmp_path: Path, sample: BranchData, case: str) -> None:
    change, expected = CASES[case]
    bundle = bundle_dict(sample)
    change(_tables(bundle))
    path = tmp_path / "bad.json"
    path.write_bytes(orjson.dumps(bundle))
    with pytest.raises(BundleError) as caught:
        import_bundle(path, tmp_path / "data")
    message = caught.value.message
    for part in expected:
        if part.startswith("第 "):  # a bundle lists records by id, not in the file's order
            assert re.search(r"第 \d+ 条记录", message), message
        else:
            assert part in message, message
    assert message.startswith("数据包中") and message.endswith("未导入。")
    _plain(message)
    assert not (tmp_path / "data" / "branch.json").exists()


def _write_in_our_layout(folder: Path, raw: dict[str, Any]) -> bytes:
    """The file as the store lays it out (blocks), so the fast block path reads it."""
    tables = {
        name: table_chunks(encode_table(table, None))
        for name, table in raw.items()
        if name != "_meta"
    }
    payload = b"".join(file_chunks(raw["_meta"], tables))
    (folder / "branch.json").write_bytes(payload)
    return payload


def _stored_tables(raw: dict[str, Any]) -> dict[str, list[Doc]]:
    return {name: list(table.values()) for name, table in raw.items() if name != "_meta"}


@pytest.mark.parametrize("layout", ["blocks", "indented"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_data_file_with_the_bad_value_is_refused_kept_and_doctor_says_so(
    data_dir: Path, sample: BranchData, case: str, layout: str
) -> None:
    store = Store.open(data_dir, create=True)
    store.replace_all(sample)
    store.add(type(sample.members[0])(name="王五"))  # a second commit: a good backup exists
    raw = orjson.loads((data_dir / "branch.json").read_bytes())
    change, expected = CASES[case]
    change(_stored_tables(raw))
    if layout == "blocks":
        bad = _write_in_our_layout(data_dir, raw)
    else:
        bad = orjson.dumps(raw, option=orjson.OPT_INDENT_2)
        (data_dir / "branch.json").write_bytes(bad)

    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir)
    message = caught.value.message
    for part in expected:
        assert part in message, message
    assert "branchtui restore" in message and "文件未被改动" in message
    _plain(message)
    with pytest.raises(CorruptFileError):
        store.add(type(sample.members[0])(name="赵六"))  # an open session does not write over it
    assert (data_dir / "branch.json").read_bytes() == bad

    findings = doctor(data_dir)
    assert has_errors(findings)
    errors = [f.message for f in findings if f.level == ERROR]
    assert any(all(part in line for part in expected) for line in errors), errors
    assert not any("数据文件完好" in f.message for f in findings if f.level == OK)
    for line in errors:
        _plain(line)
    assert (data_dir / "branch.json").read_bytes() == bad


def test_a_key_written_twice_in_a_record_of_the_file(data_dir: Path, sample: BranchData) -> None:
    store = Store.open(data_dir, create=True)
    store.replace_all(sample)
    path = data_dir / "branch.json"
    good = path.read_bytes()
    bad = good.replace('"name":"李四"'.encode(), '"name":"李四","name":"李五"'.encode(), 1)
    assert bad != good
    path.write_bytes(bad)
    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir).snapshot()
    message = caught.value.message
    assert "「党员」（members）第 2 条记录" in message and "键“name”出现了两次" in message
    _plain(message)
    findings = doctor(data_dir)
    assert has_errors(findings)
    assert any("键“name”出现了两次" in f.message for f in findings if f.level == ERROR)
    assert path.read_bytes() == bad


def test_a_key_written_twice_in_a_file_tidied_by_hand(data_dir: Path, sample: BranchData) -> None:
    Store.open(data_dir, create=True).replace_all(sample)
    path = data_dir / "branch.json"
    text = orjson.dumps(orjson.loads(path.read_bytes()), option=orjson.OPT_INDENT_2)
    bad = text.replace(b'"status": "on_leave"', b'"status": "on_leave", "status": "absent"', 1)
    assert bad != text
    path.write_bytes(bad)
    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir)
    assert "「会议」（meetings）第 1 条记录" in caught.value.message
    assert (
        "attendance[1]" in caught.value.message and "键“status”出现了两次" in caught.value.message
    )
    assert has_errors(doctor(data_dir))


def test_a_key_written_twice_in_a_bundle(tmp_path: Path, sample: BranchData) -> None:
    text = orjson.dumps(bundle_dict(sample), option=orjson.OPT_INDENT_2).decode("utf-8")
    bad = text.replace('"name": "李四"', '"name": "李四",\n      "name": "李五"', 1)
    assert bad != text
    path = tmp_path / "twice.json"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        import_bundle(path, tmp_path / "data")
    message = caught.value.message
    assert re.search(r"「党员」（members）第 \d 条记录（id \w+，姓名 李", message), message
    assert "键“name”出现了两次" in message
    _plain(message)
    assert not (tmp_path / "data" / "branch.json").exists()


def test_an_untouched_export_reads_without_the_slow_check(
    tmp_path: Path, sample: BranchData
) -> None:
    # The same bundle twice: equal keys in different objects are no repetition.
    path = tmp_path / "ok.json"
    path.write_bytes(orjson.dumps(bundle_dict(sample), option=orjson.OPT_INDENT_2) + b"\n")
    data = import_bundle(path, tmp_path / "data")
    assert sorted(m.name for m in data.members) == ["张三", "李四"]


def test_an_unknown_field_inside_a_meeting_part_is_refused(
    tmp_path: Path, sample: BranchData
) -> None:
    bundle = bundle_dict(sample)
    bundle["meetings"][0]["lecture"] = {"title": "党章学习", "speaker": "张三"}
    path = tmp_path / "part.json"
    path.write_bytes(orjson.dumps(bundle))
    with pytest.raises(BundleError) as caught:
        import_bundle(path, tmp_path / "data")
    assert "「会议」（meetings）第 1 条记录" in caught.value.message
    assert "未知的字段 lecture.speaker" in caught.value.message
