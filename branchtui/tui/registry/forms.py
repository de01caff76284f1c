"""The keys of what every form shares: its fields (member, choice, drop-down), the record form,
the small form of a wizard step, and the member lists.

They act on the field or form under the cursor; F1 lists them with their help, and the command
palette offers those that do not act in place over the screen holding them (tui/commands.py).
"""

from __future__ import annotations

from branchtui.tui.registry.spec import widget_key

# A member field (widgets/member_field.py): one rule for every form.
MEMBER_FIELD_KEYS = (
    widget_key(
        "member-field-next", "enter", "下一项", "到下一项（所选党员不变）", "next", show=False
    ),
    widget_key(
        "member-field-list",
        "space",
        "名单",
        "列出全部党员（多人项可勾选多人）",
        "list",
        title="列出全部党员",
        key_display="空格",
    ),
    widget_key(
        "member-field-clear",
        "backspace,delete",
        "清除",
        "清除所选党员（多人项去掉最后一人）",
        "clear",
        title="清除所选党员",
        show=False,
    ),
)
# Typing a name is not a binding: what F1 says of it (key, label, help).
MEMBER_TYPING = (("字母/汉字", "查找党员", "输入姓名、拼音或首字母查找，Enter 选定"),)

# One of a few choices (‹ 举手表决 ›) and several of many (☑ 党课): widgets/choice_field.py.
CHOICE_KEYS = (
    widget_key(
        "choice-next",
        "right,space",
        "换一项",
        "换成下一个选项",
        "move(1)",
        title="换成下一个选项",
        show=False,
    ),
    widget_key("choice-prev", "left", "换回", "换成上一个选项", "move(-1)", show=False),
    widget_key("choice-enter", "enter", "确定", "确定并移到下一项", "enter", show=False),
)
TOGGLE_KEYS = (
    widget_key("toggle-next", "right", "右移", "移到右边的选项", "move(1)", show=False),
    widget_key("toggle-prev", "left", "左移", "移到左边的选项", "move(-1)", show=False),
    widget_key(
        "toggle-tick",
        "space",
        "选中/取消",
        "勾选或取消光标处的选项",
        "tick",
        title="勾选或取消选项",
        show=False,
    ),
    widget_key("toggle-enter", "enter", "确定", "确定并移到下一项", "enter", show=False),
)
# A column of fields (widgets/field_group.py): Up/Down move between them.
FIELD_GROUP_KEYS = (
    widget_key("form-down", "down", "下一项", "光标移到下一项", "app.focus_next", show=False),
    widget_key("form-up", "up", "上一项", "光标移到上一项", "app.focus_previous", show=False),
)
# A form's drop-down (widgets/form_select.py): a digit on it while the form holds typed input
# is not an area key; the open list closes with Esc.
FORM_SELECT_KEYS = (
    widget_key(
        "select-digit",
        "1,2,3,4,5,6,7,8,9,0",
        "不切换",
        "表单尚未保存时数字键不切换区域（先 Ctrl+S 保存或 Esc 取消）",
        "stay",
        key_display="数字键",
        show=False,
        palette=False,  # not an action: it says why a digit does nothing here
    ),
)
SELECT_LIST_KEYS = (
    widget_key(
        "select-close", "escape", "收起列表", "收起下拉列表", "dismiss", title="收起下拉列表"
    ),
)

# The record form of every register (widgets/record_form.py).
RECORD_FORM_KEYS = (
    widget_key(
        "record-save", "ctrl+s", "保存", "检查并保存", "save", title="保存记录", priority=True
    ),
    widget_key("record-cancel", "escape", "取消", "不保存，返回列表（已填写时先问）", "cancel"),
)
# A small form in a dialog (one 议题, 决定, 表决 …): screens/wizards/form_dialog.py.
FORM_DIALOG_KEYS = (
    widget_key(
        "form-accept", "ctrl+s", "确定", "检查并确定", "accept", title="确定所填内容", priority=True
    ),
    widget_key("form-cancel-dialog", "escape", "取消", "不做修改，关闭（已填写时先问）", "cancel"),
)

# The member lists (widgets/member_picker.py, widgets/members_picker.py).
MEMBER_PICKER_KEYS = (
    widget_key("picker-cancel", "escape", "取消", "不做修改，关闭对话框", "dismiss(None)"),
    # Priority: the query box keeps the cursor, the arrows move in the list below it.
    widget_key(
        "picker-down", "down", "下一个", "光标移到下一名党员", "move(1)", show=False, priority=True
    ),
    widget_key(
        "picker-up", "up", "上一个", "光标移到上一名党员", "move(-1)", show=False, priority=True
    ),
)
MEMBERS_PICKER_KEYS = (
    widget_key(
        "members-confirm",
        "ctrl+s",
        "确定",
        "确定所选党员",
        "confirm",
        title="确定所选党员",
        priority=True,
    ),
    widget_key(
        "members-all", "ctrl+a", "全选", "选中或取消列出的全部党员", "take_all", title="全选党员"
    ),
    widget_key("members-cancel", "escape", "取消", "不做修改，关闭（改过勾选时先问）", "cancel"),
    # Names hold no spaces: Space ticks or unticks the highlighted member, as Enter does.
    widget_key(
        "members-toggle",
        "space",
        "选中",
        "勾选或取消光标处的党员",
        "tick",
        title="勾选或取消党员",
        show=False,
        priority=True,
    ),
    widget_key(
        "members-down", "down", "下一个", "光标移到下一名党员", "move(1)", show=False, priority=True
    ),
    widget_key(
        "members-up", "up", "上一个", "光标移到上一名党员", "move(-1)", show=False, priority=True
    ),
)

KEYS = (
    *MEMBER_FIELD_KEYS,
    *CHOICE_KEYS,
    *TOGGLE_KEYS,
    *FIELD_GROUP_KEYS,
    *FORM_SELECT_KEYS,
    *SELECT_LIST_KEYS,
    *RECORD_FORM_KEYS,
    *FORM_DIALOG_KEYS,
    *MEMBER_PICKER_KEYS,
    *MEMBERS_PICKER_KEYS,
)
