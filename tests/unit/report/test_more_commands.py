"""`report sent`, `report text`, `report debrief|summary|ledger` and `--with-settings`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.obligations import obligations_on
from branchtui.storage.store import Store

D = dt.date


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.mark.usefixtures("store")
def test_sent_alone_settles_rep1_without_a_file(cli, data_dir: Path) -> None:
    result = cli("report", "sent", "--month", "2026-10", "--date", "2026-11-12")
    assert result.code == 0, result.err
    assert result.out.strip() == "已登记2026年10月工作报告于 2026-11-12 报送上级党委。"
    assert not (data_dir / "reports").exists()
    data = Store.open(data_dir).snapshot()
    (rep1,) = [
        ob
        for ob in obligations_on(data, D(2026, 11, 27))
        if ob.rule == "REP-1" and ob.period == "2026-10"
    ]
    assert rep1.status == "met"


@pytest.mark.usefixtures("store")
def test_generating_says_how_to_record_the_sent_date(cli) -> None:
    result = cli("report", "monthly", "--month", "2026-10")
    assert "报送后在界面“报告 → 月度报告”中登记报送日期" in result.out
    assert "branchtui report sent --month 2026-10 --date 日期" in result.out


@pytest.mark.usefixtures("store")
def test_texts_go_into_the_reports(cli, data_dir: Path) -> None:
    assert cli("report", "text", "--month", "2026-10", "--problems", "学习不够").code == 0
    assert cli("report", "text", "--year", "2026", "--plans", "按月开支委会").code == 0
    assert cli("report", "monthly", "--month", "2026-10").code == 0
    assert "学习不够" in (data_dir / "reports" / "2026-10-monthly.md").read_text(encoding="utf-8")
    result = cli("report", "debrief", "--year", "2026")
    assert result.code == 0, result.err
    assert result.out.strip().endswith("reports/2026-debrief.md")
    assert "按月开支委会" in (data_dir / "reports" / "2026-debrief.md").read_text(encoding="utf-8")


@pytest.mark.usefixtures("store")
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("text", "--problems", "x"), "请给出 --month 或 --year 之一"),
        (("text", "--year", "2026", "--problems", "x"), "--problems 只用于 --month"),
        (("text", "--month", "2026-10", "--shortcomings", "x"), "只用于 --year"),
        (("sent", "--month", "2026-10", "--date", "2026-12-01"), "晚于今天"),
        (("ledger", "--year", "2026", "--category", "money"), "没有台账类别“money”"),
        (("summary", "--year", "2027"), "尚未开始"),
        (("debrief", "--year", "1900"), "超出范围"),
    ],
)
def test_mistakes_are_one_line(cli, args: tuple[str, ...], words: str) -> None:
    result = cli("report", *args)
    assert result.code == 1
    assert words in _one_line(result.err)


@pytest.mark.usefixtures("store")
def test_ledger_and_summary_commands_write_their_files(cli, data_dir: Path) -> None:
    result = cli("report", "ledger", "--year", "2026", "--category", "dues")
    assert result.code == 0, result.err
    assert "08-党费.md" in result.out
    assert (data_dir / "reports" / "2026-ledger" / "08-党费.md").is_file()
    assert cli("report", "summary", "--year", "2026").code == 0
    assert (data_dir / "reports" / "2026-summary.md").is_file()


@pytest.mark.usefixtures("store")
def test_settings_only_when_asked(cli, data_dir: Path) -> None:
    cli("report", "year", "--year", "2026")
    plain = (data_dir / "reports" / "2026-year.md").read_text(encoding="utf-8")
    cli("report", "year", "--year", "2026", "--with-settings")
    full = (data_dir / "reports" / "2026-year.md").read_text(encoding="utf-8")
    assert "| 党支部任期 |" not in plain and "| 党支部任期 | 2年 |" in full


@pytest.mark.usefixtures("store")
def test_list_shows_each_months_produced_and_sent_dates(cli) -> None:
    cli("report", "monthly", "--month", "2026-10")
    cli("report", "sent", "--month", "2026-09", "--date", "2026-10-20")
    result = cli("report", "list", "--year", "2026")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["月份", "生成日期", "报送日期", "报送期限", "状态"]
    assert len(lines) == 1 + 11  # January to November
    assert lines[9].split() == ["2026-09", "—", "2026-10-20", "2026-10-16", "逾期报送"]
    assert lines[10].split() == ["2026-10", "2026-11-27", "—", "2026-11-16", "逾期未报送"]
    assert lines[11].split() == ["2026-11", "—", "—", "2026-12-16", "未生成"]


@pytest.mark.usefixtures("store")
def test_words_saved_after_the_monthly_file_are_written_into_it(cli, data_dir: Path) -> None:
    """The record says the report was generated: the file says what the secretary wrote."""
    path = data_dir / "reports" / "2026-10-monthly.md"
    assert cli("report", "monthly", "--month", "2026-10").code == 0
    result = cli("report", "text", "--month", "2026-10", "--problems", "宣传委员空缺尚未补选。")
    assert result.code == 0, result.err
    assert f"已按新填写的内容重新生成：{path}" in result.out
    text = path.read_text(encoding="utf-8")
    assert "宣传委员空缺尚未补选。" in text[text.index("## 八") : text.index("## 九")]
    # A month with no file yet gets none: the words wait for it.
    result = cli("report", "text", "--month", "2026-09", "--plans", "补开支委会")
    assert result.code == 0 and "重新生成" not in result.out
    assert not (data_dir / "reports" / "2026-09-monthly.md").exists()


@pytest.mark.usefixtures("store")
def test_words_saved_after_the_debrief_is_written_are_in_it(cli, data_dir: Path) -> None:
    debrief = data_dir / "reports" / "2026-debrief.md"
    assert cli("report", "debrief", "--year", "2026").code == 0
    result = cli("report", "text", "--year", "2026", "--shortcomings", "组织生活不够经常")
    assert result.code == 0, result.err
    assert f"已按新填写的内容重新生成：{debrief}" in result.out
    assert "组织生活不够经常" in debrief.read_text(encoding="utf-8")
    assert not (data_dir / "reports" / "2026-summary.md").exists()
