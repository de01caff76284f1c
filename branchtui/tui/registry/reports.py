"""报告 (REP): the screens of this area, in the order its menu lists them.

月度报告 settles REP-1 (only a recorded sent date does), 年度考核 REP-2 and REP-3, 好经验好做法
REP-4; 年度报告 and 台账汇编 write the year's documents and ledger volumes.
"""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, register_actions


def _years(prefix: str, what: str) -> tuple[ActionSpec, ActionSpec]:
    """``{`` and ``}``: the year before and after the one shown."""
    return (
        ActionSpec(
            f"{prefix}-prev-year",
            "left_curly_bracket",
            "上一年",
            "上一年",
            f"查看上一年的{what}",
            "shift_year(-1)",
            group="前后一年",
        ),
        ActionSpec(
            f"{prefix}-next-year",
            "right_curly_bracket",
            "下一年",
            "下一年",
            f"查看下一年的{what}",
            "shift_year(1)",
            group="前后一年",
        ),
    )


def _copy(prefix: str, what: str) -> ActionSpec:
    return ActionSpec(
        f"{prefix}-copy",
        "c",
        "复制",
        "复制到剪贴板",
        f"把{what}全文复制到本机剪贴板（终端须支持 OSC 52），可粘贴到 Word 或上报平台",
        "copy",
    )


def _zoom(prefix: str) -> ActionSpec:
    return ActionSpec(
        f"{prefix}-zoom", "f", "放大", "放大预览", "只显示预览，再按一次恢复列表", "zoom"
    )


MONTHLY = ScreenSpec(
    id="monthly_report",
    area="reports",
    key="m",
    title="月度报告",
    help="生成、填写、预览、保存，登记报送日期（REP-1）",
    factory="branchtui.tui.screens.monthly_report:MonthlyReportScreen",
    settles=("monthly_report",),
    actions=(
        ActionSpec(
            "monthly-edit",
            "e",
            "填写",
            "填写书记的文字",
            "填写选中月份报告中的“存在的问题”“下月工作打算”",
            "edit",
        ),
        ActionSpec(
            "monthly-save",
            "s",
            "保存",
            "保存报告文件",
            "生成选中月份的报告，保存到数据目录下的报告目录，并登记生成日期",
            "save",
        ),
        ActionSpec(
            "monthly-sent",
            "t",
            "报送",
            "登记报送日期",
            "登记选中月份的报告已报送上级党委（REP-1 以报送日期为准）",
            "record_sent",
        ),
        _copy("monthly", "报告"),
        _zoom("monthly"),
        *_years("monthly", "各月报告"),
    ),
)

ASSESSMENT = ScreenSpec(
    id="assessment",
    area="reports",
    key="y",
    title="年度考核",
    help="八项任务评分、“五好”自查及依据（REP-2、3）",
    factory="branchtui.tui.screens.assessment:AssessmentScreen",
    settles=("assessment",),
    actions=(
        ActionSpec(
            "assess-adopt",
            "a",
            "登记",
            "登记自评得分",
            "把按评分表计算的八项得分登记为本年度自评（REP-2）",
            "adopt",
        ),
        ActionSpec(
            "assess-score", "e", "改分", "修改自评得分", "修改选中任务的自评得分", "edit_score"
        ),
        ActionSpec(
            "assess-five-good",
            "w",
            "五好",
            "填写五好自查",
            "对照依据逐条填写“五好”党支部标准的自查意见（REP-3）",
            "five_good",
        ),
        ActionSpec(
            "assess-documents",
            "v",
            "文档",
            "年度报告与述职",
            "打开本年度的年度报告、述职报告和工作总结",
            "documents",
        ),
        *_years("assess", "考核"),
    ),
)

YEAR_DOCUMENTS = ScreenSpec(
    id="year_documents",
    area="reports",
    key="d",
    title="年度报告",
    help="年度工作报告、述职报告、工作总结",
    factory="branchtui.tui.screens.year_documents:YearDocumentsScreen",
    actions=(
        ActionSpec(
            "yeardoc-next",
            "o",
            "换文档",
            "切换文档",
            "在年度工作报告、述职报告、工作总结之间切换",
            "next_document",
        ),
        ActionSpec(
            "yeardoc-edit",
            "e",
            "填写",
            "填写述职和总结",
            "填写“工作亮点”“存在的不足”“下年打算”（述职报告和工作总结共用）",
            "edit",
        ),
        ActionSpec(
            "yeardoc-save",
            "s",
            "保存",
            "保存文档",
            "把正在预览的文档保存到数据目录下的报告目录",
            "save",
        ),
        _copy("yeardoc", "正在预览的文档"),
        *_years("yeardoc", "年度文档"),
    ),
)

PRACTICES = ScreenSpec(
    id="practices",
    area="reports",
    key="p",
    title="好经验好做法",
    help="登记、修改、上报经验做法（REP-4）",
    factory="branchtui.tui.screens.practices:PracticesScreen",
    settles=("practices",),
    actions=register_actions(
        "practices",
        "经验做法",
        extra=(
            ActionSpec(
                "practices-reported",
                "r",
                "上报",
                "登记上报日期",
                "登记选中的经验做法已上报上级党委（REP-4）",
                "reported",
            ),
        ),
    ),
)

LEDGER_VOLUMES = ScreenSpec(
    id="ledger_volumes",
    area="reports",
    key="l",
    title="台账汇编",
    help="按类别编号成册，可直接打印装订",
    factory="branchtui.tui.screens.ledger_volumes:LedgerVolumesScreen",
    actions=(
        ActionSpec(
            "volume-save", "s", "保存", "保存本册", "把选中类别的台账保存到报告目录", "save"
        ),
        ActionSpec(
            "volume-save-all",
            "g",
            "全部",
            "保存全部台账",
            "把12个类别的台账全部保存到报告目录（每类一册）",
            "save_all",
        ),
        _copy("volume", "选中的台账"),
        _zoom("volume"),
        *_years("volume", "台账"),
    ),
)

# The keys of the free-text forms (Ctrl+S in the palette opened over the form).
FORM_KEYS = (
    ActionSpec(
        "texts-save",
        "ctrl+s",
        "保存",
        "保存",
        "保存填写的文字",
        "save",
        priority=True,
    ),
    ActionSpec(
        "texts-cancel",
        "escape",
        "返回",
        "返回",
        "返回（有未保存的修改时先询问）",
        "cancel",
    ),
)

SCREENS: tuple[ScreenSpec, ...] = (MONTHLY, ASSESSMENT, YEAR_DOCUMENTS, PRACTICES, LEDGER_VOLUMES)

KEYS = FORM_KEYS
