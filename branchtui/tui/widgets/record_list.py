"""A list of the parts of a record (议题 and 发言, 决定 and 表决, 整改事项, 附件) that a wizard step
edits with its own keys; each line has an id saying what it is (``a0``, ``a0s1``, ``v2``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class RecordList(OptionList):
    """An OptionList that keeps the highlighted line (by id) across redraws."""

    DEFAULT_CSS = """
    RecordList { height: auto; max-height: 12; min-height: 3; border: round $primary-darken-2; }
    RecordList:focus { border: round $primary; }
    """

    def __init__(self, empty: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.empty = empty

    def show(self, lines: Iterable[tuple[str, str | Text]]) -> None:
        """Replace the lines: (id, text) pairs; an empty list shows ``empty`` (disabled)."""
        current = self.current_id
        self.clear_options()
        options = [Option(text, id=line_id) for line_id, text in lines]
        if not options:
            options = [Option(Text(self.empty, style="dim"), id="", disabled=True)]
        self.add_options(options)
        ids = [o.id for o in options]
        if current in ids:
            self.highlighted = ids.index(current)
        elif options and not options[0].disabled:
            self.highlighted = 0

    @property
    def current_id(self) -> str | None:
        """The id of the highlighted line ('' for the empty line, None when none)."""
        if self.highlighted is None or self.option_count == 0:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.id if option.id else None

    def highlight_id(self, line_id: str) -> None:
        for index in range(self.option_count):
            if self.get_option_at_index(index).id == line_id:
                self.highlighted = index
                return
