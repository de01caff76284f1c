"""教育管理 (EDU): the screens of this area, in the order its menu lists them."""

from __future__ import annotations

import dataclasses

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, register_actions

STUDY = ScreenSpec(
    id="study",
    area="education",
    key="s",
    title="集中学习",
    help="学习天数、主题、测试和参加党员，全年不少于12天（EDU-1）",
    factory="branchtui.tui.screens.study:StudyScreen",
    settles=("study",),
    actions=register_actions("study", "集中学习"),
)

ACTIVITIES = ScreenSpec(
    id="activities",
    area="education",
    key="p",
    title="主题实践活动",
    help="责任区、示范岗、志愿服务，七一等纪念活动（EDU-2、EDU-3）",
    factory="branchtui.tui.screens.activities:ActivitiesScreen",
    settles=("activities",),
    actions=register_actions(
        "activities",
        "活动",
        extra=(
            ActionSpec(
                "activities-commemoration",
                "c",
                "纪念活动",
                "新增纪念活动",
                "登记“七一”或重大节日的纪念活动（EDU-3）",
                "add_commemoration",
            ),
        ),
    ),
)

ATTENDANCE = ScreenSpec(
    id="attendance",
    area="education",
    key="t",
    title="出勤情况",
    help="每名党员的出勤率，连续3个月以上缺席的标出（EDU-7）",
    factory="branchtui.tui.screens.attendance:AttendanceScreen",
    settles=("attendance",),
    actions=(
        ActionSpec(
            "attendance-lost",
            "l",
            "登记失联",
            "登记失联党员",
            "把选中的党员登记为失联党员（NAT-6）",
            "lost_contact",
        ),
        ActionSpec(
            "attendance-case",
            "x",
            "立案处置",
            "按缺席情况立案处置",
            "为选中的党员开启不合格党员处置（EDU-8）",
            "open_case",
        ),
        ActionSpec(
            "attendance-year", "y", "年份", "出勤按年份查看", "查看某一年的出勤率", "choose_year"
        ),
    ),
)


def _quiet(actions: tuple[ActionSpec, ...], *ids: str) -> tuple[ActionSpec, ...]:
    """The actions with ``ids`` left out of the Footer (still in F1 help and the palette)."""
    return tuple(dataclasses.replace(a, show=False) if a.id in ids else a for a in actions)


LOST_CONTACT = ScreenSpec(
    id="lost_contact",
    area="education",
    key="l",
    title="失联党员",
    help="失联6个月停止党籍，再满2年按自行脱党除名（NAT-6）",
    factory="branchtui.tui.screens.lost_contact:LostContactScreen",
    settles=("lost_contact",),
    actions=_quiet(
        register_actions(
            "lost_contact",
            "失联党员",
            closes="恢复联系",
            extra=(
                ActionSpec(
                    "lost_contact-suspend",
                    "s",
                    "停止党籍",
                    "记录停止党籍",
                    "失联满6个月，记录停止党籍的日期（NAT-6）",
                    "suspend",
                ),
                ActionSpec(
                    "lost_contact-remove-member",
                    "x",
                    "除名",
                    "记录除名",
                    "停止党籍满2年仍无联系，按自行脱党除名并移出名册（NAT-6）",
                    "remove_member",
                ),
                ActionSpec(
                    "lost_contact-restore",
                    "r",
                    "恢复党籍",
                    "恢复党籍（失联）",
                    "停止党籍的党员恢复联系后，本人申请、支部大会讨论、上级党委批准，恢复党籍",
                    "restore_membership",
                    keywords=("恢复党籍",),
                ),
            ),
        ),
        "lost_contact-year",
        "lost_contact-restore",  # the Footer is full at 80 columns; 恢复联系 says 按 r
    ),
)

ASSIGNMENTS = ScreenSpec(
    id="assignments",
    area="education",
    key="w",
    title="分配工作",
    help="设岗定责、党员责任区、示范岗等，逾期未完成计入NAT-5",
    factory="branchtui.tui.screens.assignments:AssignmentsScreen",
    actions=register_actions(
        "assignments",
        "分配工作",
        closes="完成",
        extra=(
            ActionSpec(
                "assignments-excuse",
                "r",
                "正当理由",
                "登记正当理由",
                "为选中的工作登记未能完成的正当理由及期间（如因病），期间不计入NAT-5",
                "excuse",
            ),
        ),
    ),
)

