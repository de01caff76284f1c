"""组织生活 (LIFE): the screens of this area, in the order its menu lists them, and the keys of
the meeting wizard and its steps (widget keys: in F1 help and the Footer, and in the palette
opened over the wizard unless they act in place)."""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, widget_key

MEETINGS = ScreenSpec(
    id="meetings",
    area="life",
    key="m",
    title="会议记录",
    help="三会一课、主题党日、组织生活会：查看、新建、修改、删除",
    factory="branchtui.tui.screens.meetings:MeetingsScreen",
    settles=("meetings",),
    actions=(
        ActionSpec(
            "meetings-new", "n", "新建", "新建会议记录", "选择会议类型，按向导逐步填写", "new"
        ),
        ActionSpec(
            "meetings-view",
            "v",
            "查看",
            "查看会议记录",
            "查看选中会议的会议记录（也可按 Enter）",
            "view",
            show=False,  # Enter does the same (the list's status line says so): room for 历史
        ),
        ActionSpec(
            "meetings-amend",
            "e",
            "修改",
            "修改会议记录",
            "修改选中的记录，保留修改前的版本",
            "amend",
        ),
        ActionSpec(
            "meetings-versions",
            "h",
            "历史",
            "修改历史",
            "查看各版本：保存时间、修改人、改了什么",
            "versions",
        ),
        ActionSpec(
            "meetings-delete",
            "d",
            "删除",
            "删除会议记录",
            "删除选中的记录（先确认，备份中仍保留）",
            "delete",
        ),
        ActionSpec(
            "meetings-drafts", "c", "草稿", "继续草稿", "继续填写尚未保存的会议记录", "drafts"
        ),
        ActionSpec(
            "meetings-kind",
            "k",
            "类型",
            "按类型筛选",
            "轮换会议类型筛选",
            "filter_kind",
            group="筛选",
        ),
        ActionSpec(
            "meetings-group",
            "g",
            "小组",
            "按党小组筛选",
            "轮换党小组筛选",
            "filter_group",
            group="筛选",
        ),
        ActionSpec(
            "meetings-prev-month",
            "left_square_bracket",
            "上月",
            "上个月的会议",
            "只看上一个月的会议",
            "shift_month(-1)",
            group="月份",
        ),
        ActionSpec(
            "meetings-next-month",
            "right_square_bracket",
            "下月",
            "下个月的会议",
            "只看下一个月的会议",
            "shift_month(1)",
            group="月份",
        ),
        ActionSpec(
            "meetings-all-months",
            "a",
            "全部",
            "全部月份",
            "取消月份筛选，显示全部会议",
            "all_months",
            show=False,
        ),
    ),
)

APPRAISAL = ScreenSpec(
    id="appraisal",
    area="life",
    key="p",
    title="民主评议",
    help="每年一次：评议步骤、票数、等次（LIFE-7、NAT-7）",
    factory="branchtui.tui.screens.appraisal:AppraisalScreen",
    settles=("appraisal",),
    actions=(
        ActionSpec(
            "appraisal-new", "n", "新建", "开展民主评议", "按向导记录评议会议和评议结果", "new"
        ),
        ActionSpec(
            "appraisal-amend", "e", "修改", "修改评议结果", "修改选中年度的评议记录", "amend"
        ),
        ActionSpec(
            "appraisal-view", "v", "查看", "查看评议记录", "查看选中年度评议会议的会议记录", "view"
        ),
        ActionSpec(
            "appraisal-versions",
            "h",
            "修改历史",
            "评议的修改历史",
            "选中年度评议记录的各个版本：何时、何人保存，改了什么",
            "versions",
        ),
    ),
)

