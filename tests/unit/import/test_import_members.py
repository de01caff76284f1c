"""`branchtui import members`: the report a secretary reads, and what lands in branch.json."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from branchtui.domain.records import Member
from branchtui.storage.store import Store

HEADER_LINE = "序号,姓名,性别,民族,出生年月,身份证号,手机号码,入党时间,转正时间,党小组"
HEADER = HEADER_LINE.split(",")


@pytest.fixture
def roster(csv_file, make_id, tmp_path: Path):
    """A GBK roster CSV (title row, then header) with the rows given."""

    def write(*rows: list[object], name: str = "名册.csv") -> Path:
        return csv_file(tmp_path / name, [["××党支部党员名册"], HEADER, *rows], "gbk")

    return write


@pytest.fixture
def good_rows(make_id) -> list[list[str]]:
    zhang, li, wang = make_id("19900102"), make_id("19850304", male=False), make_id("19700101", 3)
    return [
        f"1,张三,男,汉,1990.01,{zhang},13812345678,2012/7/1,2013/7/1,第一党小组".split(","),
        f"2,李四,女,回族,1985-03-04,{li},,2005年6月,2006年6月,".split(","),
        f"3,王五,男,汉族,197001,{wang},0592-1234567,1995-01-01,1996-01-01,第一党小组".split(","),
    ]


def _members(folder: Path) -> dict[str, dict]:
    raw = orjson.loads((folder / "branch.json").read_bytes())
    # Read through the record type: schema 3 leaves fields equal to their default out of the file.
    return {doc["name"]: Member.from_dict(doc).to_dict() for doc in raw["members"].values()}


def _backups(folder: Path) -> list[str]:
    where = folder / "backups"
    return sorted(p.name for p in where.iterdir()) if where.is_dir() else []


def test_clean_import_saves_every_member_in_one_commit(cli, roster, good_rows, branch_dir) -> None:
    before = _backups(branch_dir)
    result = cli("import", "members", roster(*good_rows))
    assert result.code == 0, result.err
    assert "新党员 3 人" in result.out
    assert "已保存：新增党员 3 人" in result.out
    members = _members(branch_dir)
    assert set(members) == {"张三", "李四", "王五"}
    zhang = members["张三"]
    assert (zhang["birth_date"], zhang["ethnicity"], zhang["full_date"]) == (
        "1990-01-02",
        "汉族",
        "2013-07-01",
    )
    group = Store.open(branch_dir).snapshot().groups[0]
    assert zhang["group_id"] == members["王五"]["group_id"] == group.id
    # One commit: exactly one new backup, taken before the import.
    new = [b for b in _backups(branch_dir) if b not in before]
    assert len(new) == 1 and new[0].endswith("-import.json")
    assert new[0] in result.out


def test_bad_id_number_is_reported_by_row_and_nothing_is_saved(
    cli, roster, good_rows, make_id, branch_dir
) -> None:
    good = make_id("19880808", 5)
    bad = good[:-1] + ("1" if good[-1] == "0" else "0")  # a wrong check character
    path = roster(*good_rows, [4, "赵六", "男", "汉", "1988-08-08", bad, "", "2010-01-01", "", ""])
    before = (branch_dir / "branch.json").read_bytes()
    result = cli("import", "members", path)
    assert result.code == 1
    assert "第6行 身份证号：身份证号校验位不正确" in result.out
    assert "未保存任何数据" in result.err and len(result.err.strip().splitlines()) == 1
    assert (branch_dir / "branch.json").read_bytes() == before
    skipped = cli("import", "members", path, "--skip-bad")
    assert skipped.code == 0, skipped.err
    assert set(_members(branch_dir)) == {"张三", "李四", "王五"}


def test_dry_run_saves_nothing(cli, roster, good_rows, branch_dir) -> None:
    before = (branch_dir / "branch.json").read_bytes()
    result = cli("import", "members", roster(*good_rows), "--dry-run")
    assert result.code == 0, result.err
    assert "新党员 3 人" in result.out and "未保存任何数据" in result.out
    assert (branch_dir / "branch.json").read_bytes() == before


def test_unknown_group_is_listed_or_created(cli, roster, good_rows, branch_dir) -> None:
    rows = [
        *good_rows[:2],
        [9, "钱七", "女", "汉", "", "", "", "2001-07-01", "2002-07-01", "第三党小组"],
    ]
    result = cli("import", "members", roster(*rows))
    assert result.code == 1
    assert "系统中没有这些党小组：第三党小组" in result.out
    assert "第5行 党小组" in result.out
    created = cli("import", "members", roster(*rows), "--create-groups")
    assert created.code == 0, created.err
    assert "新建党小组 1 个" in created.out
    groups = {g.name: g.id for g in Store.open(branch_dir).snapshot().groups}
    assert _members(branch_dir)["钱七"]["group_id"] == groups["第三党小组"]


def test_reimport_reports_duplicates_and_update_keeps_ids(
    cli, roster, good_rows, branch_dir
) -> None:
    assert cli("import", "members", roster(*good_rows)).code == 0
    ids = {name: doc["id"] for name, doc in _members(branch_dir).items()}
    again = cli("import", "members", roster(*good_rows))
    assert again.code == 0
    assert "重复 3 人" in again.out and "--update" in again.out
    assert "没有需要保存的党员" in again.out
    changed = [list(row) for row in good_rows]
    changed[1][6] = "13900001111"
    updated = cli("import", "members", roster(*changed), "--update")
    assert updated.code == 0, updated.err
    assert "更新 1 人，无变化 2 人" in updated.out
    members = _members(branch_dir)
    assert {name: doc["id"] for name, doc in members.items()} == ids
    assert members["李四"]["phone"] == "13900001111"
    assert members["李四"]["rev"] == 2


def test_xlsx_import_from_the_command_line(cli, xlsx, good_rows, branch_dir, tmp_path) -> None:
    path = xlsx(tmp_path / "名册.xlsx", [["××党支部党员名册"], HEADER, *good_rows], ("A1:J1",))
    result = cli("import", "members", path)
    assert result.code == 0, result.err
    assert "工作表“党员名册”，表头在第2行" in result.out
    assert len(_members(branch_dir)) == 3


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("nowhere.csv", None, "找不到文件"),
        ("roster.docx.txt.pdf", b"%PDF", "无法识别"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
        ("no-name.csv", "序号,性别\r\n1,男\r\n".encode(), "找不到“姓名”列"),
    ],
)
def test_unreadable_files_give_one_chinese_line(
    cli, branch_dir, tmp_path: Path, name, content, words
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = cli("import", "members", path)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.err


def test_the_example_in_the_docs_imports_cleanly(cli, branch_dir) -> None:
    example = Path(__file__).parents[3] / "docs" / "examples" / "roster-example.csv"
    result = cli("import", "members", example, "--create-groups")
    assert result.code == 0, result.err
    assert "新党员 5 人，重复 0 人，有问题 0 行" in result.out
    members = _members(branch_dir)
    assert members["欧阳明"]["birth_date"] == "1960-01-18"  # from the 身份证号
    assert members["赵鹏"]["status"] == "probationary"
    assert members["张建国"]["birth_date"] == "1968-05-12"  # 1968.05 + the 身份证号's day