DISCIPLINE = ScreenSpec(
    id="discipline",
    area="education",
    key="x",
    title="不合格党员处置",
    help="处置步骤和日期，连续未尽党员义务的预警（EDU-8、NAT-5）",
    factory="branchtui.tui.screens.discipline:DisciplineScreen",
    settles=("discipline",),
    actions=register_actions(
        "discipline",
        "处置案件",
        closes="结案",
        extra=(
            ActionSpec(
                "discipline-step",
                "s",
                "步骤",
                "添加处置步骤",
                "为选中的案件记录一个处置步骤及日期",
                "add_step",
            ),
            ActionSpec(
                "discipline-from-warning",
                "o",
                "立案",
                "按预警立案",
                "为连续欠费、缺席或未完成分配工作的党员开启处置（NAT-5）",
                "open_from_warning",
            ),
        ),
    ),
)

DUES = ScreenSpec(
    id="dues",
    area="education",
    key="f",
    title="党费",
    help="按月逐人登记交纳，欠交、补交与每月标准（EDU-4、NAT-4）",
    factory="branchtui.tui.screens.dues:DuesScreen",
    settles=("dues",),
    actions=(
        ActionSpec(
            "dues-pay", "space", "交纳", "标记已交", "选中月份记为已交，金额按本年核定标准", "pay"
        ),
        ActionSpec(
            "dues-detail", "enter", "明细", "交纳明细", "查看或修改选中月份的交纳记录", "detail"
        ),
        ActionSpec(
            "dues-undo", "x", "撤销", "撤销交纳", "删除选中月份的交纳记录（先确认）", "undo"
        ),
        ActionSpec(
            "dues-theme-day",
            "t",
            "党日",
            "主题党日集中交纳",
            "选一次本月会议，出席党员本月党费记为已交",
            "theme_day",
        ),
        ActionSpec(
            "dues-month",
            "m",
            "整月",
            "名单整月已交",
            "列表中全部党员选中月份记为已交",
            "whole_month",
        ),
        ActionSpec("dues-arrears", "a", "欠费", "欠费与补交", "欠交名单，补交最多6个月", "arrears"),
        ActionSpec(
            "dues-rates",
            "r",
            "核定",
            "核定党费标准",
            "按收入和类别计算每月党费，确认或调整",
            "rates",
        ),
        ActionSpec("dues-year", "y", "年份", "党费按年份查看", "选择要查看的年份", "choose_year"),
        ActionSpec(
            "dues-group",
            "g",
            "小组",
            "党费按党小组筛选",
            "轮换党小组筛选",
            "filter_group",
            show=False,
        ),
    ),
)

DUES_ARREARS = ScreenSpec(
    id="dues_arrears",
    area="education",
    key="q",
    title="欠费补交",
    help="欠交名单，补交最多6个月，连续3个月未交提醒（NAT-5）",
    factory="branchtui.tui.screens.dues_arrears:DuesArrearsScreen",
    actions=(
        ActionSpec(
            "arrears-pay", "b", "补交", "补交欠费", "选中党员可补交的月份记为已交", "back_pay"
        ),
    ),
)

DUES_RATES = ScreenSpec(
    id="dues_rates",
    area="education",
    key="b",
    title="党费标准",
    help="年初按收入和类别核定每人每月党费（NAT-4）",
    factory="branchtui.tui.screens.dues_rates:DuesRatesScreen",
    actions=(
        ActionSpec("rates-edit", "e", "调整", "调整党费标准", "确认或修改选中党员的标准", "edit"),
        ActionSpec(
            "rates-confirm",
            "c",
            "全部确认",
            "确认全部建议",
            "尚未核定的党员按建议标准核定",
            "confirm",
        ),
        ActionSpec("rates-year", "y", "年份", "党费标准按年份", "选择要核定的年份", "choose_year"),
    ),
)

CERTIFICATES = ScreenSpec(
    id="certificates",
    area="education",
    key="z",
    title="党员证",
    help="党员证编号登记，一人一证（EDU-5）",
    factory="branchtui.tui.screens.certificates:CertificatesScreen",
    settles=("certificates",),
    actions=register_actions(
        "certificates",
        "党员证",
        extra=(
            ActionSpec(
                "certificates-next",
                "n",
                "补登",
                "补登党员证",
                "为下一位未登记党员证的党员登记编号",
                "next_missing",
            ),
        ),
    ),
)

SCREENS: tuple[ScreenSpec, ...] = (
    STUDY,
    ACTIVITIES,
    DUES,
    DUES_ARREARS,
    DUES_RATES,
    CERTIFICATES,
    ATTENDANCE,
    ASSIGNMENTS,
    LOST_CONTACT,
    DISCIPLINE,
)
