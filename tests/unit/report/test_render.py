"""Rendering the reports: Chinese headings and figures, masking, and the user's own templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.storage.reports import render_monthly, render_year
from branchtui.storage.store import Store
from branchtui.storage.templates import TemplateError, environment, render

from .conftest import ID_NUMBER, PHONE

ON = dt.date(2026, 11, 27)
HEADINGS = (
    "# 关于第一党支部2026年10月开展党支部基本建设工作情况的报告",
    "中共示例集团有限公司委员会：",
    "## 一、组织体系建设情况",
    "## 二、组织生活开展情况",
    "### （一）“三会一课”",
    "### （二）主题党日",
    "## 三、组织关系管理情况",
    "## 四、党员教育管理情况",
    "## 五、发展党员工作情况",
    "## 六、党内关怀帮扶情况",
    "## 七、建章立制和基础保障情况",
    "## 八、存在的问题和待办事项",
    "## 九、2026年11月工作安排",
)


@pytest.fixture
def october(store: Store) -> str:
    return render_monthly(store, "2026-10", ON)


def test_monthly_report_has_the_plans_headings_in_order(october: str) -> None:
    positions = [october.index(h) for h in HEADINGS]
    assert positions == sorted(positions)


def test_monthly_report_states_the_months_figures(october: str) -> None:
    assert "共有党员 4 名，其中正式党员 3 名、预备党员 1 名；未设党小组。" in october
    assert "支部党员大会 0 次；支部委员会会议 1 次；全体党员学习 0 次；党课 1 次。" in october
    assert "应到 4 人，实到 2 人，请假 1 人，出席率 50.0%" in october
    assert "内容包括政治学习、交纳党费，时长 2.5 小时" in october
    assert "学习党章，书记讲党课（与主题党日合并召开），主讲：赵一" in october
    assert "本年度累计集中学习 5 天，要求全年不少于 12 天，尚差 7 天" in october
    assert "应交党费党员 5 名，已交 3 名，收缴党费 35.50 元；未交：周五（已转出）、李四" in october
    assert "转出组织关系：周五（2026年10月19日" not in october
    assert "转出组织关系：周五（2026年10月20日，转往中共示例二支部）" in october
    assert "2026年10月9日：吴六，确定为入党积极分子" in october
    assert "1. 召开组织生活会（会议），责任人：赵一，完成时间：2026年11月20日" in october


def test_open_duties_are_listed_with_their_rule_ids(october: str) -> None:
    section = october[october.index("## 八") : october.index("## 九")]
    assert "| 规则 | 状态 | 事项 | 情况 | 期限 |" in section
    assert "| LIFE-1 | 待办 |" in section


def test_the_profile_in_force_is_printed(store: Store) -> None:
    october = render_monthly(store, "2026-10", ON, with_settings=True)
    assert "规则配置为“2017年实施方案（默认）”。" in october and "plan-2017" not in october
    assert "| 党支部任期 | 2年 |" in october
    assert "| 月度工作报告报送日（此日前） | 17日 |" in october


def test_personal_data_is_masked(october: str) -> None:
    assert "139****5678" in october
    assert PHONE not in october
    assert ID_NUMBER not in october


def test_year_report_renders(store: Store) -> None:
    text = render_year(store, 2026, ON)
    assert text.startswith("# 关于第一党支部2026年度开展党支部基本建设工作情况的报告")
    assert "> 注：2026年尚未结束，本报告数据截至2026年11月27日。" in text
    assert "| 主题党日 | 1 | 每月1次，全年12次 | 50.0% |" in text
    assert "## 八、年度考核自评" in text


def _user_template(data_dir: Path, text: str, name: str = "monthly.md.j2") -> Path:
    folder = data_dir / "templates" / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_users_own_template_wins(store: Store, data_dir: Path) -> None:
    _user_template(data_dir, "自定义报告：{{ branch.name }}，{{ dues.collected | money }} 元\n")
    assert render_monthly(store, "2026-10", ON) == "自定义报告：第一党支部，35.50 元\n"
    # The other templates still come from the package.
    assert render_year(store, 2026, ON).startswith("# 关于第一党支部2026年度")


def test_an_undefined_name_is_a_chinese_error_with_file_and_line(
    store: Store, data_dir: Path
) -> None:
    path = _user_template(data_dir, "第一行\n{{ branch.name }}\n{{ no_such_thing }}\n")
    with pytest.raises(TemplateError) as caught:
        render_monthly(store, "2026-10", ON)
    message = caught.value.message
    assert str(path) in message
    assert "第 3 行" in message
    assert "未定义的变量“no_such_thing”" in message
    assert "\n" not in message


def test_a_syntax_error_names_the_line(store: Store, data_dir: Path) -> None:
    _user_template(data_dir, "好\n{% for x in %}\n")
    with pytest.raises(TemplateError) as caught:
        render_monthly(store, "2026-10", ON)
    assert "第 2 行" in caught.value.message
    assert "模板语法错误" in caught.value.message


def test_a_missing_field_is_named(data_dir: Path) -> None:
    env = environment(data_dir)
    _user_template(data_dir, "{{ branch.secretary }}", name="x.md.j2")
    with pytest.raises(TemplateError) as caught:
        render(env, "reports/x.md.j2", {"branch": {"name": "第一党支部"}})
    assert "不存在的字段“secretary”" in caught.value.message


def test_an_unknown_template_is_a_chinese_error() -> None:
    with pytest.raises(TemplateError) as caught:
        render(environment(None), "reports/none.md.j2", {})
    assert caught.value.message == "找不到模板 reports/none.md.j2。"


def test_a_removal_after_suspension_is_reported_in_its_month(data_dir: Path) -> None:
    # NAT-6: 赵一 suspended in March 2026 (off the roster then), removed as 自行脱党 in October.
    from branchtui.domain.lost_contact import record_step
    from branchtui.domain.records import LostContact

    from .conftest import build_branch

    data = build_branch()
    zhao = next(m for m in data.members if m.name == "赵一")
    case = LostContact(member_id=zhao.id, since=dt.date(2025, 6, 1))
    data.lost_contacts.append(case)
    store = Store.open(data_dir, create=True)
    store.replace_all(data)
    with store.transaction() as tx:
        tx.apply(record_step(store.snapshot(), case, "suspend", dt.date(2026, 3, 2)))
    suspended = store.snapshot().find("lost_contacts", case.id)
    with store.transaction() as tx:
        tx.apply(record_step(store.snapshot(), suspended, "remove", dt.date(2026, 10, 12)))
    march = render_monthly(store, "2026-03", ON)
    assert "- 减少党员：赵一（2026年3月2日，停止党籍）" in march
    october = render_monthly(store, "2026-10", ON)
    assert "- 按自行脱党除名：赵一（2026年10月12日；2026年3月2日已停止党籍）" in october
