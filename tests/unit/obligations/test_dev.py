"""DEV-1…3: the development register, the activist team, one file per person."""

from __future__ import annotations

from branchtui.domain.records import Candidate, CandidateEvent, DevelopmentRegisterUpdate

from .conftest import D, add, judge, make_data, one, statuses

ON = D(2026, 11, 27)


def candidate(name: str, *steps: tuple[str, object]) -> Candidate:
    return Candidate(name=name, events=[CandidateEvent(step=s, date=d) for s, d in steps])  # type: ignore[arg-type]


def test_DEV_1_fires_overdue_after_half_a_year(data) -> None:
    add(data, DevelopmentRegisterUpdate(date=D(2026, 5, 26)))
    ob = one(judge("DEV-1", data, ON))
    assert (ob.status, ob.due) == ("overdue", D(2026, 11, 26))


def test_DEV_1_fires_without_any_update(data) -> None:
    assert statuses(judge("DEV-1", data, ON)) == ["due"]


def test_DEV_1_met_within_half_a_year(data) -> None:
    add(data, DevelopmentRegisterUpdate(date=D(2026, 7, 1)))
    assert statuses(judge("DEV-1", data, ON)) == ["met"]


def test_DEV_2_fires_with_50_staff_and_no_activist() -> None:
    data = make_data(non_party_staff=50)
    add(data, candidate("申请人甲", ("applied", D(2026, 10, 1))))
    assert statuses(judge("DEV-2", data, ON)) == ["due"]


def test_DEV_2_met_with_an_activist() -> None:
    data = make_data(non_party_staff=80)
    add(data, candidate("积极分子乙", ("applied", D(2025, 1, 1)), ("activist", D(2025, 4, 1))))
    assert statuses(judge("DEV-2", data, ON)) == ["met"]


def test_DEV_2_not_applicable_under_50_staff() -> None:
    assert statuses(judge("DEV-2", make_data(non_party_staff=49), ON)) == ["not_applicable"]


def test_DEV_2_asks_for_staff_count_when_unknown(data) -> None:
    ob = one(judge("DEV-2", data, ON))
    assert ob.needs == "非党员职工人数"


def test_DEV_3_fires_when_a_stage_is_not_on_file(data) -> None:
    add(data, candidate("发展对象丙", ("applied", D(2024, 3, 1)), ("target", D(2026, 3, 1))))
    ob = one(judge("DEV-3", data, ON))
    assert ob.status == "due"
    assert "确定为入党积极分子" in ob.detail and "推荐（推优）" in ob.detail


def test_DEV_3_met_with_every_stage_dated(data) -> None:
    add(
        data,
        candidate(
            "积极分子丁",
            ("applied", D(2025, 1, 1)),
            ("recommended", D(2025, 3, 1)),
            ("activist", D(2025, 4, 1)),
        ),
    )
    assert statuses(judge("DEV-3", data, ON)) == ["met"]
