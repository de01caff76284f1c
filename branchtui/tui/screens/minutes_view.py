"""A saved meeting's minutes in a Markdown view (the file in minutes/YYYY/, or rendered again
when the file is missing), with its amendments listed by the minutes themselves; or an
earlier version of the record (修改历史), rendered from that version under a header saying
which it is, with a key to what the next version changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from branchtui.domain.meetings.titles import minutes_caption
from branchtui.domain.records import BranchData, Meeting
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.dialogs import MINUTES_KEYS
from branchtui.tui.registry.life import MINUTES_COMPARE
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.minutes_markdown import MinutesMarkdown


class MinutesView(ModalScreen[None]):
    """会议记录: scroll with the arrows and PgUp/PgDn, Esc to close."""

    DEFAULT_CSS = """
    MinutesView { align: left top; background: $surface; }
    MinutesView > Vertical { height: 1fr; }
    MinutesView #minutes-where { height: auto; max-height: 3; color: $text-muted; padding: 0 1; }
    MinutesView #minutes-scroll { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *keys_of(MINUTES_KEYS),
        MINUTES_COMPARE.binding(),
        *MODAL_KEYS,
    ]

    def __init__(
        self,
        data_dir: Path,
        data: BranchData,
        meeting: Meeting,
        *,
        header: str = "",
        from_file: bool = True,
        compare: Callable[[], None] | None = None,
    ) -> None:
        """``header`` names the version shown; ``from_file`` False renders the minutes from
        ``meeting`` (an earlier version: the file holds the current one); ``compare`` opens
        what the next version changed (the key is shown only then)."""
        super().__init__()
        self.data_dir = data_dir
        self.data = data
        self.meeting = meeting
        self.header = header
        self.from_file = from_file
        self.compare = compare

    def _where(self, note: str = "") -> str:
        """The lines above the minutes: the header, then a problem or where the file is."""
        lines = [self.header] if self.header else []
        if note:
            lines.append(note)
        elif self.from_file:
            # The meeting in Chinese; the file (its name keeps the kind's code) below it.
            lines.append(minutes_caption(self.meeting))
            lines.append(f"文件：{self.meeting.minutes_path or '尚无会议记录文件'}")
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._where(), id="minutes-where", markup=False)
            with VerticalScroll(id="minutes-scroll", can_focus=True):
                yield MinutesMarkdown("正在读取会议记录…", id="minutes-text")
        yield BranchFooter()

    def on_mount(self) -> None:
        self.query_one("#minutes-scroll").focus()
        self._read()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compare":
            return self.compare is not None
        return True

    def action_compare(self) -> None:
        if self.compare is not None:
            self.compare()

    @work(thread=True, exclusive=True, group="minutes", description="读取会议记录")
    def _read(self) -> None:
        path = self.data_dir / self.meeting.minutes_path if self.meeting.minutes_path else None
        note = ""
        try:
            if self.from_file and path is not None and path.is_file():
                text = path.read_text(encoding="utf-8")
            else:
                from branchtui.storage.minutes import render_minutes

                text = render_minutes(self.data_dir, self.data, self.meeting)
                if self.from_file:
                    note = "会议记录文件不存在，以下为按当前数据重新生成的内容（branchtui minutes 记录编号 可重新写入文件）"
        except (OSError, UnicodeDecodeError) as error:
            text, note = "", f"无法读取会议记录文件（{error}）"
        except StoreError as error:
            text, note = "", error.message
        self.app.call_from_thread(self._show, text, note)

    def _show(self, text: str, note: str) -> None:
        if note:
            self.query_one("#minutes-where", Static).update(self._where(note))
        self.query_one("#minutes-text", Markdown).update(text)
