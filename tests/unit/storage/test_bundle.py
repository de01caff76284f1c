"""Export and import of a whole branch: lossless, deterministic, validated."""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pytest

from branchtui.domain.records import BranchData, Member
from branchtui.storage.backups import list_backups
from branchtui.storage.bundle import export_bundle, import_bundle
from branchtui.storage.errors import BundleError
from branchtui.storage.store import Store

from .conftest import build_sample


def test_export_import_export_is_identical(tmp_path: Path, sample: BranchData) -> None:
    first = export_bundle(sample, tmp_path / "一.json")
    imported = import_bundle(first, tmp_path / "other")
    second = export_bundle(Store.open(tmp_path / "other"), tmp_path / "二.json")
    assert first.read_bytes() == second.read_bytes()
    assert imported.to_dict() == Store.open(tmp_path / "other").snapshot().to_dict()
    again = Store.open(tmp_path / "other").snapshot()
    assert (
        again.find("members", sample.members[1].id).monthly_income
        == sample.members[1].monthly_income
    )
    assert again.meetings[0].attendance[1].reason == "出差"
    (fluctuation,) = again.fluctuations  # 思想波动 (schema 8), with who noticed it
    assert fluctuation == sample.fluctuations[0]
    assert {t.about_id for t in again.talks if t.trigger == "fluctuation"} == {fluctuation.id}


def test_bundle_shape_and_order_do_not_depend_on_record_order(tmp_path: Path) -> None:
    one = build_sample()
    two = BranchData(branch=one.branch, tables={n: list(r) for n, r in one.tables.items()})
    for records in two.tables.values():
        random.Random(7).shuffle(records)
    a = export_bundle(one, tmp_path / "a.json").read_bytes()
    b = export_bundle(two, tmp_path / "b.json").read_bytes()
    assert a == b
    bundle = orjson.loads(a)
    assert list(bundle)[:6] == ["format", "version", "branch", "profile", "members", "groups"]
    assert bundle["format"] == "branchtui-bundle" and bundle["version"] == 1
    assert sorted(bundle["committee"]) == ["seats", "terms", "vacancies"]
    assert bundle["profile"]["name"] == "plan-2017" and bundle["profile"]["report_due_day"] == 17
    assert [m["id"] for m in bundle["members"]] == sorted(m.id for m in one.members)
    assert (
        bundle["meetings"][0]["date"] == "2026-11-03" and bundle["meetings"][0]["start"] == "14:30"
    )
    assert "张三" in a.decode("utf-8")
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o600


def test_import_refuses_to_overwrite_unless_forced_then_backs_up(
    tmp_path: Path, sample: BranchData
) -> None:
    bundle = export_bundle(sample, tmp_path / "b.json")
    folder = tmp_path / "data"
    Store.open(folder, create=True).add(Member(name="原有党员"))
    before = (folder / "branch.json").read_bytes()
    with pytest.raises(BundleError, match=r"已有支部数据.*--force"):
        import_bundle(bundle, folder)
    assert (folder / "branch.json").read_bytes() == before

    import_bundle(bundle, folder, force=True)
    names = sorted(m.name for m in Store.open(folder).snapshot().members)
    assert names == ["张三", "李四"]
    (backup,) = [b for b in list_backups(folder) if b.reason == "import"]
    assert backup.path.read_bytes() == before


def _bundle(sample: BranchData, tmp_path: Path) -> dict:
    return orjson.loads(export_bundle(sample, tmp_path / "src.json").read_bytes())


BREAKAGES = {
    "format": (lambda b: b.update(format="other"), "不是 branchtui 的数据包"),
    "version": (lambda b: b.update(version=2), "版本 2 不受支持"),
    "duplicate_id": (
        lambda b: b["groups"].append({**b["groups"][0], "name": "重复"}),
        "重复",
    ),
    "dangling_member": (
        lambda b: b["meetings"][0]["attendance"].append({"member_id": "nobody"}),
        "attendance[2].member_id 指向不存在的党员记录 nobody",
    ),
    "dangling_any": (lambda b: b["talks"][0].update(about_id="nothing"), "about_id"),
    "bad_date": (lambda b: b["members"][0].update(joined="2026-02-30"), "日期格式不对"),
    "missing_field": (lambda b: b["meetings"][0].pop("date"), "缺少字段 date"),
    "unknown_table": (lambda b: b.update(orders=[]), "未知的数据表：orders"),
    "table_not_list": (lambda b: b.update(members={}), "「党员」（members）应为数组"),
}


@pytest.mark.parametrize("kind", sorted(BREAKAGES))
def test_a_broken_bundle_is_refused_with_one_chinese_line(
    tmp_path: Path, sample: BranchData, kind: str
) -> None:
    bundle = _bundle(sample, tmp_path)
    breakage, message = BREAKAGES[kind]
    breakage(bundle)
    path = tmp_path / "broken.json"
    path.write_bytes(orjson.dumps(bundle))
    with pytest.raises(BundleError) as caught:
        import_bundle(path, tmp_path / "data")
    assert message in caught.value.message
    assert "\n" not in caught.value.message
    assert not (tmp_path / "data" / "branch.json").exists()


def test_a_bundle_that_is_not_json_or_missing_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{不是 JSON", encoding="utf-8")
    with pytest.raises(BundleError, match="不是有效的 JSON"):
        import_bundle(tmp_path / "x.json", tmp_path / "data")
    with pytest.raises(BundleError, match="找不到数据包文件"):
        import_bundle(tmp_path / "none.json", tmp_path / "data")
    # A folder typed as the bundle is told as such, not as missing.
    with pytest.raises(BundleError, match="是一个目录，请给出数据包文件"):
        import_bundle(tmp_path, tmp_path / "data")


def test_a_bundle_that_cannot_be_read_says_why_in_chinese(tmp_path: Path, monkeypatch) -> None:
    """The system's English reason (Permission denied) never reaches the user."""
    import errno

    from branchtui.storage.errors import os_reason

    bundle = tmp_path / "x.json"
    bundle.write_text("{}", encoding="utf-8")

    def refused(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(BundleError) as caught:
        import_bundle(bundle, tmp_path / "data")
    assert "没有权限" in caught.value.message and "Permission" not in caught.value.message
    assert os_reason(OSError(errno.ELOOP, "Too many levels")) == "系统错误 ELOOP"
    assert os_reason(OSError(errno.ENOSPC, "No space left")) == "磁盘空间不足"
