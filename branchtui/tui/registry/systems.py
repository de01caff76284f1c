"""建章立制 (SYS): the screens of this area, in the order its menu lists them.

规章制度 (SYS-1), 年度工作计划 (SYS-2), 电子台帐 (SYS-3: the records filed, their recorder and
photos; 台账体检 in 组织生活 mends them, 台账汇编 in 报告 binds them), 附件与照片 (SYS-3: the
files copied in, what each is used by) and 上级检查 (SYS-4).
"""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, register_actions


def _years(prefix: str, what: str) -> tuple[ActionSpec, ActionSpec]:
    """``[`` and ``]``: the year before and after the one shown."""
    return (
        ActionSpec(
            f"{prefix}-prev-year",
            "left_square_bracket",
            "上一年",
            f"上一年的{what}",
            f"查看上一年的{what}",
            "shift_year(-1)",
            group="年度",
        ),
        ActionSpec(
            f"{prefix}-next-year",
            "right_square_bracket",
            "下一年",
            f"下一年的{what}",
            f"查看下一年的{what}",
            "shift_year(1)",
            group="年度",
        ),
    )


SYSTEMS = ScreenSpec(
    id="systems",
    area="systems",
    key="s",
    title="规章制度",
    help="“三会一课”、学习培训、民主评议、发展党员、党内监督、党务公开等制度（SYS-1）",
    factory="branchtui.tui.screens.systems:SystemsScreen",
    settles=("systems",),
    actions=register_actions(
        "systems",
        "制度",
        closes="废止",
        years=False,
        extra=(
            ActionSpec(
                "systems-attach",
                "f",
                "附件",
                "添加制度文本附件",
                "把服务器上的制度文本文件复制到数据目录，附在选中的制度上（可不加）",
                "attach",
            ),
        ),
    ),
)

PLANS = ScreenSpec(
    id="plans",
    area="systems",
    key="p",
    title="年度工作计划",
    help="每年初制订全年工作计划，逐项明确内容、形式、负责人和时间进度（SYS-2）",
    factory="branchtui.tui.screens.work_plan:WorkPlanScreen",
    settles=("plans",),
    actions=(
        ActionSpec("plans-add", "a", "新增", "新增计划项目", "在本年度计划中增加一个项目", "add"),
        ActionSpec(
            "plans-edit",
            "e",
            "编辑",
            "编辑计划项目",
            "修改选中的项目（也可按 Enter）",
            "edit",
        ),
        ActionSpec(
            "plans-done",
            "c",
            "完成",
            "项目已完成",
            "登记选中项目的完成时间",
            "complete",
        ),
        ActionSpec(
            "plans-remove", "d", "删除", "删除计划项目", "删除选中的项目（先确认）", "remove"
        ),
        ActionSpec(
            "plans-adopted",
            "t",
            "通过时间",
            "计划通过时间",
            "登记本年度计划经支委会研究通过的日期",
            "adopted",
        ),
        ActionSpec(
            "plans-year",
            "y",
            "年份",
            "选择计划年度",
            "查看或制订另一年度的工作计划",
            "choose_year",
        ),
        *_years("plans", "工作计划"),
    ),
)

LEDGER = ScreenSpec(
    id="ledger",
    area="systems",
    key="l",
    title="电子台帐",
    help="会议、活动专人记录、拍照，分类归入电子台帐（SYS-3）",
    factory="branchtui.tui.screens.ledger:LedgerScreen",
    settles=("ledger",),
    actions=(
        ActionSpec(
            "ledger-file", "f", "归档", "归入台帐", "把选中的会议或活动归入电子台帐", "file"
        ),
        ActionSpec(
            "ledger-file-all",
            "g",
            "全部归档",
            "全部归入台帐",
            "把本年度尚未归档的会议和活动全部归入电子台帐",
            "file_all",
        ),
        ActionSpec(
            "ledger-checks",
            "k",
            "台账体检",
            "打开台账体检",
            "查看会议记录的问题并修改（如补记录人）",
            "checks",
        ),
        *_years("ledger", "台帐"),
    ),
)

ATTACHMENTS = ScreenSpec(
    id="attachments",
    area="systems",
    key="f",
    title="附件与照片",
    help="会议照片、签到表扫描件、制度文本等附件及所属记录；删除误加的附件（SYS-3）",
    factory="branchtui.tui.screens.attachments:AttachmentsScreen",
    actions=(
        ActionSpec(
            "attachments-edit",
            "e",
            "说明",
            "修改附件说明",
            "修改选中附件的说明（也可按 Enter）",
            "edit",
        ),
        ActionSpec(
            "attachments-remove",
            "d",
            "删除",
            "删除附件",
            "删除误加的附件：记录中不再引用，数据目录中的文件随之删除（先确认；数据备份中仍有记录）",
            "remove",
        ),
        ActionSpec(
            "attachments-year",
            "y",
            "年份",
            "附件按年份筛选",
            "只看某一年添加的附件",
            "choose_year",
        ),
    ),
)

INSPECTIONS = ScreenSpec(
    id="inspections",
    area="systems",
    key="i",
    title="上级检查",
    help="上级党委每年至少一次检查支部各项制度落实情况，登记检查意见（SYS-4）",
    factory="branchtui.tui.screens.inspections:InspectionsScreen",
    settles=("inspections",),
    actions=register_actions("inspections", "检查记录"),
)

SCREENS: tuple[ScreenSpec, ...] = (SYSTEMS, PLANS, LEDGER, ATTACHMENTS, INSPECTIONS)
