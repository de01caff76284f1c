"""党员分配工作 (NAT-5) in a bundle: every field, a good reason's range included, survives export
and import; a bundle naming a member that does not exist is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from branchtui.domain.records import WorkAssignment
from branchtui.storage.bundle import export_bundle, import_bundle
from branchtui.storage.errors import BundleError
from branchtui.storage.store import Store

from .conftest import build_sample


def test_an_assignment_with_every_field_round_trips(tmp_path: Path) -> None:
    data = build_sample()
    member = data.members[0]
    work = WorkAssignment(
        member_id=member.id,
        assigned=dt.date(2026, 3, 1),
        form="model_post",
        content="窗口服务党员示范岗",
        due=dt.date(2026, 6, 30),
        completed=dt.date(2026, 10, 8),
        excuse="因病住院",
        excused_from=dt.date(2026, 5, 1),
        excused_until=dt.date(2026, 7, 31),
        note="出院后补做",
        rev=2,
    )
    long_term = WorkAssignment(
        member_id=member.id, assigned=dt.date(2026, 1, 5), content="三号楼党员责任区"
    )
    data.work_assignments.extend([work, long_term])
    first = export_bundle(data, tmp_path / "a.json")
    import_bundle(first, tmp_path / "other")
    again = Store.open(tmp_path / "other").snapshot()
    assert sorted(again.work_assignments, key=lambda w: w.assigned) == [long_term, work]
    second = export_bundle(again, tmp_path / "b.json")
    assert first.read_bytes() == second.read_bytes()
    shown = orjson.loads(first.read_bytes())["work_assignments"]
    assert {w["content"] for w in shown} == {"窗口服务党员示范岗", "三号楼党员责任区"}


def test_an_assignment_of_a_missing_member_is_refused(tmp_path: Path) -> None:
    data = build_sample()
    data.work_assignments.append(
        WorkAssignment(member_id="nobody", assigned=dt.date(2026, 3, 1), content="设岗")
    )
    bundle = export_bundle(data, tmp_path / "a.json")
    with pytest.raises(BundleError, match="分配工作"):
        import_bundle(bundle, tmp_path / "other")
    assert not (tmp_path / "other" / "branch.json").exists()
