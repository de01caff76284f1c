"""组织体系 (ORG): the branch, its roster, party groups and committee."""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, widget_key

HOME = ScreenSpec(
    id="home",
    area="organization",
    key="o",
    title="支部概况",
    help="支部基本情况、党员构成、支委会任期与组织体系指标",
    factory="branchtui.tui.screens.home:HomeScreen",
    settles=("home",),
)

BRANCH_INFO = ScreenSpec(
    id="branch",
    area="organization",
    key="b",
    title="支部信息",
    help="名称、组织类型、上级党委、规则配置，升格标准（ORG-3）",
    factory="branchtui.tui.screens.branch_info:BranchInfoScreen",
    settles=("branch",),
    actions=(
        ActionSpec(
            "branch-edit",
            "e",
            "编辑",
            "编辑支部信息",
            "修改支部名称、组织类型、上级党委、非党员职工人数、规则配置",
            "edit",
        ),
    ),
)

ROSTER = ScreenSpec(
    id="roster",
    area="organization",
    key="m",
    title="党员名册",
    help="全部党员，可搜索、筛选、排序，新增、编辑、移除",
    factory="branchtui.tui.screens.roster:RosterScreen",
    settles=("roster",),
    actions=(
        ActionSpec("roster-add", "a", "新增", "新增党员", "登记一名党员", "add"),
        ActionSpec("roster-edit", "e", "编辑", "编辑党员", "修改选中党员的信息", "edit"),
        ActionSpec(
            "roster-remove",
            "d",
            "移除",
            "移除党员",
            "转出、去世、自行脱党、开除党籍等，保留为历史记录",
            "remove",
            # The reasons of a removal (REMOVAL_REASONS, 录入错误) and the words for leaving.
            keywords=(
                "转出组织关系",
                "去世",
                "自行脱党",
                "开除党籍",
                "停止党籍",
                "录入错误",
                "出党",
                "除名",
                "退党",
            ),
        ),
        ActionSpec(
            "roster-search", "slash", "搜索", "搜索党员", "按姓名、拼音、首字母搜索", "search"
        ),
        ActionSpec(
            "roster-group",
            "g",
            "小组",
            "按党小组筛选",
            "轮换党小组筛选",
            "filter_group",
            group="筛选",
        ),
        ActionSpec(
            "roster-status",
            "t",
            "类别",
            "按类别筛选",
            "正式党员 / 预备党员",
            "filter_status",
            group="筛选",
        ),
        ActionSpec(
            "roster-history", "h", "历史", "显示历史", "显示或隐藏已移除的党员", "toggle_history"
        ),
        ActionSpec(
            "roster-restore",
            "r",
            "恢复党籍",
            "恢复党籍",
            "选中停止党籍的党员（按 h 显示历史），记录本人申请、支部大会讨论、上级党委批准，"
            "从恢复之日起重新列入名册",
            "restore_membership",
            keywords=("恢复党籍", "停止党籍", "回国", "恢复联系"),
        ),
        # Out of the Footer, which r 恢复党籍 fills at 80 columns (F1 help and the palette
        # keep it).
        ActionSpec("roster-sort", "s", "排序", "排序", "轮换排序列", "sort", show=False),
        ActionSpec(
            "roster-import",
            "i",
            "导入",
            "导入名册",
            "从 Excel 或 CSV 文件导入党员名册",
            "import_roster",
            show=False,
        ),
    ),
)

ROSTER_IMPORT = ScreenSpec(
    id="roster_import",
    area="organization",
    key="i",
    title="导入名册",
    help="从 Excel 或 CSV 党员名册导入党员，先逐行预览（ORG-1）",
    factory="branchtui.tui.screens.roster_import:RosterImportScreen",
    settles=("roster_import",),
    actions=(
        ActionSpec(
            "import-read", "ctrl+o", "预览", "读取并预览名册", "读取文件，逐行检查并预览", "read"
        ),
        ActionSpec(
            "import-save",
            "ctrl+s",
            "导入",
            "导入名册中无误的行",
            "确认后一次保存，导入前自动备份",
            "import_rows",
        ),
    ),
)

