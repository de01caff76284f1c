"""Every area, screen and action of the TUI, declared once.

The top level is the plan's eight tasks plus 待办 and 报告, on the keys 1…9 and 0. Each area is
a Textual mode whose root is the area's menu (its screens on letter keys, its duties below);
the dashboard is its own root. So any screen is at most three keys away from anywhere: the
area's number (which returns to the area's menu), the screen's letter, the action's key.

Each area's screens are declared in the module named after the area; add a screen there and
it appears in the area menu, the command palette and the settle actions of the dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from textual.binding import Binding

from branchtui.tui.registry import (
    care,
    dashboard,
    development,
    dialogs,
    education,
    forms,
    life,
    organization,
    relations,
    reports,
    support,
    systems,
)
from branchtui.tui.registry.spec import ActionSpec, AreaSpec, ScreenSpec

AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("dashboard", "1", "待办", "各项规则的应办事项", screens=(dashboard.DASHBOARD,)),
    AreaSpec(
        "organization",
        "2",
        "组织体系",
        "支部概况、支部信息、党员名册、党小组、支委会、换届选举",
        rules=("ORG",),
        screens=organization.SCREENS,
    ),
    AreaSpec(
        "life",
        "3",
        "组织生活",
        "三会一课、主题党日、组织生活会、民主评议",
        rules=("LIFE", "NAT-1", "NAT-2", "NAT-7"),
        screens=life.SCREENS,
    ),
    AreaSpec(
        "relations",
        "4",
        "组织关系",
        "组织关系转接、因私出国（境）、流动党员",
        rules=("REL",),
        screens=relations.SCREENS,
    ),
    AreaSpec(
        "education",
        "5",
        "教育管理",
        "党费、集中学习、主题实践活动、党员证、出勤与失联、不合格党员处置",
        rules=("EDU", "NAT-4", "NAT-5", "NAT-6"),
        screens=education.SCREENS,
    ),
    AreaSpec(
        "development",
        "6",
        "发展党员",
        "入党申请人、积极分子、发展对象、预备党员，一人一档",
        rules=("DEV", "NAT-3"),
        screens=development.SCREENS,
    ),
    AreaSpec(
        "care",
        "7",
        "党内关怀",
        "谈心谈话、思想动态、党务公开、困难帮扶",
        rules=("CARE",),
        screens=care.SCREENS,
    ),
    AreaSpec(
        "systems",
        "8",
        "建章立制",
        "规章制度、年度计划、电子台帐、上级检查",
        rules=("SYS",),
        screens=systems.SCREENS,
    ),
    AreaSpec(
        "support",
        "9",
        "基础保障",
        "活动场所、活动经费、数据备份与恢复",
        rules=("BASE",),
        screens=support.SCREENS,
    ),
    AreaSpec(
        "reports",
        "0",
        "报告",
        "月度工作报告、年度考核、好经验好做法",
        rules=("REP",),
        screens=reports.SCREENS,
    ),
)
AREA_BY_ID: dict[str, AreaSpec] = {area.id: area for area in AREAS}
SCREEN_BY_ID: dict[str, ScreenSpec] = {s.id: s for area in AREAS for s in area.screens}

# Keys that work on every screen (the app's own bindings).
APP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("help", "f1,question_mark", "帮助", "按键帮助", "列出当前界面可用的按键", "help"),
    ActionSpec(
        "palette",
        "ctrl+p",
        "命令",
        "命令面板",
        "按名称、拼音或首字母查找全部功能",
        "command_palette",
        show=False,
        priority=True,
        palette=False,
    ),
    ActionSpec(
        "reload",
        "ctrl+r",
        "刷新",
        "刷新数据",
        "重新读取数据文件（其他人刚保存过时）",
        "reload",
        show=False,
    ),
    ActionSpec("quit", "ctrl+q", "退出", "退出", "退出程序", "quit", priority=True),
)


# The keys of widgets, forms, dialogs and wizards (not of an area's screen): bound where they
# are declared, listed by F1 there, and offered in the palette opened over the screen holding
# them unless they act in place (tui/commands.py).
WIDGET_ACTIONS: tuple[ActionSpec, ...] = (
    *forms.KEYS,
    *dialogs.KEYS,
    *dashboard.DUTY_LIST_KEYS,
    *organization.KEYS,
    *life.KEYS,
    *relations.KEYS,
    *development.KEYS,
    *reports.KEYS,
)


def declared_actions() -> tuple[ActionSpec, ...]:
    """Every action declared anywhere: the app's, the areas', every screen's, every widget's."""
    screens = [a for spec in SCREEN_BY_ID.values() for a in spec.keys]
    found = [*APP_ACTIONS, *area_actions(), *screens, *WIDGET_ACTIONS]
    return tuple(dict.fromkeys(found))  # BACK is every screen's


def area_actions() -> tuple[ActionSpec, ...]:
    """One key per area: its number opens the area's menu (the dashboard for 1)."""
    return tuple(
        ActionSpec(
            f"area-{area.id}",
            area.key,
            area.title,
            f"切换到：{area.title}",
            f"{area.title}：{area.help}",
            f"go_area('{area.id}')",
            show=False,
        )
        for area in AREAS
    )


