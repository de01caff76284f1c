"""A realistic sample branch for newcomers, screenshots and benchmarks (``branchtui demo``).

``make_demo`` is pure and deterministic: every random choice and every id comes from
``random.Random(seed)``, so the same arguments give byte-identical data. The branch keeps
its duties well but has the gaps a real one has: a missed 支委会 month, two members behind
with their dues, a vacant 宣传委员 seat, one member without a phone, one without a 党员证,
a 'other' fund purpose, this month's report not yet sent, and one record of last year
entered a week after its meeting (会后补记).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import random

from branchtui.domain.dates import add_months
from branchtui.domain.demo import development, education, life, minutes, office, relations, roster
from branchtui.domain.demo.context import DemoContext
from branchtui.domain.demo.names import NamePool, id_check_char, id_number_valid
from branchtui.domain.profile import get_profile
from branchtui.domain.records import TABLES, BranchData

MIN_MEMBERS = 20
# The required date field each dated table is sorted by, in order of preference.
DATE_FIELDS = ("date", "start", "since", "opened", "applied", "depart", "noticed")


def make_demo(*, today: dt.date, seed: int = 2017, members: int = 30, years: int = 2) -> BranchData:
    """A sample branch of ``members`` active members with ``years`` of history before ``today``."""
    if members < MIN_MEMBERS:
        raise ValueError(f"示例支部至少需要{MIN_MEMBERS}名党员")
    if years < 1:
        raise ValueError("示例数据至少需要1年历史")
    ctx = DemoContext(
        rng=random.Random(seed),
        today=today,
        start=add_months(today.replace(day=1), -12 * years),
        profile=get_profile("plan-2017"),
    )
    pool = NamePool(ctx.rng)
    roster.build_branch(ctx, members)
    roster.build_members(ctx, pool, members)
    roster.remove_members(ctx)
    roster.build_groups(ctx)
    roster.build_committee(ctx)
    roster.build_certificates(ctx)
    relations.build_transfers(ctx)
    relations.build_travel(ctx)
    relations.build_flowing(ctx)
    development.build_candidates(ctx, pool)
    development.build_register_updates(ctx)
    life.build_venue(ctx)
    life.build_committee_meetings(ctx)
    life.build_group_meetings(ctx)
    life.build_general_meetings(ctx)
    life.build_theme_days(ctx)
    life.build_lectures(ctx)
    life.build_life_meetings(ctx)
    minutes.fill_minutes(ctx)
    education.build_study(ctx)
    education.build_activities(ctx)
    education.build_dues(ctx)
    office.build_care(ctx)
    office.build_announcements(ctx)
    office.build_systems_and_plans(ctx)
    office.build_funds(ctx)
    office.build_reports(ctx)
    office.build_ledger(ctx)
    office.build_fluctuation(ctx)
    for table, records in ctx.data.tables.items():
        # Registers read in date order; tables without a date field keep the order built.
        fields = {f.name for f in dataclasses.fields(TABLES[table])}
        name = next((n for n in DATE_FIELDS if n in fields), None)
        if name is not None:
            records.sort(key=operator.attrgetter(name))
    return ctx.data


__all__ = ["MIN_MEMBERS", "id_check_char", "id_number_valid", "make_demo"]