# Keys of the roster's search box (a widget, so not palette entries of their own).
ROSTER_SEARCH_KEYS = (
    ActionSpec(
        "search-leave",
        "escape",
        "返回",
        "清除搜索",
        "清除搜索",
        "screen.clear_search",
    ),
    ActionSpec(
        "search-to-table",
        "enter,down",
        "到列表",
        "到列表",
        "保留搜索，到列表中选择",
        "screen.to_table",
        palette=False,
        key_display="Enter/Down",
    ),
)

GROUPS = ScreenSpec(
    id="groups",
    area="organization",
    key="g",
    title="党小组",
    help="党小组设置、组长与成员，新建、删除与移出（ORG-2）",
    factory="branchtui.tui.screens.groups:GroupsScreen",
    settles=("groups",),
    actions=(
        ActionSpec("groups-add", "a", "新建", "新建党小组", "建立一个党小组", "add"),
        ActionSpec("groups-rename", "r", "改名", "党小组改名", "修改选中党小组的名称", "rename"),
        ActionSpec("groups-leader", "l", "组长", "指定组长", "为选中党小组指定组长", "leader"),
        ActionSpec(
            "groups-assign", "m", "分配党员", "分配党员", "把党员编入选中的党小组", "assign"
        ),
        ActionSpec(
            "groups-unassign",
            "x",
            "移出",
            "移出党小组",
            "把选中党小组的一名党员移出（不再属于任何党小组）",
            "unassign",
        ),
        ActionSpec(
            "groups-delete",
            "d",
            "删除",
            "删除党小组",
            "删除没有党员的党小组（保留为历史，记撤销时间）",
            "delete",
        ),
    ),
)

COMMITTEE = ScreenSpec(
    id="committee",
    area="organization",
    key="c",
    title="支委会",
    help="本届任期、委员与空缺、延期批准、换届（ORG-4…ORG-8）",
    factory="branchtui.tui.screens.committee:CommitteeScreen",
    settles=("committee",),
    actions=(
        ActionSpec(
            "committee-assign", "a", "任命", "任命委员", "为一个职务指定人选，填补空缺", "assign"
        ),
        ActionSpec(
            "committee-vacate", "v", "出缺", "委员出缺", "选中职务出缺，登记空缺日期", "vacate"
        ),
        ActionSpec(
            "committee-extend",
            "x",
            "延期",
            "登记延期批准",
            "上级批准延期换届（不超过1年）",
            "extend",
        ),
        ActionSpec(
            "committee-new-term",
            "n",
            "登记任期",
            "登记新任期",
            "只登记新一届任期的开始日期",
            "new_term",
        ),
        ActionSpec(
            "committee-election",
            "e",
            "换届",  # short: with d 删除, F1 帮助 still fits the Footer at 80 columns
            "换届选举",
            "按向导录入换届选举：批复、候选人、到会、计票、结果、分工（ORG-4）",
            "election",
        ),
        ActionSpec(
            "committee-by-election",
            "b",
            "补选",
            "补选空缺",
            "为空缺职务补选或登记上级指派（ORG-7、ORG-8）",
            "by_election",
        ),
        ActionSpec(
            "committee-delete",
            "d",
            "删除",
            "删除委员或空缺",
            "删除录入有误的委员（空缺随之恢复）或空缺（出缺随之撤销），先确认；"
            "已离任、选举产生或已开过支委会的不能删除（Tab 切换列表）",
            "delete",
        ),
        ActionSpec(
            "committee-delete-term",
            "t",
            "删除任期",
            "删除最近登记的任期",
            "删除登记有误的最近一届任期，上一届支委会随之恢复，先确认；"
            "已被接替、选举产生或已开过支委会的不能删除",
            "delete_term",
            show=False,  # rare: in F1 help and the palette, so that F1 帮助 stays in the Footer
        ),
    ),
)

