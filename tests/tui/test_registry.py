"""One declaration per action: keys, Footer labels, F1 help and palette entries all come from
the registry, and a screen whose keys are not declared (or lack Chinese help) fails here.

Every class of branchtui.tui that binds keys is looked at — the screens of the areas, and the
forms, dialogs, wizards, wizard steps and widgets they open — not only the declared screens:
a key bound by hand in a form (Ctrl+L in the development step form once) fails."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets._select import SelectOverlay

import branchtui.tui
from branchtui.tui.app import BranchApp
from branchtui.tui.registry import (
    APP_ACTIONS,
    AREAS,
    SCREEN_BY_ID,
    WIDGET_ACTIONS,
    ActionSpec,
    ScreenSpec,
    area_actions,
    context_actions,
    context_entries,
    declared_actions,
    palette_entries,
)
from branchtui.tui.registry.spec import acts_in_place
from branchtui.tui.screens.area_menu import open_actions

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}")
SCREENS = list(SCREEN_BY_ID.values())


def screen_class(spec: ScreenSpec) -> type:
    module_name, _, class_name = spec.factory.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def all_actions() -> list[ActionSpec]:
    """Every declared action: the app's, the areas', every screen's and every widget's, form's,
    dialog's and wizard's, and the keys of each area's menu."""
    found = list(declared_actions())
    for area in AREAS[1:]:
        found += open_actions(area)
    return found


def binding_classes() -> list[type]:
    """Every screen and widget class of branchtui.tui that binds keys of its own (nested and
    made-in-a-function classes too: every DOMNode subclass once each module is imported), and
    the Textual class whose keys the app sets (a drop-down's open list). Each area's menu is
    built from open_actions (checked with all_actions)."""
    for info in pkgutil.walk_packages(branchtui.tui.__path__, "branchtui.tui."):
        importlib.import_module(info.name)
    found: list[type] = [SelectOverlay]
    todo: list[type] = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("branchtui.tui.") and cls.__dict__.get("BINDINGS"):
            found.append(cls)
    return sorted(set(found), key=lambda c: (c.__module__, c.__qualname__))


def test_keys_are_bound_only_from_declarations() -> None:
    """No Binding is made by hand, nor a key bound at run time, outside the registry: each
    comes from an ActionSpec (ActionSpec.binding, keys_of, ScreenSpec.bindings)."""
    root = Path(branchtui.tui.__file__).parent
    spec = root / "registry" / "spec.py"
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path != spec:
            assert "Binding(" not in text, f"{path.relative_to(root)} makes a Binding by hand"
        assert not re.search(r"\.bind\(", text), f"{path.relative_to(root)} binds a key at run time"


# Keys without a palette entry that are not cursor keys (nor app actions), and why.
NO_PALETTE = {
    "palette": "Ctrl+P opens the palette itself",
    "page-back": "Esc back to the area's menu: the palette's 切换到：<area> goes there",
    "select-digit": "not an action: it says why a digit does nothing on a drop-down",
}
# The digits of a prompt listing its choices (新建哪一种会议, 转到哪一步): the list is the choice.
NO_PALETTE_PREFIXES = ("kind-", "goto-")


def exempt(action: ActionSpec) -> bool:
    return action.id in NO_PALETTE or action.id.startswith(NO_PALETTE_PREFIXES)


