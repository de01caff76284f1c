"""The October 2026 report of the hand-built branch (conftest.py), checked line by line against
the records, and against the dashboard of the next day; an empty month; REP-1 and the sent date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from branchtui.domain.dates import cn_dates
from branchtui.domain.obligations import obligations_on
from branchtui.domain.records import Fluctuation, Meeting, Talk
from branchtui.storage.reports import (
    make_monthly_report,
    record_sent,
    render_monthly,
    render_year,
    save_monthly_texts,
)
from branchtui.storage.store import Store

from .conftest import ID_NUMBER, PHONE

D = dt.date
ON = D(2026, 11, 27)


@pytest.fixture
def lines(store: Store) -> list[str]:
    return render_monthly(store, "2026-10", ON).splitlines()


def _section(lines: list[str], heading: str) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [line for line in lines[start + 1 : end] if line]


def test_section_one_roster_and_changes(lines: list[str]) -> None:
    assert _section(lines, "## 一、") == [
        "截至2026年10月31日，党支部共有党员 4 名，其中正式党员 3 名、预备党员 1 名；未设党小组。",
        "本月党员队伍变动情况：",
        "- 接收预备党员：李四（2026年10月15日）",
        "- 转出组织关系：周五（2026年10月20日，转往中共示例二支部）",
    ]


def test_section_two_meetings_attendance_and_recorder_gaps(lines: list[str]) -> None:
    section = _section(lines, "## 二、")
    assert section[3:5] == [
        "| 支部委员会会议 | 2026年10月12日 | 研究第四季度工作 | 3 | 3 | 0 | 100.0% |",
        "| 党课 | 2026年10月8日 | 学习党章，书记讲党课（与主题党日合并召开），主讲：赵一 | 4 | 2 | 1 | 50.0% |",
    ]
    assert "支部党员大会 0 次；支部委员会会议 1 次；全体党员学习 0 次；党课 1 次。" in section
    assert "平均出席率：支部委员会会议 100.0%，党课 50.0%。" in section
    assert (
        "2026年10月8日开展主题党日活动，主题为“学习党章，书记讲党课”，内容包括政治学习、交纳党费，"
        "时长 2.5 小时；应到 4 人，实到 2 人，请假 1 人，出席率 50.0%。"
    ) in section
    # Neither meeting names its recorder: the report still renders and lists the gap (SYS-3).
    assert section[-2:] == [
        "- 2026年10月8日主题党日、党课（学习党章，书记讲党课）未指定记录人",
        "- 2026年10月12日支部委员会会议（研究第四季度工作）未指定记录人",
    ]


def test_section_three_relations_with_the_phone_masked(lines: list[str]) -> None:
    assert _section(lines, "## 三、") == [
        "- 2026年10月20日，周五转出（转组织关系，中共示例二支部），已通过线上平台办理。",
        "- 流动党员钱二（流出，上海市，联系方式 139****5678），最近联系2026年10月2日。",
    ]


def test_section_four_study_and_dues_agree_with_the_dashboard(store: Store, lines) -> None:
    section = _section(lines, "## 四、")
    assert section[0] == (
        "本月集中学习 2 天；本年度累计集中学习 5 天，要求全年不少于 12 天，尚差 7 天。"
    )
    assert "- 2026年10月20日：党纪学习（2 天，参加 0 人）" in section
    # 周五 transferred out on 10-20 without paying: he owes October here (EDU-4), and the
    # months he may still pay back (NAT-4's six).
    assert (
        "党费交纳：2026年10月应交党费党员 5 名，已交 3 名，收缴党费 35.50 元；未交：周五（已转出）、李四。"
    ) in section
    arrears = section[-1]
    assert arrears == (
        "截至月底欠交党费：孙三欠交9个月（2026年1月至2026年9月）；"
        "赵一欠交9个月（2026年1月至2026年9月）；钱二欠交9个月（2026年1月至2026年9月）；"
        "周五（已转出）欠交6个月（2026年5月至2026年10月）；李四欠交1个月（2026年10月）。"
    )
    # The dashboard of 1 November (October's dues now late) says the same months.
    (edu4,) = [ob for ob in obligations_on(store.snapshot(), D(2026, 11, 1)) if ob.rule == "EDU-4"]
    for part in edu4.detail.split("；"):
        name, months = part.split("欠交")
        count, first = months.rstrip("）").split("个月（")
        # The dashboard's compact 2026-01 is the report's 2026年1月.
        assert f"{name}欠交{count}个月（{cn_dates(first.removesuffix('起'))}" in arrears


def test_section_five_one_probationary_figure(lines: list[str]) -> None:
    assert _section(lines, "## 五、") == [
        "截至2026年10月31日，共有入党申请人 0 名、入党积极分子 1 名、发展对象 0 名、预备党员 1 名。",
        "- 2026年10月9日：吴六，确定为入党积极分子",
    ]


def test_section_six_talks_held_and_owed(lines: list[str]) -> None:
    assert _section(lines, "## 六、") == [
        "本月开展谈心谈话 1 人次（专题谈话 1 次）。",
        "- 2026年10月18日：与周五专题谈话（转出组织关系）",
        "应谈未谈（CARE-1）：",
        "- 钱二于2026年6月1日外出流动，书记尚未与其谈心谈话",
        "- 周五于2026年10月20日转出组织关系，书记尚未与其谈心谈话",
    ]


def test_section_six_names_a_fluctuation_by_its_trigger_never_by_what_was_seen(
    store: Store,
) -> None:
    # CARE-1: 孙三's fluctuation is still owed a talk; 赵一's was talked about.
    names = {m.name: m.id for m in store.snapshot().members}
    talked = Fluctuation(
        member_id=names["赵一"], noticed=D(2026, 10, 5), description="家中变故，情绪低落"
    )
    owed = Fluctuation(
        member_id=names["孙三"], noticed=D(2026, 10, 12), description="工作调整有怨气"
    )
    store.add(talked)
    store.add(owed)
    store.add(
        Talk(
            member_id=names["赵一"],
            date=D(2026, 10, 9),
            kind="special",
            trigger="fluctuation",
            about_id=talked.id,
        )
    )
    lines = render_monthly(store, "2026-10", ON).splitlines()
    assert _section(lines, "## 六、") == [
        "本月开展谈心谈话 2 人次（专题谈话 2 次）。",
        "- 2026年10月9日：与赵一专题谈话（思想波动）",
        "- 2026年10月18日：与周五专题谈话（转出组织关系）",
        "应谈未谈（CARE-1）：",
        "- 钱二于2026年6月1日外出流动，书记尚未与其谈心谈话",
        "- 孙三于2026年10月12日出现思想波动，书记尚未与其谈心谈话",
        "- 周五于2026年10月20日转出组织关系，书记尚未与其谈心谈话",
    ]
    text = "\n".join(lines)
    assert "情绪低落" not in text and "怨气" not in text


def test_section_eight_tally_counts_exactly_the_tables_rows(lines: list[str]) -> None:
    section = _section(lines, "## 八、")
    rows = [line for line in section if line.startswith("| ") and "规则" not in line]
    overdue = sum(1 for r in rows if r.split(" | ")[1] == "已逾期")
    due = sum(1 for r in rows if r.split(" | ")[1] == "待办")
    assert overdue + due == len(rows)
    assert f"以上共 {len(rows)} 项：已逾期 {overdue} 项，待办 {due} 项。" in section
    assert "| LIFE-1 | 待办 |" in "\n".join(rows)


def test_section_nine_plan_items_and_what_falls_due(lines: list[str]) -> None:
    section = _section(lines, "## 九、")
    assert section[:2] == [
        "年度工作计划中安排在2026年11月完成的项目：",
        "1. 召开组织生活会（会议），责任人：赵一，完成时间：2026年11月20日",
    ]
    # Each date once, in the documents' one style (the deadline is in the sentence already).
    assert "- REP-1：2026年10月工作报告应于2026年11月16日前报送上级党委" in section
    assert (
        "- LIFE-5：2026年11月主题党日应于2026年11月2日（第一个工作日）开展，最迟2026年11月4日"
        in (section)
    )


def test_the_report_writes_every_date_in_one_style(store: Store) -> None:
    """Reports are formal documents: 2026年11月27日, never 2026-11-27 (nor a month 2026-08)."""
    for text in (
        render_monthly(store, "2026-10", ON),
        render_monthly(store, "2026-11", ON),
        render_year(store, 2026, ON),
        render_year(store, 2026, ON, document="debrief"),
        render_year(store, 2026, ON, document="summary"),
    ):
        assert re.findall(r"(?<![\w-])\d{4}-\d{2}", text) == []


def test_the_end_names_branch_date_and_profile_and_no_personal_data(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert "第一党支部\n2026年11月27日\n\n---" in text
    assert lines[-1] == (
        "本报告由党支部工作终端根据已录入的记录生成，执行的规则配置为“2017年实施方案（默认）”。"
    )
    assert "branchtui" not in text and "plan-2017" not in text  # no code names in a document
    assert "| 党支部任期 |" not in text  # the settings appendix is optional
    assert PHONE not in text and ID_NUMBER not in text


@pytest.mark.parametrize("topic", ["“党员示范岗”", '"党员示范岗"', "「党员示范岗」"])
def test_a_quoted_topic_is_quoted_once(store: Store, topic: str) -> None:
    theme = next(m for m in store.snapshot().meetings if "theme_day" in m.kinds)
    theme.topic = topic
    store.save(theme)
    text = render_monthly(store, "2026-10", ON)
    assert "主题为“党员示范岗”，" in text
    assert "““" not in text and "””" not in text


@pytest.mark.parametrize("topic", ["“党员示范岗”实践锻炼", '"党员示范岗"实践锻炼'])
def test_quotes_inside_a_topic_are_nested_not_doubled(store: Store, topic: str) -> None:
    theme = next(m for m in store.snapshot().meetings if "theme_day" in m.kinds)
    theme.topic = topic
    store.save(theme)
    text = render_monthly(store, "2026-10", ON)
    assert "主题为“‘党员示范岗’实践锻炼”，" in text
    assert "““" not in text


def test_the_secretarys_words_appear_as_paragraphs(store: Store) -> None:
    save_monthly_texts(
        store, "2026-10", {"problems": "党费收缴不及时\n# 不是标题", "plans": "补开支委会"}
    )
    text = render_monthly(store, "2026-10", ON)
    eight = text[text.index("## 八") : text.index("## 九")]
    assert "党费收缴不及时\n\n\\# 不是标题\n\n对照规则目录" in eight
    nine = text[text.index("## 九") :]
    assert nine.split("\n")[2] == "补开支委会"


def test_an_empty_month_is_a_sensible_report(store: Store) -> None:
    text = render_monthly(store, "2026-02", ON)
    assert "本月党员队伍无变动。" in text
    assert "本月未召开“三会一课”。" in text
    assert "本月未开展主题党日活动。" in text
    assert "本月无组织关系接转、因私出国（境）和流动党员情况。" in text
    assert "本月集中学习 0 天；本年度累计集中学习 0 天" in text
    assert "本月未登记谈心谈话。" in text
    # Everything that was due is listed, with its rule.
    # Judged at the month's last day: February's own duties are still 待办 then.
    assert (
        "| LIFE-2 | 待办 | 党支部委员会每月召开1次 | 2026年2月已召开支部委员会会议 0 次（应 1 次） |"
        in text
    )
    assert (
        "| LIFE-2 | 已逾期 | 党支部委员会每月召开1次 | 2026年1月已召开支部委员会会议 0 次（应 1 次） |"
        in text
    )
    assert "会议记录缺项" not in text


def test_generating_does_not_settle_rep1_only_the_sent_date_does(store: Store) -> None:
    make_monthly_report(store, "2026-10", D(2026, 11, 10))

    def rep1(on: dt.date):
        (found,) = [
            ob
            for ob in obligations_on(store.snapshot(), on)
            if ob.rule == "REP-1" and ob.period == "2026-10"
        ]
        return found

    assert rep1(D(2026, 11, 12)).status != "met"
    assert "已于 2026-11-10 生成，尚未登记报送日期" in rep1(D(2026, 11, 12)).detail
    assert rep1(ON).status == "overdue"
    record_sent(store, "2026-10", D(2026, 11, 12), ON)
    assert rep1(ON).status == "met"
    (record,) = store.snapshot().monthly_reports
    assert (record.generated, record.sent) == (D(2026, 11, 10), D(2026, 11, 12))


def test_a_meeting_without_recorder_from_the_command_line(cli, store: Store, data_dir) -> None:
    store.add(Meeting(kinds=["general_meeting"], date=D(2026, 10, 28), topic="讨论接收预备党员"))
    result = cli("report", "monthly", "--month", "2026-10", "--data", data_dir)
    assert result.code == 0, result.err
    text = (data_dir / "reports" / "2026-10-monthly.md").read_text(encoding="utf-8")
    assert "- 2026年10月28日支部党员大会（讨论接收预备党员）未指定记录人" in text


def test_a_theme_day_is_told_by_its_own_theme(store: Store) -> None:
    """A theme day whose 活动主题 is filled and 会议主题 is not: the report uses the former."""
    theme = next(m for m in store.snapshot().meetings if "theme_day" in m.kinds)
    assert theme.theme_day is not None
    theme.topic, theme.lecture = "", None
    theme.kinds = ["theme_day"]
    theme.theme_day.theme = "参观鼓浪屿党建教育基地，重温入党誓词"
    store.save(theme)
    text = render_monthly(store, "2026-10", ON)
    assert "主题为“参观鼓浪屿党建教育基地，重温入党誓词”" in text
    assert "（未填写议题）" not in text and "（未填写活动主题）" not in text


def test_section_one_tells_the_committees_changes(store: Store) -> None:
    """A 补选 in the month is part of section 一 (ORG-8), with how the seat was filled."""
    from branchtui.domain import committee
    from branchtui.domain.records import Election, ElectionCandidate, Term, Vacancy

    data = store.snapshot()
    member = data.members[0]
    term = Term(number=2, start=D(2026, 1, 5))
    vacancy = Vacancy(role="propaganda", since=D(2026, 9, 1))
    with store.transaction() as tx:
        tx.insert(term)
        tx.insert(vacancy)
    data = store.snapshot()
    filled = committee.by_election_seat(data, vacancy, member.id, D(2026, 10, 19))
    election = Election(
        kind="by_election",
        date=D(2026, 10, 19),
        vacancy_id=vacancy.id,
        candidates=[ElectionCandidate(member_id=member.id, votes=3, elected=True)],
    )
    with store.transaction() as tx:
        tx.apply(filled)
        tx.insert(election)
    section = _section(render_monthly(store, "2026-10", ON).splitlines(), "## 一、")
    assert section[-2:] == [
        "本月支部委员会变动情况：",
        f"- 补选{member.name}为宣传委员（2026年10月19日）",
    ]


def test_section_four_counts_the_study_hours_of_meetings_as_the_dashboard_does(
    store: Store,
) -> None:
    """EDU-1: a meeting's 学习时长 counts towards the year's study days on the dashboard; the
    report's 本月/本年度 days must say the same number (it counted study sessions only, so the
    same report said 尚差 7 天 in section 四 and 还差6.75天 in its open duties)."""
    store.add(
        Meeting(
            kinds=["group_meeting"],
            date=D(2026, 10, 26),
            topic="学习党的二十届四中全会精神",
            study_hours=2,
        )
    )
    lines = render_monthly(store, "2026-10", ON).splitlines()
    section = _section(lines, "## 四、")
    assert section[0] == (
        "本月集中学习 2.25 天；本年度累计集中学习 5.25 天，要求全年不少于 12 天，尚差 6.75 天。"
    )
    assert any(
        line.startswith("- 2026年10月26日：党小组会“学习党的二十届四中全会精神”")
        and "学习2小时，0.25 天" in line
        for line in section
    ), section
    (edu1,) = [ob for ob in obligations_on(store.snapshot(), D(2026, 10, 31)) if ob.rule == "EDU-1"]
    assert "5.25天" in edu1.detail


def test_a_sent_report_written_again_keeps_the_version_that_went_up(store: Store) -> None:
    """REP-1: the report registered as 报送 is what the upper committee holds; writing the
    month again (a meeting recorded since, the secretary's words changed) must not leave the
    branch without that version: it is kept beside, named by its sent date."""
    first = make_monthly_report(store, "2026-10", D(2026, 11, 9))
    sent_text = first.path.read_text(encoding="utf-8")
    record_sent(store, "2026-10", D(2026, 11, 10), ON)
    store.add(Meeting(kinds=["general_meeting"], date=D(2026, 10, 29), topic="补记的党员大会"))
    again = make_monthly_report(store, "2026-10", ON)
    kept = first.path.with_name("2026-10-monthly-2026-11-10报送版.md")
    assert again.kept == kept and kept.read_text(encoding="utf-8") == sent_text
    assert "补记的党员大会" in first.path.read_text(encoding="utf-8")
    # Written again once more, the version that went up stays as it was.
    saved = save_monthly_texts(store, "2026-10", {"problems": "补充的问题"}, ON)
    assert saved.rewritten == (first.path,) and saved.kept == ()
    assert kept.read_text(encoding="utf-8") == sent_text
