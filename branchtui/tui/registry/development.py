"""发展党员 (DEV, NAT-3): the screens of this area, in the order its menu lists them.

The 信息库 lists everyone in development by stage with the next step and its deadline; a
person's file (一人一档) opens from it, with its own keys (``FILE_KEYS``): it needs a person, so
it is not a screen of the menu or the palette.
"""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, register_actions, widget_key

PIPELINE = ScreenSpec(
    id="development",
    area="development",
    key="d",
    title="发展党员信息库",
    help="按阶段列出每人的下一步和期限，一人一档（NAT-3、DEV）",
    factory="branchtui.tui.screens.development:DevelopmentScreen",
    settles=("development",),
    actions=(
        ActionSpec("dev-add", "a", "新增", "新增入党申请人", "登记一名入党申请人", "add"),
        ActionSpec(
            "dev-next",
            "n",
            "下一步",
            "记录下一步",
            "为选中的人记录下一个发展环节，输入时即检查时限",
            "next_step",
        ),
        ActionSpec(
            "dev-open", "o", "档案", "查看一人一档", "打开选中者的发展档案（各环节）", "open_file"
        ),
        ActionSpec(
            "dev-search", "slash", "搜索", "搜索发展对象", "按姓名、拼音、首字母搜索", "search"
        ),
        ActionSpec(
            "dev-stage", "s", "阶段", "按阶段筛选", "轮换五个阶段与逾期筛选", "filter_stage"
        ),
        ActionSpec(
            "dev-update",
            "u",
            "更新",
            "登记信息库更新",
            "登记本次发展党员信息库更新（每半年一次，DEV-1）",
            "register_update",
        ),
        ActionSpec(
            "dev-edit", "e", "编辑", "编辑个人信息", "修改选中者的个人信息", "edit", show=False
        ),
        ActionSpec(
            "dev-remove",
            "d",
            "移除",
            "终止培养或删除",
            "终止培养（档案保留为历史）或按录入错误删除",
            "remove",
            show=False,
        ),
        ActionSpec(
            "dev-history",
            "h",
            "历史",
            "显示历史",
            "显示或隐藏已终止培养、已归档的人员",
            "toggle_history",
            show=False,
        ),
        ActionSpec(
            "dev-staff",
            "k",
            "职工数",
            "非党员职工人数",
            "填写非党员职工人数（50人以上须建立积极分子队伍，DEV-2）",
            "staff_count",
            show=False,
        ),
    ),
)

REGISTER_UPDATES = ScreenSpec(
    id="register_updates",
    area="development",
    key="u",
    title="信息库更新记录",
    help="发展党员信息库每半年更新一次的记录（DEV-1）",
    factory="branchtui.tui.screens.register_updates:RegisterUpdatesScreen",
    actions=register_actions("register_updates", "更新记录"),
)

# The keys of one person's file (screens/candidate_file.py), with Esc back to the list.
FILE_KEYS = (
    ActionSpec(
        "file-add", "a", "记录", "记录发展环节", "记录下一个环节（可改选其他环节）", "add_step"
    ),
    ActionSpec(
        "file-edit", "e", "编辑", "编辑所选记录", "修改选中环节的记录；未记录的环节则记录它", "edit"
    ),
    ActionSpec(
        "file-delete", "d", "删除", "删除所选记录", "删除选中的环节记录（先确认）", "delete"
    ),
    ActionSpec(
        "file-export",
        "x",
        "导出",
        "导出一人一档",
        "导出为 Markdown 文件，存于数据目录（导出后显示文件位置）",
        "export",
    ),
    ActionSpec("file-person", "p", "个人信息", "编辑个人信息", "修改此人的个人信息", "person"),
    ActionSpec(
        "file-back",
        "escape",
        "返回",
        "返回信息库",
        "返回发展党员信息库",
        "back",
        show=False,
    ),
)

# The form recording one step of a file (screens/step_form.py); Ctrl+L links the step to a
# 支部党员大会 on file (screens/step_meeting.py), offered for the 支部大会讨论 steps only.
STEP_FORM_KEYS = (
    widget_key(
        "step-save", "ctrl+s", "保存", "检查并保存", "save", title="保存发展环节", priority=True
    ),
    widget_key("step-cancel", "escape", "取消", "不保存，返回档案（已填写时先问）", "cancel"),
    widget_key(
        "step-link-meeting",
        "ctrl+l",
        "关联会议",
        "选择已记录的支部党员大会，按其日期和表决填写（支部大会讨论）",
        "link_meeting",
        title="关联支部党员大会",
        keywords=("关联会议",),
    ),
)
LINK_MEETING = STEP_FORM_KEYS[-1]

KEYS = (*FILE_KEYS, *STEP_FORM_KEYS)

SCREENS: tuple[ScreenSpec, ...] = (PIPELINE, REGISTER_UPDATES)
