"""`export bundle` and `import bundle`: a branch moved between folders loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchtui.storage.store import Store


@pytest.fixture
def demo_branch(cli, data_dir: Path) -> Path:
    result = cli("demo", "--members", "20", "--years", "1", "--seed", "11")
    assert result.code == 0, result.err
    return data_dir


def test_export_import_export_gives_identical_json(cli, demo_branch: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert cli("export", "bundle", first).code == 0
    copy = tmp_path / "copy"
    result = cli("import", "bundle", first, "--data", copy)
    assert result.code == 0, result.err
    assert cli("--data", copy, "export", "bundle", second).code == 0
    assert first.read_bytes() == second.read_bytes()
    original, imported = Store.open(demo_branch).snapshot(), Store.open(copy).snapshot()
    assert imported.branch.name == original.branch.name
    assert len(imported.meetings) == len(original.meetings) > 0


def test_import_over_existing_data_needs_force(
    cli, one_line, demo_branch: Path, tmp_path: Path
) -> None:
    bundle = tmp_path / "b.json"
    assert cli("export", "bundle", bundle).code == 0
    before = (demo_branch / "branch.json").read_bytes()
    result = cli("import", "bundle", bundle)
    assert result.code == 1
    assert "--force" in one_line(result.err)
    assert (demo_branch / "branch.json").read_bytes() == before
    assert cli("import", "bundle", bundle, "--force").code == 0
    assert any("import" in p.name for p in (demo_branch / "backups").iterdir())


def test_import_of_a_missing_file(script, one_line, tmp_path: Path) -> None:
    result = script("import", "bundle", tmp_path / "nowhere.json")
    assert result.code == 1
    assert "nowhere.json" in one_line(result.err)


def test_import_of_a_file_that_is_not_a_bundle(cli, one_line, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "something-else"}', encoding="utf-8")
    result = cli("import", "bundle", wrong)
    assert result.code == 1
    one_line(result.err)


def test_export_without_a_branch_is_one_line(cli, one_line, tmp_path: Path) -> None:
    result = cli("export", "bundle", tmp_path / "out.json")
    assert result.code == 1
    one_line(result.err)
    assert not (tmp_path / "out.json").exists()
