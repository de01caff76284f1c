"""组织关系 (REL): the screens of this area, in the order its menu lists them."""

from __future__ import annotations

import dataclasses

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec


def _year(screen_id: str, noun: str) -> ActionSpec:
    return ActionSpec(
        f"{screen_id}-year", "y", "年份", f"{noun}按年份筛选", "只看某一年的记录", "choose_year"
    )


def _history(screen_id: str, noun: str, closed: str) -> ActionSpec:
    return ActionSpec(
        f"{screen_id}-history",
        "h",
        "历史",
        f"{noun}历史",
        f"显示或隐藏{closed}的{noun}",
        "toggle_history",
    )


def _edit(screen_id: str, noun: str) -> ActionSpec:
    return ActionSpec(f"{screen_id}-edit", "e", "编辑", f"编辑{noun}", f"修改选中的{noun}", "edit")


TRANSFERS = ScreenSpec(
    id="transfers",
    area="relations",
    key="t",
    title="组织关系转接",
    help="转入转出、证明信、活动证，平台编号与介绍信回执（REL-1、REL-2）",
    factory="branchtui.tui.screens.transfers:TransfersScreen",
    settles=("relations",),
    actions=(
        ActionSpec(
            "transfers-add",
            "a",
            "转接",
            "登记转入或转出",
            "按向导回答外出时间、地点，给出应开具的凭证并登记（REL-1）",
            "add",
        ),
        _edit("transfers", "转接记录"),
        ActionSpec(
            "transfers-receipt",
            "r",
            "回执",
            "登记介绍信回执",
            "登记选中转接的介绍信回执退回日期（REL-2）",
            "receipt",
        ),
        ActionSpec(
            "transfers-remove",
            "d",
            "删除",
            "删除转接记录",
            "删除录入有误的转接记录（先确认；不改动党员名册）",
            "remove",
        ),
        _year("transfers", "转接记录"),
    ),
)

# The transfer wizard's keys (a modal: in the palette opened over it, as 本页：…).
TRANSFER_WIZARD_KEYS = (
    ActionSpec(
        "transfer-wizard-next",
        "pagedown",
        "下一步",
        "下一步",
        "检查本步并进入下一步（本步最后一项按 Enter 亦可）",
        "next",
        priority=True,
        key_display="PgDn",
    ),
    ActionSpec(
        "transfer-wizard-back",
        "pageup",
        "上一步",
        "上一步",
        "回到上一步，已填内容不会丢失",
        "back",
        priority=True,
        key_display="PgUp",
    ),
    ActionSpec(
        "transfer-wizard-save",
        "ctrl+s",
        "保存",
        "保存转接",
        "在确认步骤保存；其他步骤先检查并转到确认",
        "save",
        priority=True,
    ),
    ActionSpec(
        "transfer-wizard-close",
        "escape",
        "关闭",
        "关闭向导",
        "关闭向导（已填写内容时先确认）",
        "close",
    ),
)

TRAVELS = ScreenSpec(
    id="travels",
    area="relations",
    key="a",
    title="因私出国（境）",
    help="出境前办理保留或停止党籍审批，回国（境）登记（REL-3）",
    factory="branchtui.tui.screens.travels:TravelsScreen",
    settles=("travels",),
    actions=(
        ActionSpec(
            "travels-add", "a", "新增", "新增出国（境）登记", "登记一次因私出国（境）", "add"
        ),
        _edit("travels", "出国（境）登记"),
        ActionSpec(
            "travels-remove",
            "d",
            "回国",
            "登记回国（境）",
            "登记选中人员回国（境）的日期，记录保留为历史",
            "remove",
        ),
        ActionSpec(
            "travels-suspend",
            "s",
            "停止党籍",
            "记录出境停止党籍",
            "党籍处理为停止党籍、已出境的，自出境之日起移出党员名册（REL-3）",
            "suspend",
        ),
        ActionSpec(
            "travels-restore",
            "r",
            "恢复党籍",
            "恢复党籍（出国（境））",
            "停止党籍的党员回国（境）后，本人申请、支部大会讨论、上级党委批准，恢复党籍",
            "restore_membership",
            keywords=("恢复党籍",),
        ),
        _history("travels", "出国（境）登记", "已回国（境）"),
        # Out of the Footer, which s and r fill at 80 columns (F1 help and the palette keep it).
        dataclasses.replace(_year("travels", "出国（境）登记"), show=False),
    ),
)

FLOWING = ScreenSpec(
    id="flowing",
    area="relations",
    key="f",
    title="流动党员",
    help="活动证、联系人、去向与联系，返回查验；流入党员情况反馈（REL-4…REL-6）",
    factory="branchtui.tui.screens.flowing:FlowingScreen",
    settles=("flowing",),
    actions=(
        ActionSpec("flowing-add", "a", "新增", "新增流动党员", "登记一名流出或流入党员", "add"),
        _edit("flowing", "流动党员"),
        ActionSpec(
            "flowing-contact",
            "c",
            "联系",
            "登记联系",
            "登记与选中流出党员的最近一次联系（REL-4：6个月未联系即提醒）",
            "contact",
        ),
        ActionSpec(
            "flowing-report",
            "r",
            "反馈",
            "登记情况反馈",
            "登记向流出地党组织反馈选中流入党员参加组织生活、交纳党费情况（REL-6）",
            "report_back",
        ),
        ActionSpec(
            "flowing-remove",
            "d",
            "返回",
            "流动结束",
            "选中党员返回或离开，查验流动党员活动证，记录保留为历史（REL-5）",
            "remove",
        ),
        _history("flowing", "流动党员", "已结束流动"),
        _year("flowing", "流动党员"),
    ),
)

SCREENS: tuple[ScreenSpec, ...] = (TRANSFERS, TRAVELS, FLOWING)

KEYS = TRANSFER_WIZARD_KEYS
