"""The engine: the catalogue matches RULES.md, every rule is judged, results are ordered."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from branchtui.domain.obligations import (
    CATALOGUE,
    STATUSES,
    obligations_on,
    unjudged_rules,
)
from branchtui.domain.obligations.base import PERIOD_KINDS, RULE_CHECKS
from branchtui.domain.obligations.periods import (
    deadline_status,
    judged_periods,
    period_label,
)
from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData
from tests.unit.obligations.conftest import (
    MODULE_OF_FAMILY,
    add_committee,
    add_meeting,
    add_member,
    add_members,
    make_data,
)

D = dt.date
ON = D(2026, 11, 27)
RULES_MD = Path(__file__).resolve().parents[3].parent / "shared" / "RULES.md"


@pytest.mark.skipif(not RULES_MD.exists(), reason="shared/RULES.md is not beside the repository")
def test_catalogue_equals_the_rule_ids_of_rules_md() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    ids = set(re.findall(r"^\| ([A-Z]+-\d+) \|", text, flags=re.MULTILINE))
    assert ids and set(CATALOGUE) == ids


def test_every_catalogue_rule_has_exactly_one_check() -> None:
    # The family modules are imported by name: a missing one fails here (and at import),
    # it is never skipped.
    assert unjudged_rules() == []
    assert set(RULE_CHECKS) == set(CATALOGUE)


def test_each_check_lives_in_its_familys_module() -> None:
    for rule_id, check in RULE_CHECKS.items():
        family = rule_id.split("-")[0]
        assert check.__module__ == f"branchtui.domain.obligations.{MODULE_OF_FAMILY[family]}"


def test_the_engine_runs_every_rule_and_fails_loudly_without_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    judged = {ob.rule for ob in obligations_on(_busy_branch(), ON)}
    assert judged == set(CATALOGUE)
    monkeypatch.delitem(RULE_CHECKS, "LIFE-2")
    with pytest.raises(KeyError):
        obligations_on(_busy_branch(), ON)


def test_catalogue_titles_are_chinese_and_actions_name_a_screen_or_command() -> None:
    for entry in CATALOGUE.values():
        assert re.search(r"[\u4e00-\u9fff]", entry.title), entry
        assert entry.action.startswith(("screen:", "cli:branchtui ")), entry


def _busy_branch() -> BranchData:
    data = make_data(created=D(2025, 1, 1))
    ms = add_members(data, 12)
    add_committee(data, D(2025, 1, 5), ms)
    add_meeting(data, ["committee_meeting"], D(2026, 11, 3), attendees=ms[:3])
    add_meeting(data, ["theme_day", "all_member_study"], D(2026, 11, 2), attendees=ms)
    return data


def test_obligations_are_ordered_by_status_then_due_date() -> None:
    obs = obligations_on(_busy_branch(), ON)
    ranks = [(STATUSES.index(o.status), o.due or D.max) for o in obs]
    assert ranks == sorted(ranks)
    assert obs[0].status == "overdue"
    assert {o.status for o in obs} >= {"overdue", "met"}


def test_every_obligation_is_complete_and_json_ready() -> None:
    for ob in obligations_on(_busy_branch(), ON):
        assert ob.rule in CATALOGUE and ob.title and ob.action
        assert ob.status in STATUSES and ob.period_kind in PERIOD_KINDS
        json.dumps(ob.to_json(), ensure_ascii=False)


def test_this_months_committee_meeting_and_theme_day_count_as_met() -> None:
    obs = obligations_on(_busy_branch(), ON)
    now = {(o.rule, o.period): o.status for o in obs if o.period == "2026-11"}
    assert now[("LIFE-2", "2026-11")] == "met"
    assert now[("LIFE-5", "2026-11")] == "met"
    assert now[("LIFE-3", "2026-11")] == "met"


def test_the_branchs_profile_decides_the_term_length() -> None:
    data = make_data(profile="national")
    add_committee(data, D(2024, 11, 27), add_members(data, 3))
    term = next(o for o in obligations_on(data, ON) if o.rule == "ORG-4")
    assert term.status == "met" and term.due == D(2027, 11, 26)
    forced = next(
        o for o in obligations_on(data, ON, get_profile("plan-2017")) if o.rule == "ORG-4"
    )
    assert forced.status == "overdue"


def test_judged_periods_start_with_the_branch_and_look_back_one_year() -> None:
    young = make_data(created=D(2026, 10, 20))
    assert [p.key for p in judged_periods("month", young, ON)] == ["2026-10", "2026-11"]
    old = make_data(created=D(2015, 1, 1))
    months = judged_periods("month", old, ON)
    assert months[0].key == "2025-01" and months[-1].key == "2026-11"


def test_deadline_status_boundaries() -> None:
    due = D(2026, 12, 16)
    assert deadline_status(False, due, D(2026, 12, 17)) == "overdue"
    assert deadline_status(False, due, due) == "due"
    assert deadline_status(False, due, D(2026, 11, 20), opens=D(2026, 12, 1)) == "upcoming"
    assert deadline_status(False, due, D(2026, 11, 1), opens=D(2026, 12, 1)) is None
    assert deadline_status(True, due, D(2027, 1, 1)) == "met"


def test_period_labels_are_chinese() -> None:
    assert period_label("month", "2026-11") == "2026年11月"
    assert period_label("quarter", "2026-Q4") == "2026年第4季度"
    assert period_label("year", "2026") == "2026年"


def test_a_periodic_duty_due_before_the_branch_was_set_up_is_to_be_entered_not_overdue() -> None:
    # Set up on 2026-11-27: November's 主题党日 (by 11-04) and 七一 (EDU-3) came before it.
    data = make_data(created=ON)
    add_member(data, "马丽", joined=D(2014, 4, 4), status="probationary", full_date=None)
    obs = obligations_on(data, ON)
    by_rule = {(o.rule, o.period): o for o in obs}
    theme = by_rule[("LIFE-5", "2026-11")]
    assert theme.status == "due"
    assert theme.detail.endswith("（在2026-11-27建档之前，记录待补录）")
    assert by_rule[("EDU-3", "2026")].status == "due"
    assert len(theme.short) <= 36 or theme.short == theme.detail
    overdue = [o for o in obs if o.status == "overdue"]
    # What is owed now stays overdue: 马丽's conversion (a deadline, not a period's record).
    assert [(o.rule, o.period) for o in overdue] == [("NAT-3", "")]
    # A deadline after the set-up day is judged as ever.
    later = {(o.rule, o.period): o.status for o in obligations_on(data, D(2027, 1, 10))}
    assert later[("LIFE-5", "2027-01")] == "overdue"
    assert later[("LIFE-5", "2026-11")] == "due"
