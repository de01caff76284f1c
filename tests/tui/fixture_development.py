"""Development files added to the fixed 12-member branch (tests/tui/fixture_branch.py), as of
2026-11-27: an applicant not talked to in time (NAT-3 overdue), an activist of ten months, a
target ready for the 支部党员大会 after it voted, and a person dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fixture_branch import write_fixture

from branchtui.domain.records import Candidate, CandidateEvent, CandidateVote
from branchtui.storage.store import Store

D = dt.date


def events(*steps: tuple[str, dt.date], **extra: dict[str, object]) -> list[CandidateEvent]:
    out = []
    for step, day in steps:
        out.append(CandidateEvent(step=step, date=day, **extra.get(step, {})))  # type: ignore[arg-type]
    return out


LATE_APPLICANT = Candidate(
    id="c1",
    name="林小红",
    gender="female",
    birth_date=D(1999, 4, 2),
    events=events(("applied", D(2026, 10, 20))),
)
ACTIVIST = Candidate(
    id="c2",
    name="马晓东",
    gender="male",
    birth_date=D(1996, 8, 9),
    contact_ids=["m03", "m04"],
    events=events(
        ("applied", D(2025, 9, 1)),
        ("talked", D(2025, 9, 15)),
        ("recommended", D(2026, 1, 5)),
        ("activist", D(2026, 1, 20)),
        ("activist_filed", D(2026, 1, 26)),
        ("contacts_assigned", D(2026, 1, 26)),
        ("review", D(2026, 7, 10)),
        talked={"people": "李四"},
    ),
)
VOTED = Candidate(
    id="c3",
    name="周文静",
    gender="female",
    birth_date=D(1994, 12, 1),
    phone="13812345678",
    contact_ids=["m03", "m04"],
    introducer_ids=["m01", "m02"],
    events=events(
        ("applied", D(2024, 3, 1)),
        ("talked", D(2024, 3, 15)),
        ("recommended", D(2024, 6, 1)),
        ("activist", D(2024, 6, 10)),
        ("activist_filed", D(2024, 6, 15)),
        ("contacts_assigned", D(2024, 6, 15)),
        ("review", D(2024, 12, 1)),
        ("review", D(2025, 6, 1)),
        ("target", D(2025, 6, 20)),
        ("target_filed", D(2025, 6, 25)),
        ("introducers_assigned", D(2025, 6, 25)),
        ("political_review", D(2025, 8, 1)),
        ("training", D(2025, 9, 1)),
        ("committee_review", D(2026, 8, 1)),
        ("pre_review", D(2026, 8, 10)),
        ("publicity", D(2026, 8, 12)),
        ("form_filled", D(2026, 8, 20)),
        ("branch_vote", D(2026, 9, 25)),
        ("upper_talk", D(2026, 10, 9)),
        training={"until": D(2025, 9, 3), "hours": 24.0},
        branch_vote={"vote": CandidateVote(present=9, yes=9)},
    ),
)
DROPPED = Candidate(
    id="c4",
    name="郭强",
    events=events(
        ("applied", D(2025, 3, 1)), ("dropped", D(2025, 9, 1)), dropped={"document": "本人撤回申请"}
    ),
)
CANDIDATES = (LATE_APPLICANT, ACTIVIST, VOTED, DROPPED)


def write_development_fixture(data_dir: Path, today: dt.date) -> Store:
    """The fixed branch with the four files above (and 60 non-party staff, DEV-2)."""
    store = write_fixture(data_dir, today)
    with store.transaction() as tx:
        branch = tx.branch
        assert branch is not None
        branch.non_party_staff = 60
        tx.set_branch(branch)
        for candidate in CANDIDATES:
            tx.insert(candidate)
    return store
