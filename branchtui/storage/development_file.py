"""Exporting one person's development file (一人一档, DEV-3) as Markdown into the data folder:
``development/<姓名>-一人一档.md``, rendered by templates/development/file.md.j2 (the data
folder's own copy first, in the sandbox) and written atomically. The template is rendered
before anything is written, so a broken template leaves no file behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from branchtui.domain.development_file import file_context
from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData, Candidate
from branchtui.storage.atomic import write_atomic
from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.minutes import slug
from branchtui.storage.modes import ensure_folder, file_mode
from branchtui.storage.store import Store
from branchtui.storage.templates import render_template

DEVELOPMENT_DIR = "development"
FILE_TEMPLATE = "development/file.md.j2"


class DevelopmentFileError(StoreError):
    """The file cannot be exported as asked (no such person, a folder that cannot be written)."""


def candidate_file_path(data_dir: Path, candidate: Candidate, data: BranchData) -> Path:
    """Where the person's file goes; a namesake's file is never taken (the id is added)."""
    base = slug(candidate.name, candidate.id[:8])
    namesakes = [c for c in data.candidates if c.id != candidate.id and slug(c.name, "") == base]
    name = f"{base}-{candidate.id[:8]}" if namesakes else base
    return Path(data_dir) / DEVELOPMENT_DIR / f"{name}-一人一档.md"


def render_candidate_file(store: Store, candidate_id: str, on: dt.date) -> tuple[Path, str]:
    """The file's path and Markdown as of ``on``; writes nothing."""
    data = store.snapshot()
    candidate = data.find("candidates", candidate_id)
    if candidate is None:
        raise DevelopmentFileError("找不到此人的发展档案（可能已被他人删除），请刷新后重试。")
    profile = get_profile(data.branch.profile if data.branch else None)
    text = render_template(
        store.data_dir, FILE_TEMPLATE, file_context(candidate, data, on, profile)
    )
    return candidate_file_path(store.data_dir, candidate, data), text


def export_candidate_file(store: Store, candidate_id: str, on: dt.date) -> Path:
    """Render and write the person's 一人一档; the path written."""
    path, text = render_candidate_file(store, candidate_id, on)
    try:
        ensure_folder(path.parent)
        write_atomic(path, text.encode("utf-8"), file_mode(path.parent, path))
    except StoreError:
        raise
    except OSError as exc:
        raise DevelopmentFileError(f"无法写入档案文件 {path}（{os_reason(exc)}）。") from None
    return path
