"""Today's duties kept for the next start: read back only while nothing they came from changed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from branchtui.storage import duties_cache
from branchtui.storage.duties_cache import data_stamp, duties_key, read_duties, write_duties
from branchtui.storage.folder_obligations import obligations_for_folder
from branchtui.storage.store import Store
from tests.unit.obligations.conftest import add_committee, add_meeting, add_members, make_data

ON = dt.date(2026, 11, 27)


@pytest.fixture
def folder(data_dir: Path) -> Path:
    data = make_data(created=dt.date(2026, 1, 1))
    members = add_members(data, 5)
    add_committee(data, dt.date(2026, 1, 1), members)
    add_meeting(data, ["committee_meeting"], dt.date(2026, 11, 3), attendees=members[:3])
    Store.open(data_dir, create=True).replace_all(data)
    return data_dir


def computed(folder: Path) -> str:
    """Compute today's duties as the dashboard does, and keep them; their key."""
    key = duties_key(folder, data_stamp(folder), ON)
    write_duties(folder, obligations_for_folder(folder, Store.open(folder).snapshot(), ON), key)
    return key


def test_duties_read_back_are_the_ones_computed(folder: Path) -> None:
    key = computed(folder)
    found = read_duties(folder, ON)
    assert found is not None
    result, read_key = found
    expected = obligations_for_folder(folder, Store.open(folder).snapshot(), ON)
    assert read_key == key
    assert [ob.to_json() for ob in result.obligations] == [
        ob.to_json() for ob in expected.obligations
    ]
    assert result.obligations == expected.obligations  # short forms too, field for field
    assert (result.profile, result.estimated, result.problem) == (
        expected.profile,
        expected.estimated,
        expected.problem,
    )


def test_another_day_a_changed_file_or_calendar_is_a_miss(folder: Path) -> None:
    computed(folder)
    assert read_duties(folder, ON + dt.timedelta(days=1)) is None
    store = Store.open(folder)
    member = store.snapshot().members[0]
    member.phone = "13900000000"
    store.save(member)  # another session's commit: a new file
    assert read_duties(folder, ON) is None
    computed(folder)
    assert read_duties(folder, ON) is not None
    (folder / "calendar.toml").write_text("holidays = [2026-11-30]\n", encoding="utf-8")
    assert read_duties(folder, ON) is None


def test_another_program_is_a_miss(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    computed(folder)
    monkeypatch.setattr(duties_cache, "program_key", lambda: "a changed rule")
    assert read_duties(folder, ON) is None


def test_a_damaged_or_unwritable_cache_is_a_miss_not_an_error(folder: Path) -> None:
    computed(folder)
    (cached,) = (duties_cache.cache_folder() / "duties").iterdir()
    cached.write_text('{"key": 1, "obligations": [{"rule": ', encoding="utf-8")
    assert read_duties(folder, ON) is None
    cached.unlink()
    cached.parent.rmdir()
    cached.parent.write_text("not a folder", encoding="utf-8")
    computed(folder)  # nothing written, nothing raised
    assert read_duties(folder, ON) is None
    os.unlink(cached.parent)


def test_the_kept_duties_are_readable_by_this_user_only(folder: Path) -> None:
    # They name members (arrears, missing phone numbers): a shared server's other users must
    # not read them, whatever the umask.
    old = os.umask(0o022)
    try:
        computed(folder)
    finally:
        os.umask(old)
    (kept,) = (duties_cache.cache_folder() / "duties").glob("*.json")
    assert kept.stat().st_mode & 0o077 == 0
    assert (duties_cache.cache_folder() / "duties").stat().st_mode & 0o077 == 0


def test_several_dates_of_one_file_are_kept_and_a_new_file_drops_them(folder: Path) -> None:
    snapshot = Store.open(folder).snapshot()
    stamp = data_stamp(folder)
    days = [ON + dt.timedelta(days=n) for n in range(4)]
    for day in days:
        result = obligations_for_folder(folder, snapshot, day)
        write_duties(folder, result, duties_key(folder, stamp, day))
    assert all(read_duties(folder, day) is not None for day in days)
    store = Store.open(folder)
    member = store.snapshot().members[0]
    member.phone = "13900000000"
    store.save(member)
    computed(folder)  # today's duties of the new file: the other dates' of the old file go
    assert duties_cache.kept_keys(folder) == {duties_key(folder, data_stamp(folder), ON)}
    assert len(list((duties_cache.cache_folder() / "duties").iterdir())) == 1
