"""The keys of the dialogs every area shares: a line of text, a date, a choice, the key help,
a duty's detail, a meeting's minutes, the data check, and the two app keys a modal screen
shows again (退出, 帮助)."""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, widget_key

# A modal screen cuts the app's bindings out of its Footer (and F1 out of its keys): these bring
# back the two that every screen must show; the palette has them as 通用：退出 and 通用：按键帮助.
MODAL_KEYS = (
    widget_key("modal-quit", "ctrl+q", "退出", "退出程序", "app.quit", palette=False),
    widget_key("modal-help", "f1", "帮助", "列出当前可用的按键", "app.help", palette=False),
)
TEXT_PROMPT_KEYS = (
    widget_key("prompt-cancel", "escape", "取消", "不做修改，关闭（已输入时先问）", "cancel"),
)
DATE_PROMPT_KEYS = (
    widget_key("date-cancel", "escape", "取消", "不做修改，关闭对话框", "dismiss(None)"),
)
CHOICE_PROMPT_KEYS = (
    widget_key("choice-cancel", "escape", "取消", "不做修改，关闭对话框", "dismiss(None)"),
)
HELP_KEYS = (
    widget_key(
        "help-close",
        "escape,f1,question_mark,q",
        "关闭",
        "关闭帮助",
        "dismiss",
        title="关闭按键帮助",
    ),
)
# A duty's detail (screens/obligation_detail.py), opened from the dashboard or an area's menu.
DETAIL_KEYS = (
    widget_key("detail-close", "escape,q", "返回", "关闭详情", "dismiss(None)", title="关闭详情"),
    widget_key(
        "detail-settle", "enter,g", "办理", "打开办理该事项的功能", "settle", title="办理该事项"
    ),
    # Only on a duty due before the branch's records begin (domain/obligations/records_gap.py).
    widget_key(
        "detail-no-records",
        "n",
        "无记录",
        "建档前的记录无从补录（未留存或前任未移交）：填写说明后该事项记为不适用",
        "mark_gap",
        title="标记为建档前无记录可补",
    ),
    widget_key(
        "detail-undo-no-records",
        "u",
        "撤销",
        "撤销“建档前无记录可补”的标记，该事项恢复为待补录",
        "unmark_gap",
        title="撤销建档前无记录可补",
    ),
)
MINUTES_KEYS = (
    widget_key(
        "minutes-close", "escape,q", "关闭", "关闭会议记录", "dismiss(None)", title="关闭会议记录"
    ),
)
DOCTOR_KEYS = (
    widget_key(
        "doctor-close", "escape,enter", "关闭", "关闭检查结果", "dismiss", title="关闭检查结果"
    ),
)


def digit_keys(label: str, prefix: str, count: int = 9) -> tuple[ActionSpec, ...]:
    """Keys 1…``count`` that pick the n-th choice of the list shown (``第n项``), not in the
    Footer, nor in the palette: the list itself is the choice (arrows and Enter)."""
    return tuple(
        widget_key(
            f"{prefix}-{n}",
            str(n),
            label.format(n),
            f"选择{label.format(n)}",
            f"pick({n})",
            show=False,
            palette=False,
        )
        for n in range(1, count + 1)
    )


# 新建哪一种会议 and 转到哪一步 of the meeting wizard (screens/wizards/meeting_start.py).
KIND_DIGIT_KEYS = digit_keys("第{}项", "kind", 8)
STEP_DIGIT_KEYS = digit_keys("第{}步", "goto")

KEYS = (
    *MODAL_KEYS,
    *TEXT_PROMPT_KEYS,
    *DATE_PROMPT_KEYS,
    *CHOICE_PROMPT_KEYS,
    *HELP_KEYS,
    *DETAIL_KEYS,
    *MINUTES_KEYS,
    *DOCTOR_KEYS,
    *KIND_DIGIT_KEYS,
    *STEP_DIGIT_KEYS,
)
