"""The declarations every key, Footer label, help line and palette entry is derived from.

An ``ActionSpec`` is one thing a user can do on a screen; a ``ScreenSpec`` is one screen of a
task area, with its key in the area's menu; an ``AreaSpec`` is one of the top-level areas (the
plan's eight tasks plus 待办 and 报告). Screens build their ``BINDINGS`` from their spec, the F1
help reads those bindings, and the command palette lists every area, screen and action from
these declarations, so none of them can drift from the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class ActionSpec:
    """One user action: its key, the Footer's short label, the palette title and the help line.

    ``action`` is the Textual action run on the screen (``"add"``, ``"shift_days(-1)"``).
    ``group`` joins keys under one Footer label (``"前后一天"``) to save room at 80 columns.
    ``palette`` is False only for keys that move the cursor (``acts_in_place``: arrows,
    Home/End, PgUp/PgDn in a list, Tab, Enter on the field or row under the cursor), or that
    run an app action with an entry of its own; such a key still has its Chinese help. A key of
    a widget, form, dialog or wizard (not of an area's screen) is offered in the palette opened
    over the screen holding it, as ``本页：<title>`` (Esc's 取消, Space's 勾选, Delete's 删除
    too). ``here``: a key of an area's screen that applies only in one state (the dashboard's
    b while the data file cannot be opened) is offered the same way, only where it is enabled,
    rather than as an entry of its own. ``keywords`` are other words a user may look for it by
    (开除党籍 for 移除党员): the palette finds them by Chinese, pinyin and initials like the
    title.
    """

    id: str
    key: str
    label: str
    title: str
    help: str
    action: str
    show: bool = True
    group: str | None = None
    palette: bool = True
    key_display: str | None = None
    priority: bool = False
    keywords: tuple[str, ...] = ()
    here: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
            group=_group(self.group),
        )


# Keys that move the cursor (arrows, Home/End, a list's PgUp/PgDn, Tab) or take the field or
# row under it (Enter: the next field, or the row's detail, which a lettered key also opens):
# an action bound to these alone has no palette entry, there being nothing to run away from the
# cursor. Every other key (a letter, Ctrl+…, F2, Esc, Space, Delete, a digit) is offered in the
# palette too: what it does is an action of its own (取消, 勾选, 删除议题, 评定为优秀 …).
CURSOR_KEYS = frozenset(
    {
        *("up", "down", "left", "right", "home", "end", "pageup", "pagedown"),
        *("ctrl+pageup", "ctrl+pagedown", "tab", "shift+tab", "enter"),
    }
)


def acts_in_place(key: str) -> bool:
    """Whether every key of ``key`` ("up,k") moves the cursor or takes what is under it."""
    return set(key.split(",")) <= CURSOR_KEYS


def widget_key(
    id_: str, key: str, label: str, help_: str, action: str, *, title: str = "", **kw: object
) -> ActionSpec:
    """A key of a widget, form, dialog or wizard step: its Footer label is its palette title
    unless ``title`` says more; in the palette unless it acts in place (CURSOR_KEYS)."""
    palette = kw.pop("palette", not acts_in_place(key))
    return ActionSpec(id_, key, label, title or label, help_, action, palette=palette, **kw)  # type: ignore[arg-type]


_GROUPS: dict[str, Binding.Group] = {}


def _group(description: str | None) -> Binding.Group | None:
    # Textual groups bindings by the identity of their Group: one object per description.
    if description is None:
        return None
    return _GROUPS.setdefault(description, Binding.Group(description, compact=True))


@dataclass(frozen=True)
class ScreenSpec:
    """One screen of a task area.

    ``factory`` is ``"module:Class"``, imported only when the screen is first opened so that
    start-up stays lean. ``key`` opens it from its area's menu. ``settles`` lists the catalogue
    targets (``screen:<name>`` in domain/obligations/catalogue.py) this screen settles.
    ``keywords``: other words the palette finds the screen by (as ActionSpec's).
    """

    id: str
    area: str
    key: str
    title: str
    help: str
    factory: str
    actions: tuple[ActionSpec, ...] = ()
    settles: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[ActionSpec, ...]:
        """Every key of the screen: its actions, and Esc back to its area's menu."""
        return self.actions if self.area == "dashboard" else (*self.actions, BACK)

    def bindings(self) -> list[BindingType]:
        return [action.binding() for action in self.keys]


# Every screen opened from an area's menu goes back to it with Esc (or its area's number).
BACK = ActionSpec(
    "page-back",
    "escape",
    "返回",
    "返回",
    "返回本方面的菜单（正在搜索时先清除搜索）",
    "back",
    show=False,
    palette=False,
)


@dataclass(frozen=True)
class AreaSpec:
    """A top-level area: a Textual mode whose root is the area's menu (or the dashboard).

    ``rules`` are the rule-ID prefixes (and single IDs) whose duties the area's menu lists.
    """

    id: str
    key: str
    title: str
    help: str
    rules: tuple[str, ...] = ()
    screens: tuple[ScreenSpec, ...] = field(default=())

    def covers(self, rule_id: str) -> bool:
        """Whether the duty ``rule_id`` belongs to this area."""
        return any(rule_id == r or rule_id.startswith(f"{r}-") for r in self.rules)


def register_actions(
    screen_id: str,
    noun: str,
    *,
    closes: str = "",
    years: bool = True,
    extra: tuple[ActionSpec, ...] = (),
) -> tuple[ActionSpec, ...]:
    """The keys of a register screen (tui/screens/register.py) for records called ``noun``.

    ``closes``: what closing a record is called (结束, 返回 …) when the register keeps closed
    records as history; without it, removing deletes after a confirmation. ``years``: whether
    its records have a date to filter by year (a register without one gets no year key).
    """
    keys = [
        ActionSpec(f"{screen_id}-add", "a", "新增", f"新增{noun}", f"登记一条{noun}", "add"),
        ActionSpec(f"{screen_id}-edit", "e", "编辑", f"编辑{noun}", f"修改选中的{noun}", "edit"),
    ]
    if closes:
        keys.append(
            ActionSpec(
                f"{screen_id}-remove",
                "d",
                closes,
                f"{closes}{noun}",
                f"选中的{noun}{closes}，保留为历史记录",
                "remove",
            )
        )
        keys.append(
            ActionSpec(
                f"{screen_id}-history",
                "h",
                "历史",
                f"{noun}历史",
                f"显示或隐藏已{closes}的{noun}",
                "toggle_history",
            )
        )
    else:
        keys.append(
            ActionSpec(
                f"{screen_id}-remove",
                "d",
                "删除",
                f"删除{noun}",
                f"删除选中的{noun}（先确认；数据备份中仍可找回）",
                "remove",
            )
        )
    if years:
        keys.append(
            ActionSpec(
                f"{screen_id}-year",
                "y",
                "年份",
                f"{noun}按年份筛选",
                "只看某一年的记录",
                "choose_year",
            )
        )
    return (*keys, *extra)


def keys_of(actions: Iterable[ActionSpec]) -> list[BindingType]:
    """The Textual bindings of declared keys (a widget's, a form's, a wizard step's)."""
    return [action.binding() for action in actions]