def screen_spec(screen_id: str) -> ScreenSpec:
    """The declaration of one screen (KeyError for an unknown id: a programming error)."""
    return SCREEN_BY_ID[screen_id]


def screen_for_target(target: str) -> ScreenSpec | None:
    """The screen that settles a catalogue target (``meetings`` of ``screen:meetings``)."""
    for spec in SCREEN_BY_ID.values():
        if target in spec.settles:
            return spec
    return None


def area_of_rule(rule_id: str) -> AreaSpec | None:
    """The area whose menu lists the duty ``rule_id``."""
    for area in AREAS:
        if area.covers(rule_id):
            return area
    return None


@dataclass(frozen=True)
class PaletteEntry:
    """One line of the command palette: what it says, its help, and what it runs."""

    title: str
    help: str
    area: str | None = None  # switch to this area's menu …
    screen: str | None = None  # … open this screen …
    action: str | None = None  # … and run this action on it (or on the app when no screen)
    keywords: tuple[str, ...] = ()  # other words it is found by
    # The widget or screen the action runs on: a key of the form or wizard the palette was
    # opened over (context_entries); None for the entries above.
    node: object = field(default=None, compare=False)


CONTEXT_PREFIX = "本页"


def context_actions() -> dict[str, ActionSpec]:
    """The actions offered only where they are bound, by binding id: every key of a widget,
    form, dialog or wizard with a palette entry (WIDGET_ACTIONS), and the keys of an area's
    screens declared ``here`` (the dashboard's b while the data file cannot be opened)."""
    screens = [a for spec in SCREEN_BY_ID.values() for a in spec.actions if a.here]
    return {a.id: a for a in (*WIDGET_ACTIONS, *screens) if a.palette}


def context_entries(active: Iterable[tuple[object, Binding, bool]]) -> list[PaletteEntry]:
    """The palette entries of the keys bound where the palette was opened (``active``: node,
    binding, enabled, of the screen below it): each of context_actions() enabled there,
    "本页：关联支部党员大会". An area's screens and their other actions have entries of their
    own (palette_entries)."""
    declared = context_actions()
    entries: dict[str, PaletteEntry] = {}
    for node, binding, enabled in active:
        spec = declared.get(binding.id or "")
        if spec is None or not enabled or spec.title in entries:
            continue
        title = f"{CONTEXT_PREFIX}：{spec.title}"
        entries[spec.title] = PaletteEntry(
            title, spec.help, action=spec.action, keywords=spec.keywords, node=node
        )
    return list(entries.values())


def palette_entries() -> Iterator[PaletteEntry]:
    """Every area, screen and action, named "区域：功能" / "界面：动作"."""
    for area in AREAS:
        if area.id != "dashboard":
            yield PaletteEntry(f"切换到：{area.title}", area.help, area=area.id)
        for screen in area.screens:
            yield PaletteEntry(
                f"{area.title}：{screen.title}",
                screen.help,
                screen=screen.id,
                keywords=screen.keywords,
            )
            for action in screen.actions:
                if action.palette and not action.here:
                    yield PaletteEntry(
                        f"{screen.title}：{action.title}",
                        action.help,
                        screen=screen.id,
                        action=action.action,
                        keywords=action.keywords,
                    )
    for action in APP_ACTIONS:
        if action.palette:
            yield PaletteEntry(f"通用：{action.title}", action.help, action=action.action)


__all__ = [
    "APP_ACTIONS",
    "AREAS",
    "AREA_BY_ID",
    "SCREEN_BY_ID",
    "WIDGET_ACTIONS",
    "ActionSpec",
    "AreaSpec",
    "PaletteEntry",
    "ScreenSpec",
    "area_actions",
    "area_of_rule",
    "context_actions",
    "context_entries",
    "declared_actions",
    "palette_entries",
    "screen_for_target",
    "screen_spec",
]