RECORD_CHECKS = ScreenSpec(
    id="record_checks",
    area="life",
    key="c",
    title="台账体检",
    help="会议记录的常见问题，按 Enter 去修改（SYS-3）",
    factory="branchtui.tui.screens.record_checks:RecordChecksScreen",
    actions=(
        ActionSpec(
            "checks-fix",
            "f",
            "修改",
            "修改该记录",
            "打开该记录的向导，光标在有问题的地方（也可按 Enter）",
            "fix",
        ),
        ActionSpec(
            "checks-prev-year",
            "left_square_bracket",
            "上一年",
            "上一年的台账",
            "检查上一年的记录",
            "shift_year(-1)",
            group="年度",
        ),
        ActionSpec(
            "checks-next-year",
            "right_square_bracket",
            "下一年",
            "下一年的台账",
            "检查下一年的记录",
            "shift_year(1)",
            group="年度",
        ),
    ),
)

SCREENS: tuple[ScreenSpec, ...] = (MEETINGS, APPRAISAL, RECORD_CHECKS)


# A wizard's or step's key: its Footer label is its palette title unless ``title`` says more
# (offered over the wizard as 本页：…, tui/commands.py) unless it moves the cursor (spec.CURSOR_KEYS).
_key = widget_key


# The wizard itself (any step).
WIZARD_KEYS = (
    _key(
        "wizard-next",
        "pagedown",
        "下一步",
        "检查本步并进入下一步（最后一项按 Enter 亦可）",
        "next",
        priority=True,
        key_display="PgDn",
        palette=True,  # PgDn here is a step of the wizard, not a page of a list
    ),
    _key(
        "wizard-back",
        "pageup",
        "上一步",
        "回到上一步，已填内容不会丢失",
        "back",
        priority=True,
        key_display="PgUp",
        show=False,
        palette=True,
    ),
    _key("wizard-goto", "f2", "转到", "转到任意一步（按数字选择）", "goto", title="转到某一步"),
    _key(
        "wizard-save",
        "ctrl+s",
        "保存",
        "在预览步骤保存；其他步骤先转到预览",
        "save",
        priority=True,
        title="保存会议记录",
    ),
    _key(
        "wizard-close",
        "escape",
        "关闭",
        "关闭向导；草稿已保存，下次可继续",
        "close",
        title="关闭向导",
        show=False,
    ),
)
ATTENDANCE_KEYS = (
    _key(
        "attendance-cycle",
        "space",
        "切换",
        "出席、请假、缺席依次切换；请假、缺席时填写事由",
        "cycle",
        title="切换出席、请假、缺席",
        key_display="空格",
    ),
    _key(
        "attendance-reason",
        "r",
        "事由",
        "填写或修改请假、缺席事由（也可按 Enter）",
        "reason",
        title="填写请假、缺席事由",
    ),
    _key(
        "attendance-observer",
        "o",
        "列席",
        "添加列席的本支部党员",
        "add_observer",
        title="添加列席党员",
    ),
    _key(
        "attendance-outside",
        "w",
        "外来列席",
        "添加列席的外单位人员（姓名、职务、原因）",
        "add_outside",
        show=False,
    ),
    _key(
        "attendance-remove",
        "delete",
        "删除",
        "删除选中的列席人员",
        "remove",
        title="删除列席人员",
        key_display="Del",
        show=False,
    ),
)
AGENDA_KEYS = (
    _key("agenda-add", "a", "添加议题", "添加一个议题及讨论情况", "add"),
    _key("agenda-edit", "e", "修改", "修改选中的议题（也可按 Enter）", "edit", title="修改议题"),
    _key("agenda-speech", "s", "发言", "为选中的议题记录一人的发言", "speech", title="记录发言"),
    _key(
        "agenda-remove",
        "delete",
        "删除",
        "删除选中的议题",
        "remove",
        title="删除议题",
        key_display="Del",
        show=False,
    ),
)
DECISION_KEYS = (
    _key("decision-add", "a", "添加决定", "为某一议题记录决定事项、责任人和时限", "add_decision"),
    _key("decision-vote", "v", "添加表决", "记录一项表决（逐个候选人时每人一项）", "add_vote"),
    _key(
        "decision-edit",
        "e",
        "修改",
        "修改选中的决定或表决（也可按 Enter）",
        "edit",
        title="修改决定或表决",
    ),
    _key(
        "decision-remove",
        "delete",
        "删除",
        "删除选中的决定或表决",
        "remove",
        title="删除决定或表决",
        key_display="Del",
        show=False,
    ),
)
LIFE_KEYS = (
    _key(
        "life-examination",
        "e",
        "对照检查",
        "记录选中党员的对照检查和表态（也可按 Enter）",
        "examine",
    ),
    _key("life-criticism", "c", "批评意见", "记录他人对选中党员点名道姓的批评", "criticize"),
    _key(
        "life-rectification", "r", "整改事项", "添加一项整改：问题、措施、责任人、时限", "rectify"
    ),
    _key(
        "life-remove",
        "delete",
        "删除",
        "删除选中的整改事项或最后一条批评",
        "remove",
        title="删除整改事项或批评",
        key_display="Del",
    ),
)
APPRAISAL_KEYS = (
    _key(
        "grade-excellent",
        "1",
        "优秀",
        "评定为优秀",
        "grade('excellent')",
        title="评定为优秀",
        group="等次",
    ),
    _key(
        "grade-qualified",
        "2",
        "合格",
        "评定为合格",
        "grade('qualified')",
        title="评定为合格",
        group="等次",
    ),
    _key(
        "grade-basic",
        "3",
        "基本合格",
        "评定为基本合格",
        "grade('basically_qualified')",
        title="评定为基本合格",
        group="等次",
    ),
    _key(
        "grade-unqualified",
        "4",
        "不合格",
        "评定为不合格",
        "grade('unqualified')",
        title="评定为不合格",
        group="等次",
    ),
    _key(
        "grade-clear", "0", "清除", "清除选中党员的等次", "grade('')", title="清除等次", show=False
    ),
    _key(
        "grade-tally",
        "t",
        "票数",
        "填写选中党员各等次的得票数（也可按 Enter）",
        "tally",
        title="填写得票数",
    ),
)
ATTACHMENT_KEYS = (
    _key("attach-photo", "p", "添加照片", "输入照片文件的路径，复制到数据目录", "add('photo')"),
    _key("attach-scan", "s", "添加扫描件", "签到表、材料等扫描件的路径", "add('scan')"),
    _key(
        "attach-remove",
        "delete",
        "移除",
        "从本记录移除选中的附件",
        "remove",
        title="移除附件",
        key_display="Del",
        show=False,
    ),
)

