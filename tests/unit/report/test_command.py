"""`branchtui report`: the file lands in reports/, the MonthlyReport is recorded, errors are one line."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import stat
import tomllib
from pathlib import Path

import pytest

from branchtui.domain.obligations import obligations_on
from branchtui.storage.reports import make_monthly_report
from branchtui.storage.store import Store
from branchtui.storage.templates import PackagedTemplates, environment

D = dt.date
REPO = Path(__file__).resolve().parents[3]


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0]), text
    return lines[0]


@pytest.mark.usefixtures("store")
def test_monthly_report_lands_in_reports_and_is_recorded(cli, data_dir: Path) -> None:
    result = cli("report", "monthly", "--month", "2026-10")
    assert result.code == 0, result.err
    path = data_dir / "reports" / "2026-10-monthly.md"
    assert f"已生成2026年10月工作报告：{path}" in result.out
    assert "请于 2026-11-16 前报送上级党委" in result.out
    assert path.read_text(encoding="utf-8").startswith("# 关于第一党支部2026年10月")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (record,) = Store.open(data_dir).snapshot().monthly_reports
    assert (record.month, record.generated, record.sent) == ("2026-10", D(2026, 11, 27), None)
    assert record.path == "reports/2026-10-monthly.md"
    assert not list((data_dir / "reports").glob(".*.tmp"))


@pytest.mark.usefixtures("store")
def test_sent_date_is_recorded_and_settles_rep1(cli, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRANCHTUI_TODAY", "2026-11-10")
    assert cli("report", "monthly", "--month", "2026-10").code == 0
    monkeypatch.setenv("BRANCHTUI_TODAY", "2026-11-27")
    result = cli("report", "monthly", "--month", "2026-10", "--sent", "2026-11-12")
    assert result.code == 0, result.err
    assert "已登记报送日期：2026-11-12" in result.out
    data = Store.open(data_dir).snapshot()
    (record,) = data.monthly_reports  # updated, not added twice
    assert record.sent == D(2026, 11, 12)
    found = obligations_on(data, D(2026, 11, 27))
    (rep1,) = [ob for ob in found if ob.rule == "REP-1" and ob.period == "2026-10"]
    assert rep1.status == "met"


@pytest.mark.parametrize("command", ["sent", "monthly"])
def test_a_sent_date_before_the_report_was_generated_is_refused(
    cli, store: Store, command: str
) -> None:
    """REP-1: a report generated on 11-27 cannot have gone up on 11-01; the 生成 date stays."""
    assert cli("report", "monthly", "--month", "2026-11").code == 0
    date = ("--date", "2026-11-01") if command == "sent" else ("--sent", "2026-11-01")
    result = cli("report", command, "--month", "2026-11", *date)
    assert result.code == 1
    assert "报送日期 2026-11-01 早于报告的生成日期 2026-11-27，未登记" in _one_line(result.err)
    (record,) = store.snapshot().monthly_reports
    assert (record.generated, record.sent) == (D(2026, 11, 27), None)


def test_a_report_sent_by_hand_is_recorded_before_one_is_generated(cli, store: Store) -> None:
    """Sent on paper before this branch used the program: the sent date alone is recorded,
    and generating the file afterwards keeps it."""
    assert cli("report", "sent", "--month", "2026-10", "--date", "2026-11-12").code == 0
    assert cli("report", "monthly", "--month", "2026-10").code == 0
    (record,) = store.snapshot().monthly_reports
    assert (record.generated, record.sent) == (D(2026, 11, 27), D(2026, 11, 12))


@pytest.mark.parametrize(
    "args",
    [
        ("monthly", "--month", "2025-12"),
        ("monthly", "--month", "1999-01"),
        ("sent", "--month", "2025-12", "--date", "2026-01-10"),
        ("text", "--month", "2025-12", "--plans", "补开支委会"),
        ("year", "--year", "2025"),
        ("debrief", "--year", "1999"),
        ("ledger", "--year", "2025"),
    ],
)
def test_periods_before_the_branch_began_are_refused(cli, store: Store, args) -> None:
    """The branch was set up on 2026-01-01 (成立时间): nothing before it can be reported."""
    result = cli("report", *args)
    assert result.code == 1
    line = _one_line(result.err)
    assert "在本支部成立（2026年1月1日）之前，没有可报告的记录" in line
    assert "支部信息" in line
    assert store.snapshot().monthly_reports == []
    assert not (store.data_dir / "reports").exists()


def test_the_report_list_starts_with_the_branch(cli, store: Store) -> None:
    result = cli("report", "list", "--year", "2025")
    assert result.code == 0
    assert "2025年在本支部成立（2026年1月1日）之前" in result.out
    months = [line.split()[0] for line in cli("report", "list").out.splitlines()[1:]]
    assert months[0] == "2026-01"


def test_regenerating_keeps_the_first_generated_date(cli, store: Store, monkeypatch) -> None:
    monkeypatch.setenv("BRANCHTUI_TODAY", "2026-11-10")
    assert cli("report", "monthly", "--month", "2026-10").code == 0
    monkeypatch.setenv("BRANCHTUI_TODAY", "2026-11-27")
    assert cli("report", "monthly", "--month", "2026-10").code == 0
    (record,) = store.snapshot().monthly_reports
    assert record.generated == D(2026, 11, 10)


@pytest.mark.usefixtures("store")
def test_output_file_option(cli, tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "上报" / "十月.md"
    target.parent.mkdir()
    result = cli("report", "monthly", "--month", "2026-10", "-o", target)
    assert result.code == 0, result.err
    assert "## 九、2026年11月工作安排" in target.read_text(encoding="utf-8")
    (record,) = Store.open(data_dir).snapshot().monthly_reports
    assert record.path == str(target.resolve())


@pytest.mark.usefixtures("store")
def test_year_report_command(cli, data_dir: Path) -> None:
    result = cli("report", "year", "--year", "2026")
    assert result.code == 0, result.err
    text = (data_dir / "reports" / "2026-year.md").read_text(encoding="utf-8")
    assert text.startswith("# 关于第一党支部2026年度开展党支部基本建设工作情况的报告")


@pytest.mark.usefixtures("store")
def test_broken_user_template_is_one_chinese_line_and_writes_nothing(cli, data_dir: Path) -> None:
    folder = data_dir / "templates" / "reports"
    folder.mkdir(parents=True)
    (folder / "monthly.md.j2").write_text("{{ branch.name }\n", encoding="utf-8")
    result = cli("report", "monthly", "--month", "2026-10")
    assert result.code == 1
    line = _one_line(result.err)
    assert "monthly.md.j2 第 1 行有误" in line
    assert not (data_dir / "reports" / "2026-10-monthly.md").exists()
    assert Store.open(data_dir).snapshot().monthly_reports == []


@pytest.mark.usefixtures("store")
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--month", "2026-12"), "尚未开始"),
        (("--month", "2026-13"), "月份无效"),
        (("--month", "2026-10", "--sent", "2026-09-30"), "早于2026年10月"),
        (("--month", "2026-10", "--sent", "2026-12-01"), "晚于今天"),
        (("--month", "2026-10", "-o", "/no/such/folder/r.md"), "不存在"),
    ],
)
def test_user_mistakes_are_one_line(cli, args: tuple[str, ...], words: str) -> None:
    result = cli("report", "monthly", *args)
    assert result.code == 1
    assert words in _one_line(result.err)


def test_report_without_a_branch_is_one_line(cli) -> None:
    result = cli("report", "monthly", "--month", "2026-10")
    assert result.code == 1
    assert "branchtui init" in _one_line(result.err)


def test_package_data_ships_every_template() -> None:
    """pyproject's package-data globs cover each template, so the wheel carries them."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["branchtui"]
    package = REPO / "branchtui"
    shipped = {p for pattern in patterns for p in package.glob(pattern)}
    templates = {p for p in (package / "templates").rglob("*") if p.is_file()}
    assert package / "templates/reports/monthly.md.j2" in templates
    assert package / "templates/reports/year.md.j2" in templates
    assert templates <= shipped


def test_packaged_templates_are_read_from_the_installed_package() -> None:
    # In CI the package is installed from its wheel (scripts/test), so this reads the wheel's copy.
    source, filename, _ = PackagedTemplates().get_source(environment(None), "reports/monthly.md.j2")
    installed = importlib.resources.files("branchtui") / "templates" / "reports" / "monthly.md.j2"
    assert source == installed.read_text(encoding="utf-8")
    assert "## 一、组织体系建设情况" in source
    assert filename == "branchtui/templates/reports/monthly.md.j2"


def test_a_newer_data_file_gets_its_report_but_no_record(store: Store, data_dir: Path) -> None:
    raw = json.loads((data_dir / "branch.json").read_text(encoding="utf-8"))
    raw["_meta"]["schema_version"] = 999
    (data_dir / "branch.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    newer = Store.open(data_dir)
    assert newer.read_only
    written = make_monthly_report(newer, "2026-10", D(2026, 11, 27))
    assert written.path.read_text(encoding="utf-8").startswith("# 关于第一党支部")
    assert written.record is None
    assert written.notice and "只读" in written.notice
    assert json.loads((data_dir / "branch.json").read_text(encoding="utf-8")) == raw
