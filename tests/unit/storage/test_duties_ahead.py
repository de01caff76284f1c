"""Today's duties computed ahead by a child forked at launch: the same duties the dashboard
computes, kept only for the file as it is, and nothing else touched, shown or left running."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from branchtui.storage import duties_ahead
from branchtui.storage.duties_ahead import keep_todays_duties
from branchtui.storage.duties_cache import read_duties
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


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_the_duties_kept_are_the_dashboards_and_the_data_folder_is_untouched(
    folder: Path,
) -> None:
    before = listing(folder)
    assert keep_todays_duties(folder, ON)
    assert listing(folder) == before  # no lock file, no backup, no rewrite
    found = read_duties(folder, ON)
    assert found is not None
    expected = obligations_for_folder(folder, Store.open(folder).snapshot(), ON)
    assert found[0].obligations == expected.obligations
    assert [ob.to_json() for ob in found[0].obligations] == [
        ob.to_json() for ob in expected.obligations
    ]


def test_a_file_written_while_it_was_read_keeps_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Store.read_snapshot

    def read_then_another_session_writes(data_dir: Path) -> object:
        data = real(data_dir)
        store = Store.open(folder)
        member = store.snapshot().members[0]
        member.phone = "13900000000"
        store.save(member)
        return data

    monkeypatch.setattr(Store, "read_snapshot", read_then_another_session_writes)
    assert not keep_todays_duties(folder, ON)
    assert read_duties(folder, ON) is None


def test_a_damaged_file_keeps_nothing_and_raises_nothing(folder: Path) -> None:
    (folder / "branch.json").write_text("{ not json", encoding="utf-8")
    assert not keep_todays_duties(folder, ON)
    assert (folder / "branch.json").read_text(encoding="utf-8") == "{ not json"


def test_no_child_when_the_cache_holds_them_or_there_is_no_file(
    folder: Path, tmp_path: Path
) -> None:
    assert duties_ahead.start_duties_ahead(tmp_path / "nothing-here", ON) is None
    keep_todays_duties(folder, ON)
    assert duties_ahead.start_duties_ahead(folder, ON) is None


def run_launcher(folder: Path, body: str) -> subprocess.CompletedProcess[str]:
    """Run ``body`` in a fresh interpreter (one thread, as the launcher is), where ``ahead``
    is the handle of the child forked for ``folder``; it prints what the test checks."""
    code = textwrap.dedent(
        f"""
        import datetime as dt, os, select, time
        from pathlib import Path
        from branchtui.storage import duties_ahead as module
        folder, on = Path({str(folder)!r}), dt.date({ON.year}, {ON.month}, {ON.day})
        """
    ) + textwrap.dedent(body)
    # The package the tests import (installed, not the checkout's files, under CI): run away
    # from the checkout, whose folder `python -c` would otherwise put first on the path. The
    # child's duties are keyed by the files that computed them, so they must be the same files.
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=folder, timeout=120
    )


def test_the_forked_child_keeps_them_and_is_reaped(folder: Path) -> None:
    result = run_launcher(
        folder,
        """
        ahead = module.start_duties_ahead(folder, on)
        assert ahead is not None
        heard = []
        ahead.listeners.append(lambda: heard.append("done"))
        while True:
            select.select([ahead.fd], [], [], 60)
            if ahead.read():
                break
        ahead.finish()
        print(ahead.kept, heard)
        try:
            os.waitpid(ahead.pid, os.WNOHANG)
        except ChildProcessError:
            print("reaped")
        """,
    )
    assert result.stdout.split("\n")[:2] == ["True ['done']", "reaped"]
    assert result.stderr == ""
    assert read_duties(folder, ON) is not None


def test_the_launcher_forks_before_loading_the_store_and_the_child_loads_it(
    folder: Path,
) -> None:
    # The store and the record types are the child's to import: in the launcher they would
    # stand between the start and the first frame (the TUI reads the file after that frame).
    result = run_launcher(
        folder,
        """
        import sys
        ahead = module.start_duties_ahead(folder, on)
        late = ("branchtui.storage.store", "branchtui.domain.records")
        print([name for name in late if name in sys.modules])
        while True:
            select.select([ahead.fd], [], [], 60)
            if ahead.read():
                break
        ahead.finish()
        print(ahead.kept)
        """,
    )
    assert result.stdout.split("\n")[:2] == ["[]", "True"]
    assert result.stderr == ""
    found = read_duties(folder, ON)
    assert found is not None
    expected = obligations_for_folder(folder, Store.open(folder).snapshot(), ON)
    assert [ob.to_json() for ob in found[0].obligations] == [
        ob.to_json() for ob in expected.obligations
    ]


def test_a_failing_computation_keeps_nothing_and_prints_nothing(folder: Path) -> None:
    result = run_launcher(
        folder,
        """
        import branchtui.storage.folder_obligations as fo
        def broken(*args, **kwargs):
            raise RuntimeError("a faulty rule 身份证号 110101199001011234")
        fo.obligations_for_folder = broken
        ahead = module.start_duties_ahead(folder, on)
        while True:
            select.select([ahead.fd], [], [], 60)
            if ahead.read():
                break
        ahead.finish()
        print(ahead.kept)
        """,
    )
    assert result.stdout.strip() == "False"
    assert result.stderr == ""  # no traceback (and no personal data) from the child
    assert read_duties(folder, ON) is None


def test_a_child_that_takes_too_long_is_stopped(folder: Path) -> None:
    result = run_launcher(
        folder,
        """
        def stuck(folder, on):
            time.sleep(600)
            return True
        module.keep_todays_duties = stuck
        ahead = module.start_duties_ahead(folder, on)
        started = time.monotonic()
        ahead.finish(give_up=True)
        print(ahead.kept, time.monotonic() - started < 30)
        try:
            os.kill(ahead.pid, 0)
        except ProcessLookupError:
            print("gone")
        """,
    )
    assert result.stdout.split("\n")[:2] == ["False True", "gone"]
    assert read_duties(folder, ON) is None


def test_a_session_ending_keeps_the_next_days_for_tomorrows_first_start(folder: Path) -> None:
    # Friday's session ends: Saturday, Sunday and Monday are computed by a process of their own.
    process = duties_ahead.start_days_ahead(folder, ON)
    assert process is not None
    assert process.wait(timeout=60) == 0
    snapshot = Store.open(folder).snapshot()
    for days in (1, 2, 3):
        day = ON + dt.timedelta(days=days)
        found = read_duties(folder, day)
        assert found is not None, day
        assert found[0].obligations == obligations_for_folder(folder, snapshot, day).obligations
    assert read_duties(folder, ON + dt.timedelta(days=4)) is None
    # Nothing is missing now: the next session's end starts nothing.
    assert duties_ahead.start_days_ahead(folder, ON) is None
    # Another session's save makes them stale: they are the days ahead once more.
    store = Store.open(folder)
    member = store.snapshot().members[0]
    member.phone = "13900000000"
    store.save(member)
    assert read_duties(folder, ON + dt.timedelta(days=1)) is None
    assert len(duties_ahead.days_ahead(folder, ON)) == duties_ahead.KEEP_DAYS_AHEAD


def test_the_days_ahead_process_says_nothing_and_fails_quietly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "branchtui.storage.duties_ahead", str(tmp_path), "not-a-date"],
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")
