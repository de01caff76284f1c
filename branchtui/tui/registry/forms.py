"""The keys of the widgets every form shares (member fields, choices, pickers, dialogs).

They act on the field or dialog under the cursor; F1 lists them with their help, and the
command palette offers those that make sense without moving the cursor (tui/commands.py).
"""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec

# A member field (widgets/member_field.py): one rule for every form.
MEMBER_FIELD_KEYS = (
    ActionSpec(
        "member-field-next",
        "enter",
        "下一项",
        "到下一项",
        "到下一项（所选党员不变）",
        "next",
        show=False,
        palette=False,
    ),
    ActionSpec(
        "member-field-list",
        "space",
        "名单",
        "列出全部党员",
        "列出全部党员（多人项可勾选多人）",
        "list",
        key_display="空格",
    ),
    ActionSpec(
        "member-field-clear",
        "backspace,delete",
        "清除",
        "清除所选党员",
        "清除所选党员（多人项去掉最后一人）",
        "clear",
        show=False,
    ),
)
# Typing a name is not a binding: what F1 says of it (key, label, help).
MEMBER_TYPING = (("字母/汉字", "查找党员", "输入姓名、拼音或首字母查找，Enter 选定"),)