@pytest.mark.parametrize("cls", binding_classes(), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_key_of_every_screen_and_widget_is_declared(cls: type) -> None:
    declared = {a.id: a for a in all_actions()}
    for binding in cls.__dict__["BINDINGS"]:
        assert isinstance(binding, Binding) and binding.id, f"{cls.__name__}: {binding} undeclared"
        assert binding.id in declared, f"{cls.__name__}: {binding.id} is not declared"
        made = declared[binding.id].binding()
        for name in ("key", "action", "description", "tooltip", "show", "priority"):
            assert getattr(binding, name) == getattr(made, name), f"{binding.id}: {name}"


def global_entry_ids() -> set[str]:
    """The actions with an entry of their own in the palette: the app's, the areas' (切换到：),
    each screen's opened from its area's menu, and each screen's actions not declared ``here``."""
    ids = {a.id for a in (*APP_ACTIONS, *area_actions()) if a.palette}
    ids |= {a.id for area in AREAS[1:] for a in open_actions(area)}
    ids |= {a.id for spec in SCREENS for a in spec.actions if a.palette and not a.here}
    return ids


@pytest.mark.parametrize("cls", binding_classes(), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_key_of_every_screen_and_widget_has_a_palette_entry(cls: type) -> None:
    """Each key bound anywhere is in the palette: as an entry of its own, or as 本页：… over
    the screen holding it (context_actions) — unless it only moves the cursor, runs an app
    action with an entry of its own (通用：退出), or is one of the exceptions above."""
    declared = {a.id: a for a in all_actions()}
    here = context_actions()
    listed = global_entry_ids()
    for binding in cls.__dict__["BINDINGS"]:
        action = declared[binding.id]
        if action.palette:
            assert binding.id in here or binding.id in listed, f"{binding.id}: not in the palette"
        else:
            assert (
                acts_in_place(action.key) or action.action.startswith("app.") or exempt(action)
            ), f"{cls.__name__}: {binding.id} ({action.key}) has no palette entry"


@pytest.mark.parametrize("cls", binding_classes(), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_the_palette_entries_of_one_screen_or_widget_read_differently(cls: type) -> None:
    """本页：… entries are told apart by their titles (one title is offered once)."""
    here = context_actions()
    actions: dict[str, str] = {}
    for binding in cls.__dict__["BINDINGS"]:
        if binding.id in here:  # two keys of one action (Shift+Tab, Esc: 上一步) are one entry
            title = here[binding.id].title
            assert actions.setdefault(title, binding.action) == binding.action, title


@pytest.mark.parametrize("action", all_actions(), ids=lambda a: a.id)
def test_only_keys_moving_the_cursor_have_no_palette_entry(action: ActionSpec) -> None:
    """Arrows, Home/End, a list's PgUp/PgDn, Tab, Enter move the cursor or take what is under
    it; Esc (取消), Space (勾选), Delete (删除), digits (评定为优秀) are actions in the palette.
    A key running an app action has that action's entry (通用：退出)."""
    if not action.palette:
        assert acts_in_place(action.key) or action.action.startswith("app.") or exempt(action), (
            f"{action.id} ({action.key}) has no palette entry"
        )
    assert not (action.here and action in WIDGET_ACTIONS), f"{action.id}: here is for screens"


@pytest.mark.parametrize(
    "action", sorted(context_actions().values(), key=lambda a: a.id), ids=lambda a: a.id
)
def test_a_widget_key_is_in_the_palette_opened_over_it(action: ActionSpec) -> None:
    """A key of a form, dialog, wizard or widget (or a screen's key declared ``here``) is
    offered as 本页：… where it is bound and enabled (the palette reads the screen's active
    bindings: tests/tui/test_development_order.py runs Ctrl+L of the step form from it,
    test_data_tools.py the dashboard's b), and not where it is disabled."""
    (entry,) = context_entries([("node", action.binding(), True)])
    assert (entry.title, entry.action, entry.node) == (
        f"本页：{action.title}",
        action.action,
        "node",
    )
    assert context_entries([("node", action.binding(), False)]) == []


@pytest.mark.parametrize("action", all_actions(), ids=lambda a: a.id)
def test_every_action_has_chinese_title_and_help(action: ActionSpec) -> None:
    for text in (action.label, action.title, action.help):
        assert CJK.search(text), f"{action.id}: {text!r} is not Chinese"
        assert not ENGLISH_WORD.search(text), f"{action.id}: English in {text!r}"


def test_action_ids_are_unique() -> None:
    ids = [a.id for a in all_actions()]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


@pytest.mark.parametrize("spec", SCREENS, ids=lambda s: s.id)
def test_screen_keys_are_its_declared_actions(spec: ScreenSpec) -> None:
    cls = screen_class(spec)
    assert spec.id == cls.SCREEN_ID
    # Textual's own bindings (focus moves) carry no id; every one of ours does.
    bound = {b.id for b in cls.BINDINGS if isinstance(b, Binding) and b.id}
    assert bound == {a.id for a in spec.keys}, "keys bound on the screen but not declared"
    for action in spec.keys:
        name = action.action.split("(")[0]
        assert callable(getattr(cls, f"action_{name}", None)), f"{spec.id} lacks action_{name}"


@pytest.mark.parametrize("spec", SCREENS, ids=lambda s: s.id)
def test_screen_keys_do_not_shadow_each_other_or_the_app(spec: ScreenSpec) -> None:
    app_keys = {k for a in (*APP_ACTIONS, *area_actions()) for k in a.key.split(",")}
    seen: dict[str, str] = {}
    for action in spec.keys:
        for key in action.key.split(","):
            assert key not in seen, f"{key} used by {seen.get(key)} and {action.id}"
            assert key not in app_keys, f"{action.id} hides the app's key {key}"
            seen[key] = action.id


@pytest.mark.parametrize("area", AREAS[1:], ids=lambda a: a.id)  # the dashboard has no menu
def test_area_menu_keys_are_unique_and_free(area: object) -> None:
    actions = open_actions(area)  # type: ignore[arg-type]
    keys = [a.key for a in actions]
    assert len(keys) == len(set(keys))
    app_keys = {k for a in (*APP_ACTIONS, *area_actions()) for k in a.key.split(",")}
    assert not set(keys) & app_keys


def test_palette_lists_every_area_screen_and_action() -> None:
    titles = [e.title for e in palette_entries()]
    assert len(titles) == len(set(titles)), "two palette entries read the same"
    for area in AREAS:
        if area.id != "dashboard":
            assert f"切换到：{area.title}" in titles
        for spec in area.screens:
            assert f"{area.title}：{spec.title}" in titles
            for action in spec.actions:
                if action.palette and not action.here:  # (here: 本页：… where it applies)
                    assert f"{spec.title}：{action.title}" in titles


def test_app_binds_exactly_the_declared_app_and_area_keys() -> None:
    bound = {b.id for b in BranchApp.BINDINGS if isinstance(b, Binding)}
    assert bound == {a.id for a in (*APP_ACTIONS, *area_actions())}
    assert [a.key for a in AREAS] == [*"123456789", "0"]


def test_the_top_level_is_the_plans_eight_tasks_plus_todo_and_reports() -> None:
    assert [a.title for a in AREAS] == [
        "待办",
        "组织体系",
        "组织生活",
        "组织关系",
        "教育管理",
        "发展党员",
        "党内关怀",
        "建章立制",
        "基础保障",
        "报告",
    ]


@pytest.mark.parametrize("spec", SCREENS, ids=lambda s: s.id)
def test_a_register_without_dates_has_no_year_key(spec: ScreenSpec) -> None:
    cls = screen_class(spec)
    register = getattr(cls, "REGISTER", None)
    if register is None:
        return
    has_year_key = any(a.action == "choose_year" for a in spec.actions)
    assert has_year_key == (register.date_field is not None)


@pytest.mark.parametrize("typed", ["kaichu", "kcdj", "开除", "出党", "chudang", "tuidang", "去世"])
def test_the_palette_finds_removing_a_member_by_the_reasons(typed: str) -> None:
    """移除党员 is found by its reasons (开除党籍, 自行脱党 …) and 出党, from its declaration."""
    from branchtui.tui.commands import ranked_entries

    best, _ = ranked_entries(list(palette_entries()), typed)[0]
    assert best.title == "党员名册：移除党员" and best.action == "remove"


def test_removal_keywords_name_every_removal_reason() -> None:
    from branchtui.domain.erasure import ENTRY_ERROR_LABEL
    from branchtui.domain.records.people import REMOVAL_REASONS

    (remove,) = [a for a in SCREEN_BY_ID["roster"].actions if a.id == "roster-remove"]
    reasons = {label for code, label in REMOVAL_REASONS.items() if code != "other"}
    assert reasons | {ENTRY_ERROR_LABEL} <= set(remove.keywords)
