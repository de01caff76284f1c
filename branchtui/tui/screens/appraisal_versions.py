"""修改历史 of a 民主评议 (SYS-3, SYS-4): its versions, each with when and by whom it was saved,
the reason given and what it changed (the grades of how many members, the steps, the votes) —
kept as a meeting's are, since the appraisal is amended with its meeting."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from branchtui.domain.meetings.versions import appraisal_version_summary, appraisal_versions
from branchtui.domain.records import Appraisal
from branchtui.tui.registry.life import APPRAISAL_VERSION_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.versions_list import VersionsList
from branchtui.tui.widgets.footer import MODAL_KEYS


class AppraisalVersionsView(VersionsList):
    """The versions of one year's 民主评议, the first first; the current one last."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(APPRAISAL_VERSION_KEYS), *MODAL_KEYS]

    def __init__(self, appraisal: Appraisal) -> None:
        versions = appraisal_versions(appraisal)
        title = f"{appraisal.year}年民主评议党员"
        super().__init__(title, versions, lambda i: appraisal_version_summary(versions, i))
        self.appraisal = appraisal