SCREENS = (HOME, BRANCH_INFO, ROSTER, GROUPS, COMMITTEE, ROSTER_IMPORT)

# The election wizards' keys (modal screens: in the palette opened over them), as the other
# wizards have them: PgDn / PgUp between steps, Ctrl+S at the review, Esc asks to give up.
ELECTION_WIZARD_KEYS = (
    ActionSpec(
        "election-next",
        "pagedown",
        "下一步",
        "下一步",
        "检查本步并进入下一步（本步最后一项按 Enter 亦可）",
        "forward",
        priority=True,
        key_display="PgDn",
    ),
    ActionSpec(
        "election-back",
        "pageup",
        "上一步",
        "上一步",
        "回到上一步，已填内容不会丢失",
        "back",
        priority=True,
        key_display="PgUp",
    ),
    ActionSpec(
        "election-save",
        "ctrl+s",
        "保存",
        "保存选举",
        "在确认步骤保存全部内容（一次保存）",
        "save",
        priority=True,
    ),
    ActionSpec(
        "election-close",
        "escape",
        "关闭",
        "关闭向导",
        "放弃本次录入（先询问）",
        "close",
        show=False,
    ),
)
# The ballot roll of an election (widgets/voter_roll.py): marks on the member under the cursor.
VOTER_ROLL_KEYS = (
    widget_key(
        "roll-absent",
        "space",
        "出席/缺席",
        "出席与缺席切换",
        "mark('absent')",
        title="出席与缺席切换",
        key_display="空格",
    ),
    widget_key(
        "roll-leave", "l", "请假", "标记请假（再按恢复出席）", "mark('on_leave')", title="标记请假"
    ),
    widget_key(
        "roll-excused",
        "x",
        "不计入",
        "经上级党组织同意不计入应到会人数（因病、出国半年以上等）",
        "mark('excused')",
        title="标记不计入应到会人数",
        show=False,  # the step's hint line names it; the Footer has no room at 80 columns
    ),
    widget_key(
        "roll-reason", "r", "原因", "填写缺席、请假或不计入的原因", "reason", title="填写原因"
    ),
)
# 上级党组织指派书记 (screens/wizards/appointment.py).
APPOINTMENT_KEYS = (
    widget_key(
        "appoint-save", "ctrl+s", "保存", "检查并保存", "save", title="保存指派", priority=True
    ),
    widget_key("appoint-cancel", "escape", "取消", "不保存，返回（已填写时先问）", "cancel"),
)
# 新增 / 编辑党员 (screens/member_form.py) and 移除党员 (screens/remove_member.py).
MEMBER_FORM_KEYS = (
    widget_key(
        "form-save", "ctrl+s", "保存", "检查并保存", "save", title="保存党员信息", priority=True
    ),
    widget_key("form-cancel", "escape", "取消", "不保存，返回名册", "cancel"),
)
REMOVE_MEMBER_KEYS = (
    widget_key(
        "remove-confirm",
        "ctrl+s",
        "确认移除",
        "检查并保存移除记录",
        "confirm",
        priority=True,
    ),
    widget_key("remove-cancel", "escape", "取消", "不移除，返回名册", "cancel"),
)
# The set-up wizard of a new data folder (screens/wizards/setup.py).
SETUP_WIZARD_KEYS = (
    # Tab here is a step of the wizard, not a move to the next field: in the palette.
    widget_key(
        "setup-next", "tab", "下一步", "检查本步并前进", "forward", priority=True, palette=True
    ),
    widget_key(
        "setup-back", "shift+tab", "上一步", "回到上一步", "back", priority=True, palette=True
    ),
    widget_key("setup-esc", "escape", "上一步", "回到上一步", "back", show=False),
)

KEYS = (
    *ROSTER_SEARCH_KEYS,
    *ELECTION_WIZARD_KEYS,
    *VOTER_ROLL_KEYS,
    *APPOINTMENT_KEYS,
    *MEMBER_FORM_KEYS,
    *REMOVE_MEMBER_KEYS,
    *SETUP_WIZARD_KEYS,
)
