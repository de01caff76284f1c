"""The command palette (Ctrl+P): every area, screen and action of the registry, found by
Chinese, full pinyin or initials (``zwh`` → 支委会, ``dk`` → 党课)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from rich.align import Align
from rich.text import Text
from textual.command import (
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.widgets.option_list import Option

from branchtui.domain.search import match_rank
from branchtui.tui.registry import PaletteEntry, context_entries, palette_entries

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from branchtui.tui.app import BranchApp

# Before set-up only these app actions can run; offering the rest would only refuse.
_BEFORE_SETUP = ("help", "quit")


def entry_rank(entry: PaletteEntry, query: str) -> int | None:
    """The entry's rank for ``query`` (lower is better; None: not a match).

    The title is matched by Chinese, pinyin or initials, and each half of "区域：功能" on its
    own too, so ``dk`` finds 党课 wherever it stands; so are the entry's keywords (``kaichu``
    finds 移除党员 by 开除党籍); the help text only by Chinese words.
    """
    ranks = [match_rank(entry.title, query)]
    ranks += [match_rank(part, query) for part in entry.title.split("：")]
    ranks += [match_rank(word, query) for word in entry.keywords]
    found = [r for r in ranks if r is not None]
    if found:
        return min(found)
    if query and not query.isascii() and query in entry.help:
        return 3
    return None


def ranked_entries(
    entries: list[PaletteEntry], query: str, fallback: Callable[[str], bool] | None = None
) -> list[tuple[PaletteEntry, float]]:
    """The entries matching ``query`` with their rank (lower is better), best first.

    ``fallback`` accepts a title whose typed characters only appear in order (rank 4). A screen
    whose name matches ranks above its own actions: ``tanhua`` opens 谈心谈话 rather than
    running "谈心谈话：谈话记录按年份筛选", whatever each title's own rank.
    """
    ranks: dict[int, float] = {}
    for index, entry in enumerate(entries):
        found = entry_rank(entry, query)
        if found is None and fallback is not None and fallback(entry.title):
            found = 4
        if found is not None:
            ranks[index] = float(found)
    screens: dict[str, float] = {
        entries[i].screen or "": rank
        for i, rank in ranks.items()
        if entries[i].screen is not None and entries[i].action is None
    }
    for index, rank in list(ranks.items()):
        entry = entries[index]
        if entry.action is not None and entry.screen is not None and entry.screen in screens:
            ranks[index] = max(rank, screens[entry.screen]) + 0.5
    order = sorted(ranks, key=lambda i: (ranks[i], i))
    return [(entries[i], ranks[i]) for i in order]


class BranchCommands(Provider):
    """Areas, screens and actions of branchtui, for the command palette."""

    def _run(self, entry: PaletteEntry) -> None:
        app: BranchApp = self.app  # type: ignore[assignment]
        if entry.node is not None and entry.action is not None:
            # A key of the form or wizard below the palette, run where it is bound.
            node = cast("DOMNode", entry.node)
            app.run_worker(app.run_action(entry.action, node), exclusive=True, group="palette")
        elif app.store is None and entry.action not in _BEFORE_SETUP:
            app.notify("请先完成初始化", severity="warning")
        elif entry.screen is not None:
            app.run_worker(
                app.run_screen_action(entry.screen, entry.action), exclusive=True, group="palette"
            )
        elif entry.area is not None:
            app.run_worker(app.action_go_area(entry.area), exclusive=True, group="palette")
        elif entry.action is not None:
            app.run_worker(app.run_action(entry.action), exclusive=True, group="palette")

    def _entries(self) -> list[PaletteEntry]:
        # The keys of the screen below first: what the form or wizard on screen can do.
        active = self.screen.active_bindings.values()
        here = context_entries((a.node, a.binding, a.enabled) for a in active)
        entries = list(palette_entries())
        if getattr(self.app, "store", None) is None:
            return here + [
                e
                for e in entries
                if e.screen is None and e.area is None and e.action in _BEFORE_SETUP
            ]
        return here + entries

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.title, partial(self._run, entry), help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # The typed characters in order, with others between (待办上个月), rank last.
        in_order = lambda title: matcher.match(title) > 0  # noqa: E731
        for entry, rank in ranked_entries(self._entries(), query, in_order):
            # Chinese queries get Textual's highlight; pinyin ones the plain title.
            shown: Any = matcher.highlight(entry.title) if not query.isascii() else entry.title
            yield Hit(1.0 - rank * 0.2, shown, partial(self._run, entry), help=entry.help)


class BranchPalette(CommandPalette):
    """Textual's command palette with its texts in Chinese and no emoji."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(placeholder="输入功能名称、拼音或首字母查找（如：xzdy 新增党员）", id=id)

    def on_mount(self) -> None:
        # The default 🔎 is an emoji: two cells in some terminals, one in others.
        self.query_one(SearchIcon).icon = "找"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own version writes "No matches found"; the same, in Chinese.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("没有找到匹配的功能", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
