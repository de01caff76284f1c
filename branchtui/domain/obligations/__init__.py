"""The duty engine: every obligation of RULES.md at a date, judged from plain data.

``obligations_on(data, on)`` runs the check registered for each rule ID (one function per
rule, in the family modules below) and lists the results overdue first.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING

from branchtui.domain.obligations.base import (
    RULE_CHECKS,
    STATUS_LABELS,
    STATUSES,
    Context,
    Obligation,
)
from branchtui.domain.obligations.catalogue import CATALOGUE, RULE_IDS
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData

# The rule modules, by family; a module not written yet is skipped (see unjudged_rules).
RULE_MODULES = ("org", "life", "rel", "edu", "dev", "care", "sys_rules", "base_rules", "rep", "nat")
_RULE_ORDER = {rule_id: index for index, rule_id in enumerate(RULE_IDS)}
_STATUS_ORDER = {status: index for index, status in enumerate(STATUSES)}


def _load_rule_modules() -> None:
    for name in RULE_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise  # a module that exists but imports something missing is a bug


_load_rule_modules()

if TYPE_CHECKING:  # the holidays package takes ~250 ms to import: only when first computing
    from branchtui.domain.calendar import WorkCalendar


def unjudged_rules() -> list[str]:
    """Rule IDs of the catalogue that no registered check judges yet, in catalogue order."""
    return [rule_id for rule_id in RULE_IDS if rule_id not in RULE_CHECKS]


def _sort_key(ob: Obligation) -> tuple[int, dt.date, int, str]:
    return (
        _STATUS_ORDER.get(ob.status, len(STATUSES)),
        ob.due or dt.date.max,
        _RULE_ORDER.get(ob.rule, len(_RULE_ORDER)),
        ob.period,
    )


def obligations_on(
    data: BranchData,
    on: dt.date,
    profile: Profile | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Obligation]:
    """Every obligation at ``on``: overdue, due, warning, upcoming, met, not applicable;
    within a status the nearest due date first.

    ``profile`` defaults to the branch's own; ``calendar`` to the built-in Chinese calendar
    (pass the one with the data folder's calendar.toml overrides when there is one).
    """
    if profile is None:
        profile = get_profile(data.branch.profile if data.branch else None)
    if calendar is None:
        from branchtui.domain.calendar import WorkCalendar

        calendar = WorkCalendar()
    ctx = Context(data=data, on=on, profile=profile, calendar=calendar)
    found: list[Obligation] = []
    for rule_id in RULE_IDS:
        check = RULE_CHECKS.get(rule_id)
        if check is not None:
            found.extend(check(ctx))
    return sorted(found, key=_sort_key)


__all__ = [
    "CATALOGUE",
    "RULE_IDS",
    "STATUSES",
    "STATUS_LABELS",
    "Obligation",
    "obligations_on",
    "unjudged_rules",
]
