"""Computing the duties at a date off the UI thread, for the dashboard and the area menus;
today's, once computed, kept in the user's cache for the next start (storage.duties_cache)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from branchtui.domain.obligations import Obligation
from branchtui.domain.profile import Profile
from branchtui.storage.duties_cache import read_duties, write_duties
from branchtui.storage.folder_obligations import FolderObligations, obligations_for_folder

if TYPE_CHECKING:
    from branchtui.domain.records import BranchData


@dataclass
class Computed:
    """The engine's result at ``on``; ``problem`` is a Chinese line to show once, if any;
    ``profile`` the one they were judged by; ``key`` what they were computed from
    (duties_cache.duties_key; '' when they are not to be kept); ``kept``: read from the
    cache, so not to be written there again."""

    on: dt.date
    obligations: list[Obligation] = field(default_factory=list)
    estimated: bool = False
    problem: str = ""
    profile: Profile | None = None
    key: str = ""
    kept: bool = False


def compute_obligations(folder: Path, data: BranchData, on: dt.date, key: str = "") -> Computed:
    """The obligations at ``on``, as `branchtui todo` computes them; never raises (a faulty
    rule must not close the secretary's session: it becomes the problem line)."""
    try:
        result = obligations_for_folder(folder, data, on)
    except Exception as error:
        message = f"计算待办事项时出错（{type(error).__name__}），请按 9、b 在「数据备份与恢复」中按 c 检查"
        return Computed(on, problem=message)
    return Computed(on, result.obligations, result.estimated, result.problem, result.profile, key)


def cached_obligations(folder: Path, on: dt.date) -> Computed | None:
    """The duties at ``on`` as computed before from the data file as it is now; None if not
    kept (or not any more: the file, calendar.toml or the program changed)."""
    found = read_duties(folder, on)
    if found is None:
        return None
    result, key = found
    return Computed(
        on, result.obligations, result.estimated, result.problem, result.profile, key, kept=True
    )


def remember_obligations(folder: Path, computed: Computed) -> None:
    """Keep a result that has a key, for the next start's first frame."""
    if computed.key and computed.profile is not None:
        result = FolderObligations(
            computed.on,
            computed.profile,
            computed.obligations,
            computed.estimated,
            computed.problem,
        )
        write_duties(folder, result, computed.key)


class ObligationsComputed(Message):
    """A worker's result for request number ``request``."""

    def __init__(self, request: int, result: Computed) -> None:
        super().__init__()
        self.request = request
        self.result = result
