"""The menu of one task area: its screens on letter keys, and the area's duties at today.

Each area of the plan (组织体系, 组织生活 …) is a mode whose root is this menu; its number key
comes back here from anywhere, so every screen is the area's number and one letter away.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from branchtui.domain.obligations import Obligation
from branchtui.domain.obligations.catalogue import FAMILIES
from branchtui.tui.obligations import ObligationsComputed, compute_obligations
from branchtui.tui.registry import ActionSpec, AreaSpec, ScreenSpec
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.obligation_list import ObligationList


def open_actions(area: AreaSpec) -> tuple[ActionSpec, ...]:
    """One key per screen of the area: its letter opens it."""
    return tuple(
        ActionSpec(
            f"open-{screen.id}",
            screen.key,
            screen.title,
            screen.title,
            f"打开「{screen.title}」：{screen.help}",
            f"open('{screen.id}')",
            group="打开",
        )
        for screen in area.screens
    )


def area_menu(area: AreaSpec) -> AreaMenuScreen:
    """The menu screen of ``area`` (a subclass per area, so that its keys are its BINDINGS)."""
    cls = _MENU_CLASSES.get(area.id)
    if cls is None:
        bindings: list[BindingType] = [a.binding() for a in open_actions(area)]
        cls = type(f"AreaMenu_{area.id}", (AreaMenuScreen,), {"BINDINGS": bindings})
        _MENU_CLASSES[area.id] = cls
    return cls(area)


_MENU_CLASSES: dict[str, type[AreaMenuScreen]] = {}


def _screen_option(screen: ScreenSpec) -> Option:
    line = Text.assemble((f" {screen.key} ", "bold reverse"), "  ", (screen.title, "bold"))
    line.append(f"  {screen.help}", style="dim")
    line.no_wrap = True
    line.overflow = "ellipsis"
    return Option(line, id=f"screen-{screen.id}")


class AreaMenuScreen(DataScreen):
    """An area's screens and its duties; Enter opens the highlighted screen or duty."""

    AUTO_FOCUS = "#area-screens"
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, area: AreaSpec) -> None:
        super().__init__()
        self.area = area
        self.request = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        rules = "、".join(self.area.rules)
        yield Static(
            Text.assemble((self.area.title, "bold"), f"（{rules}）  ", (self.area.help, "dim")),
            id="area-info",
        )
        if self.area.screens:
            yield OptionList(*map(_screen_option, self.area.screens), id="area-screens")
        else:
            yield Static(
                "本方面的办理界面尚未提供；下列事项可在待办事项中查看。", id="area-screens"
            )
        yield Static("本方面待办", id="area-duties-title", classes="section-title")
        yield ObligationList(id="area-duties")
        yield BranchFooter()

    def reload(self) -> None:
        self.sub_title = self.area.title
        self.request += 1
        self._compute(self.request)

    @work(thread=True, exclusive=True, group="obligations", description="计算待办事项")
    def _compute(self, request: int) -> None:
        app = self.branch_app
        result = compute_obligations(app.data_dir, self.data, self.today)
        self.post_message(ObligationsComputed(request, result))

    @on(ObligationsComputed)
    def _computed(self, message: ObligationsComputed) -> None:
        if message.request != self.request:
            return
        result = message.result
        mine = [ob for ob in result.obligations if self.area.covers(ob.rule)]
        families = "、".join(FAMILIES.get(r, r) for r in self.area.rules if "-" not in r)
        title = self.query_one("#area-duties-title", Static)
        title.update(f"本方面待办（{families}，{result.on:%Y-%m-%d}）")
        if result.problem:
            self.notify(result.problem, title="注意", severity="warning", timeout=10)
        self.query_one(ObligationList).show(mine, result.on)

    async def action_open(self, screen_id: str) -> None:
        await self.branch_app.open_screen(screen_id)

    @on(OptionList.OptionSelected, "#area-screens")
    async def _screen_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        await self.branch_app.open_screen(option_id.removeprefix("screen-"))

    @on(ObligationList.Opened)
    def _duty_chosen(self, message: ObligationList.Opened) -> None:
        from branchtui.tui.screens.obligation_detail import ObligationDetail

        self.app.push_screen(ObligationDetail(message.obligation, self.data), self._settle)

    def _settle(self, target: tuple[str, Obligation] | None) -> None:
        if target is not None:
            self.branch_app.settle(*target)