# 修改历史 (SYS-3, SYS-4): the versions of a record, a version's minutes, and the comparison.
VERSION_KEYS = (
    _key(
        "versions-view",
        "v",
        "查看",
        "查看该版本的会议记录（也可按 Enter）",
        "view",
        title="查看该版本",
    ),
    _key(
        "versions-compare",
        "c",
        "对比",
        "该版本与下一版相比改了什么",
        "compare",
        title="与下一版对比",
    ),
    _key("versions-close", "escape", "返回", "返回会议记录列表", "close", title="返回会议记录列表"),
)
APPRAISAL_VERSION_KEYS = (
    _key(
        "appraisal-versions-close",
        "escape",
        "返回",
        "返回民主评议列表",
        "close",
        title="返回民主评议列表",
    ),
)
MINUTES_COMPARE = _key(
    "minutes-compare", "c", "对比", "该版本与下一版相比改了什么", "compare", title="与下一版对比"
)
CHANGES_CLOSE = _key("changes-close", "escape", "返回", "返回", "close", title="关闭对比")

KEYS = (
    *WIZARD_KEYS,
    *ATTENDANCE_KEYS,
    *AGENDA_KEYS,
    *DECISION_KEYS,
    *LIFE_KEYS,
    *APPRAISAL_KEYS,
    *ATTACHMENT_KEYS,
    *VERSION_KEYS,
    *APPRAISAL_VERSION_KEYS,
    MINUTES_COMPARE,
    CHANGES_CLOSE,
)
