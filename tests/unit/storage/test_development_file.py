"""一人一档 as Markdown (DEV-3): every step of the 25 with its date, people and documents, personal
numbers masked, typed text unable to change the document's structure, a broken template of the
data folder leaving no file behind, namesakes kept apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from branchtui.domain.development_steps import STEPS
from branchtui.domain.records import (
    Branch,
    BranchData,
    Candidate,
    CandidateEvent,
    CandidateVote,
    Member,
)
from branchtui.storage.development_file import export_candidate_file, render_candidate_file
from branchtui.storage.errors import TemplateError
from branchtui.storage.store import Store

ON = dt.date(2026, 11, 27)
D = dt.date
HOSTILE = "甲\n# 标题\n- 列表\n| 列 | 列 |\n`代码` [链接](http://x.cn) <b>粗</b> **重**"
PARSER = MarkdownIt("commonmark").enable("table")


def person(text: str = "林小红", cid: str = "c1") -> Candidate:
    return Candidate(
        id=cid,
        name=text,
        id_number="350203199904021234",
        phone="13812345678",
        position=text,
        note=text,
        contact_ids=["m1"],
        events=[
            CandidateEvent(step="applied", date=D(2025, 1, 5), document=text),
            CandidateEvent(step="talked", date=D(2025, 1, 20), people=text),
            CandidateEvent(step="recommended", date=D(2025, 4, 1)),
            CandidateEvent(step="activist", date=D(2025, 4, 10), document=text),
            CandidateEvent(step="contacts_assigned", date=D(2025, 4, 12)),
            CandidateEvent(
                step="training", date=D(2025, 5, 6), until=D(2025, 5, 8), hours=24, note=text
            ),
            CandidateEvent(
                step="branch_vote", date=D(2025, 9, 1), vote=CandidateVote(present=5, yes=5)
            ),
        ],
    )


def store_with(data_dir: Path, *candidates: Candidate, branch_name: str = "第一支部") -> Store:
    store = Store.open(data_dir, create=True)
    data = BranchData(branch=Branch(name=branch_name))
    data.members.append(Member(id="m1", name="张三"))
    data.candidates.extend(candidates)
    store.replace_all(data)
    return store


def test_the_file_lists_every_step_with_its_records(data_dir: Path) -> None:
    store = store_with(data_dir, person())
    path = export_candidate_file(store, "c1", ON)
    assert path == data_dir / "development" / "林小红-一人一档.md"
    text = path.read_text(encoding="utf-8")
    for step in STEPS:
        assert f"| {step.title} |" in text
    assert "| 推荐（推优） | 2025-04-01 |" in text
    assert "| 第2步 党组织派人谈话 | 2025-01-20 | 林小红 |" in text
    assert "| 第5步 指定培养联系人 | 2025-04-12 | 张三 |" in text
    assert "3天、24学时（至2025-05-08）" in text
    assert "实到5人，赞成5票" in text
    # Personal numbers are masked in exports (DESIGN: 个人信息).
    assert "350203********1234" in text and "138****5678" in text
    assert "13812345678" not in text
    # What the file lacks is said as a breach of NAT-3.
    assert "支部大会讨论前未经上级党委预审" in text
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def _structure(markdown: str) -> list[tuple[Any, ...]]:
    shape: list[tuple[Any, ...]] = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            shape += [("inline", c.type) for c in token.children or [] if c.type != "text"]
        else:
            shape.append((token.type, token.tag, token.nesting))
    return shape


def test_typed_text_cannot_change_the_structure(data_dir: Path, tmp_path: Path) -> None:
    plain_dir, hostile_dir = data_dir, tmp_path / "hostile"
    # As many lines as the hostile text: the note keeps its paragraphs, nothing more.
    lines = "\n".join(["甲乙"] * len(HOSTILE.splitlines()))
    _, plain = render_candidate_file(store_with(plain_dir, person(lines)), "c1", ON)
    hostile_store = store_with(hostile_dir, person(HOSTILE), branch_name=HOSTILE)
    _, hostile = render_candidate_file(hostile_store, "c1", ON)
    assert _structure(hostile) == _structure(plain)
    kinds = {t[1] for t in _structure(hostile) if t[0] == "inline"}
    assert not kinds & {"link_open", "html_inline", "code_inline"}


def test_a_broken_template_writes_no_file(data_dir: Path) -> None:
    store = store_with(data_dir, person())
    own = data_dir / "templates" / "development"
    own.mkdir(parents=True)
    (own / "file.md.j2").write_text("{{ person.name | text }}{{ no_such_thing }}", "utf-8")
    with pytest.raises(TemplateError, match="no_such_thing"):
        export_candidate_file(store, "c1", ON)
    assert not (data_dir / "development").exists()


def test_namesakes_get_files_of_their_own(data_dir: Path) -> None:
    store = store_with(data_dir, person(cid="c1"), person(cid="c2abcdef99"))
    first = export_candidate_file(store, "c1", ON)
    second = export_candidate_file(store, "c2abcdef99", ON)
    assert first != second and second.name == "林小红-c2abcdef-一人一档.md"
