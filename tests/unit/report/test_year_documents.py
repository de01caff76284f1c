"""The year report's scores from a scoring sheet, the 五好 check, 述职, 工作总结 and the ledger volumes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.obligations.catalogue import RULE_IDS
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS
from branchtui.domain.report_scoring import scoring_sheet
from branchtui.storage.reports import (
    ReportError,
    make_ledger_volumes,
    render_year,
    save_year_texts,
)
from branchtui.storage.scoring_file import ScoringFileError, load_scoring_sheet
from branchtui.storage.store import Store

from .conftest import ID_NUMBER, PHONE

ON = dt.date(2026, 11, 27)
SHEET = """
title = "测试评分表"
[[stars]]
name = "合格"
min = {least}

[[areas]]
key = "LIFE"
name = "支委会"
points = 10
rules = ["LIFE-2"]
deductions = [
  {{ kind = "missing_meeting", meeting = "committee_meeting", label = "支委会少开", points = 0.1, max = 5 }},
]

[[areas]]
key = "BASE"
name = "基础保障"
points = 10
rules = ["BASE-1"]

[[five_good]]
key = "leadership"
name = "支部班子好"
rules = ["LIFE-2"]
meets = 0.9
"""


def _sheet(data_dir: Path, text: str) -> Path:
    path = data_dir / "templates" / "reports" / "scoring.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_sheet_scores_the_eight_tasks_out_of_100() -> None:
    sheet = load_scoring_sheet(None)
    assert sheet.total_points == 100
    assert {a.key for a in sheet.areas} == set(ASSESSMENT_AREAS)
    assert sheet.stars == (("五星", 95), ("四星", 85), ("三星", 75), ("二星", 65), ("一星", 60))
    assert [c.name for c in sheet.five_good] == [
        "支部班子好",
        "党员队伍好",
        "活动开展好",
        "制度建设好",
        "作用发挥好",
    ]


def test_a_sheet_of_the_data_folder_scores_and_explains(store: Store, data_dir: Path) -> None:
    _sheet(data_dir, SHEET.format(least=60))
    text = render_year(store, 2026, ON)
    # LIFE-2 in 2026 to 27 November: January–September overdue, October met, November still
    # due → 1/11, the open month counted as not done (REP-2); ten months over with one 支委会
    # held → 9 missing × 0.1.
    assert "| 支委会 | 10 | 9.1%（1/11，待办 LIFE-2） | 支委会少开 −0.9 | 0 |" in text
    # No venue recorded: BASE-1 is open, so the area is not done (it scored 100% before).
    assert "| 基础保障 | 10 | 0.0%（0/1，待办 BASE-1） | — | 0 |" in text
    assert "| 合计 | 20 | | | 0 |" in text
    assert "总分 0 分（百分制 0 分），未达到星级标准。" in text
    assert "- 支委会：支委会少开，少 9 次，每次扣 0.1 分，扣 0.9 分。" in text
    assert "年度尚未结束，尚未办完的待办事项按未完成计算，办完后得分相应提高" in text
    assert (
        "| 支部班子好 | LIFE-2：完成 1/11（9.1%），逾期：LIFE-2，待办：LIFE-2 | 未达到（要求 90.0%） | — |"
        in text
    )


def test_star_bands_are_a_setting(store: Store, data_dir: Path) -> None:
    # The fixture's 2026 scores 0 of 20 (see above): a band from 0 names it, one from 1 does not.
    _sheet(data_dir, SHEET.format(least=0))
    assert "评定为合格" in render_year(store, 2026, ON)
    _sheet(data_dir, SHEET.format(least=1))
    assert "未达到星级标准" in render_year(store, 2026, ON)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[areas]]\nkey = 1\n", "第1个考核项目缺少 key"),
        (
            SHEET.format(least=60).replace('"LIFE-2"]\ndeductions', '"LIFE-99"]\ndeductions'),
            "未知的规则编号：LIFE-99",
        ),
        (SHEET.format(least=60).replace("missing_meeting", "late"), "kind 应为"),
        ("title = ", "格式有误"),
    ],
)
def test_a_wrong_sheet_is_a_chinese_line_naming_the_file(
    store: Store, data_dir: Path, text: str, words: str
) -> None:
    path = _sheet(data_dir, text)
    with pytest.raises(ScoringFileError) as caught:
        render_year(store, 2026, ON)
    message = caught.value.message
    assert str(path) in message and words in message and "\n" not in message


def test_a_symlinked_sheet_is_refused(store: Store, data_dir: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.toml"
    real.write_text(SHEET.format(least=60), encoding="utf-8")
    folder = data_dir / "templates" / "reports"
    folder.mkdir(parents=True)
    (folder / "scoring.toml").symlink_to(real)
    with pytest.raises(Exception) as caught:
        render_year(store, 2026, ON)
    assert "是符号链接" in caught.value.message  # type: ignore[attr-defined]


def test_sheet_parsing_without_files() -> None:
    sheet = scoring_sheet(
        {"areas": [{"key": "A", "name": "甲", "points": 5, "rules": ["ORG-1"]}]}, RULE_IDS
    )
    assert sheet.title == "年度考核评分表" and sheet.total_points == 5 and sheet.stars == ()


def test_debrief_speaks_of_work_gaps_and_plans(store: Store) -> None:
    save_year_texts(store, 2026, {"shortcomings": "组织生活不够经常", "plans": "每月召开支委会"})
    text = render_year(store, 2026, ON, document="debrief")
    assert text.startswith("# 第一党支部书记2026年度抓党建工作述职报告")
    assert "述职人：赵一（第一党支部书记）" in text
    heads = ["## 一、讲工作", "## 二、找差距", "## 三、说打算"]
    assert [text.index(h) for h in heads] == sorted(text.index(h) for h in heads)
    assert "2. 组织生活：支部委员会会议 1 次、党课 1 次、主题党日 1 次" in text
    assert "组织生活不够经常" in text and "每月召开支委会" in text


def test_summary_goes_from_the_situation_to_next_year(store: Store) -> None:
    text = render_year(store, 2026, ON, document="summary")
    heads = ["## 一、基本情况", "## 二、主要工作", "## 三、存在的不足", "## 四、2027年工作打算"]
    assert [text.index(h) for h in heads] == sorted(text.index(h) for h in heads)
    assert "第一党支部隶属中共示例集团有限公司委员会，现有党员 4 名" in text
    assert "- 支部委员会会议：召开 1 次（要求：每月1次，全年12次），平均出席率 100.0%" in text
    # Without the secretary's words, the gaps are what the records show.
    assert "- 每年集中学习时间不少于12天（EDU-1）：2026年集中学习5天" in text
    assert PHONE not in text and ID_NUMBER not in text


def test_ledger_volumes_number_every_record_and_mask_personal_data(
    store: Store, data_dir: Path
) -> None:
    written = make_ledger_volumes(store, 2026, ON)
    assert [w.path.name for w in written][:3] == [
        "01-组织建设.md",
        "02-党员名册.md",
        "03-三会一课.md",
    ]
    assert len(written) == 12
    dues = (data_dir / "reports" / "2026-ledger" / "08-党费.md").read_text(encoding="utf-8")
    assert dues.startswith("# 第一党支部2026年度台账 之08：党费")
    assert "| 序号 | 所属月份 | 姓名 | 金额（元） | 交纳日期 |" in dues
    assert "| 1 | 2026年10月 | 赵一 | 10.00 | 2026年10月8日 |" in dues
    assert "| 3 | 2026年10月 | 孙三 | 5.00 | 2026年10月8日 |" in dues
    roster = written[1].text
    assert "| 2 | 钱二 | 女 |" in roster and "139****5678" in roster
    assert ID_NUMBER not in roster and PHONE not in roster
    assert "| 4 | 周五 |" in roster and "2026年10月20日减少" in roster
    assert "1380004" not in roster and "****004" in roster
    talks = written[9].text
    assert "| 1 | 2026年10月18日 | 周五 | 专题谈话 | 转出组织关系 |" in talks


def test_an_unknown_ledger_category_writes_nothing(store: Store, data_dir: Path) -> None:
    with pytest.raises(ReportError) as caught:
        make_ledger_volumes(store, 2026, ON, categories=["dues", "money"])
    assert "没有台账类别“money”" in caught.value.message
    assert not (data_dir / "reports" / "2026-ledger").exists()
