"""修改历史 (SYS-3, SYS-4): the versions of one meeting record, each with when and by whom it
was saved and what it changed; Enter shows a version's minutes, c what the next version
changed. What a secretary shows an inspection that asks what a record said before."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.widgets import DataTable

from branchtui.domain.meetings.version_changes import meeting_changes
from branchtui.domain.meetings.versions import version_summary, versions_of
from branchtui.domain.records import BranchData, Meeting
from branchtui.tui.registry.life import VERSION_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.versions_list import VersionsList
from branchtui.tui.widgets.footer import MODAL_KEYS


class MeetingVersionsView(VersionsList):
    """The versions of ``meeting``, the first first; the current one last."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(VERSION_KEYS), *MODAL_KEYS]

    def __init__(self, data_dir: Path, data: BranchData, meeting: Meeting, title: str) -> None:
        versions = versions_of(meeting)
        super().__init__(title, versions, lambda i: version_summary(versions, i, data))
        self.data_dir = data_dir
        self.data = data
        self.meeting = meeting

    @on(DataTable.RowSelected, "#versions-table")
    def _chosen(self) -> None:
        self.action_view()

    def action_view(self) -> None:
        version = self.selected
        if version.meeting is None:
            self.notify(version.problem, severity="warning", timeout=8)
            return
        from branchtui.tui.screens.minutes_view import MinutesView

        if version.current:
            header, compare = version.header, None
        else:
            header = (
                f"{version.header}\n按该版保存的内容生成；按 c 查看第{version.number + 1}版改了什么"
            )
            compare = self.action_compare
        self.app.push_screen(
            MinutesView(
                self.data_dir,
                self.data,
                version.meeting,
                header=header,
                from_file=version.current,
                compare=compare,
            )
        )

    def action_compare(self) -> None:
        version = self.selected
        if version.current:
            self.notify(
                f"第{version.number}版是当前版本，之后没有修改；在较早的版本上按 c 对比",
                timeout=6,
            )
            return
        after = self.versions[version.number]
        if version.meeting is None or after.meeting is None:
            problem = version.problem or after.problem
            self.notify(problem, severity="warning", timeout=8)
            return
        from branchtui.tui.screens.version_changes import VersionChangesView

        changes = meeting_changes(version.meeting, after.meeting, self.data)
        self.app.push_screen(VersionChangesView(version, after, changes))
