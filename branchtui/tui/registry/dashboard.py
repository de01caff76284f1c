"""待办事项: the home of the app (key 1), the obligations at a date."""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, widget_key

DASHBOARD = ScreenSpec(
    id="dashboard",
    area="dashboard",
    key="1",
    title="待办事项",
    help="逾期、本月、本季度、本年度应办事项与年度进度",
    factory="branchtui.tui.screens.dashboard:DashboardScreen",
    settles=("dashboard",),
    actions=(
        ActionSpec(
            "dash-open", "enter", "详情", "查看详情", "查看选中事项的详情并办理", "open", show=False
        ),
        ActionSpec(
            "dash-prev-day",
            "left_square_bracket",
            "前一天",
            "前一天",
            "查看前一天的待办",
            "shift_days(-1)",
            group="前后一天",
        ),
        ActionSpec(
            "dash-next-day",
            "right_square_bracket",
            "后一天",
            "后一天",
            "查看后一天的待办",
            "shift_days(1)",
            group="前后一天",
        ),
        ActionSpec(
            "dash-prev-month",
            "left_curly_bracket",
            "上个月",
            "上个月",
            "查看上个月同一天的待办",
            "shift_months(-1)",
            group="前后一月",
        ),
        ActionSpec(
            "dash-next-month",
            "right_curly_bracket",
            "下个月",
            "下个月",
            "查看下个月同一天的待办",
            "shift_months(1)",
            group="前后一月",
        ),
        ActionSpec(
            "dash-today", "t", "今天", "回到今天", "回到今天的待办", "back_to_today", show=False
        ),
        ActionSpec(
            "dash-date", "d", "日期", "查看某一天", "输入日期，查看那一天的待办", "choose_date"
        ),
        ActionSpec("dash-filter", "f", "筛选", "筛选", "按状态或方面筛选", "choose_filter"),
        ActionSpec(
            "dash-progress",
            "p",
            "进度",
            "年度进度",
            "显示或隐藏本年进度（支委会、党员大会、集中学习等）",
            "toggle_progress",
        ),
        ActionSpec(
            "dash-recover",
            "b",
            "恢复数据",
            "数据备份与恢复",
            "检查数据文件，从备份恢复（仅在无法打开时）",
            "recover_data",
            here=True,  # 本页：数据备份与恢复, only then (基础保障 has its screen otherwise)
        ),
        ActionSpec(
            "dash-done",
            "c",
            "已完成",
            "已完成事项",
            "展开或收起已完成的事项",
            "toggle_done",
            show=False,
        ),
    ),
)


# The list of duties (widgets/obligation_list.py) on the dashboard and each area's menu.
DUTY_LIST_KEYS = (
    widget_key("duty-up", "up", "上一项", "光标移到上一项", "cursor_up", show=False),
    widget_key("duty-down", "down", "下一项", "光标移到下一项", "cursor_down", show=False),
    widget_key("duty-first", "home", "第一项", "光标移到第一项", "first", show=False),
    widget_key("duty-last", "end", "最后一项", "光标移到最后一项", "last", show=False),
    widget_key("duty-page-up", "pageup", "上一页", "向上翻一页", "page_up", show=False),
    widget_key("duty-page-down", "pagedown", "下一页", "向下翻一页", "page_down", show=False),
    widget_key("duty-open", "enter", "查看详情", "查看选中事项的详情", "select", show=False),
    # Sideways scrolling is never needed in the list: these keys do nothing there.
    widget_key(
        "duty-still",
        "left,right,ctrl+pageup,ctrl+pagedown",
        "不动",
        "左右键在待办列表中不起作用",
        "noop",
        show=False,
    ),
)
