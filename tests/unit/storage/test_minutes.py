"""Saving a meeting writes its Markdown minutes: every part of the issue's list, user text
escaped, a data-folder template overriding, amendments kept and shown, conflicts refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from branchtui.domain.records import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Observer,
    PartyGroup,
    Speech,
    Vote,
)
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.storage.errors import ConflictError, InvalidRecordError, TemplateError
from branchtui.storage.minutes import (
    MinutesError,
    delete_meeting,
    save_meeting,
    slug,
    write_minutes,
)
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store
from tests.unit.obligations.conftest import D, add_committee, add_members, make_data

TODAY = D(2026, 11, 27)


@pytest.fixture
def store(data_dir: Path) -> Store:
    data = make_data(name="金融服务部党支部")
    ms = add_members(data, 7)
    ms[0].name, ms[1].name, ms[6].name = "张三", "李四", "赵六"
    add_committee(
        data,
        D(2025, 1, 1),
        ms,
        (
            "secretary",
            "deputy_secretary",
            "organization",
            "propaganda",
            "discipline",
            "other",
            "other",
        ),
    )
    store = Store.open(data_dir, create=True)
    store.replace_all(data)
    return store


def _committee_meeting(store: Store, **fields: object) -> Meeting:
    ms = store.snapshot().members
    attendance = [Attendance(member_id=m.id) for m in ms[:6]]
    attendance.append(Attendance(member_id=ms[6].id, status="on_leave", reason="出差"))
    values: dict[str, object] = {
        "kinds": ["committee_meeting"],
        "date": D(2026, 11, 3),
        "start": "09:00",
        "end": "10:30",
        "place": "党员活动室",
        "topic": "研究第四季度工作",
        "host_id": ms[0].id,
        "recorder_id": ms[1].id,
        "attendance": attendance,
        "observers": [Observer(name="陈七", post="机关党委组织员", reason="上级党委指导")],
        "agenda": [
            AgendaItem(
                title="研究主题党日安排",
                notes="书记介绍方案",
                speeches=[Speech(member_id=ms[0].id, text="建议12月2日开展")],
                decisions=[Decision(text="制定活动方案", owner_id=ms[1].id, due=D(2026, 11, 20))],
            ),
            AgendaItem(
                title="讨论发展对象",
                decisions=[Decision(text="确定王五为发展对象", referred=True)],
            ),
        ],
        "votes": [Vote(motion="同意方案", method="show_of_hands", yes=6)],
    }
    values.update(fields)
    return Meeting(**values)  # type: ignore[arg-type]


def test_saving_a_committee_meeting_writes_complete_minutes(store: Store) -> None:
    saved = save_meeting(store, _committee_meeting(store), today=TODAY)
    assert (
        saved.path
        == store.data_dir / "minutes" / "2026" / "11-03-committee_meeting-研究第四季度工作.md"
    )
    text = saved.path.read_text(encoding="utf-8")
    assert text == saved.text
    assert text.startswith("# 中共金融服务部党支部委员会2026年第1次会议记录\n")
    for part in (
        "| 会议时间 | 2026年11月3日（星期二）上午 09:00—10:30，历时1小时30分 |",
        "| 会议地点 | 党员活动室 |",
        "| 主持人 | 张三（支部书记） |",
        "| 记录人 | 李四（支部副书记） |",
        "| 应到人数 | 7名 |",
        "| 实到人数 | 6名 |",
        "| 请假人员 | 赵六（出差） |",
        "| 列席人员 | 陈七（机关党委组织员，上级党委指导） |",
        "应到委员7名，实到6名，超过半数，符合规定人数。",
        "### 议题一：研究主题党日安排",
        "- **张三**（支部书记）：建议12月2日开展",
        "- 制定活动方案（责任人：李四；时限：2026年11月20日）",
        "- 提交支部党员大会讨论决定：确定王五为发展对象",
        "- 表决方式：举手表决",
        "- 赞成6票，不赞成0票，弃权0票\n",
        # The tally is said once, on the line above; the result says what it means.
        "- 表决结果：赞成票超过应到会委员（7名）的半数，通过\n",
        "主持人（签字）：____________　　记录人（签字）：____________",
        "> 本记录于2026年11月27日录入（会后补记：会议后第18个工作日录入）。",
    ):
        assert part in text, part
    assert "修改" not in text
    stored = store.snapshot().find("meetings", saved.meeting.id)
    assert (
        stored.entered_on == TODAY
        and stored.minutes_path == "minutes/2026/11-03-committee_meeting-研究第四季度工作.md"
    )
    assert os.stat(saved.path).st_mode & 0o777 == 0o600


def test_an_amendment_keeps_the_earlier_version_and_says_so(store: Store) -> None:
    first = save_meeting(store, _committee_meeting(store), today=D(2026, 11, 4))
    edited = first.meeting
    edited.topic = "研究第四季度党建工作"
    second = save_meeting(store, edited, reason="补记议题", today=TODAY)
    assert second.amended and not first.path.exists() and second.path.exists()
    stored = store.snapshot().find("meetings", edited.id)
    assert stored.rev == 2 and stored.entered_on == D(2026, 11, 4)
    (amendment,) = stored.amendments
    assert amendment.date == TODAY and amendment.previous["topic"] == "研究第四季度工作"
    assert (
        "> 本记录已于2026年11月27日修改（补记议题），修改前的版本保存在数据文件中。" in second.text
    )


def test_an_amendment_records_the_time_and_login_of_its_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 修改历史 shows who saved each version and when (SYS-4: asked at an inspection).
    import branchtui.storage.minutes as minutes

    monkeypatch.setattr(minutes, "time_of_day", lambda: "15:42")
    monkeypatch.setattr(minutes, "current_user", lambda: "zhangsan")
    first = save_meeting(store, _committee_meeting(store), today=D(2026, 11, 4))
    edited = first.meeting
    edited.place = "三楼会议室"
    save_meeting(store, edited, today=TODAY)
    (amendment,) = store.snapshot().find("meetings", edited.id).amendments
    assert (amendment.date, amendment.time, amendment.user) == (TODAY, "15:42", "zhangsan")


def test_a_saved_meeting_is_filed_in_the_ledger_once(store: Store) -> None:
    """SYS-3: a meeting saved from the wizard is filed under 组织生活 on the day it was
    entered; amending it files nothing more."""
    first = save_meeting(store, _committee_meeting(store), today=D(2026, 11, 4))
    (entry,) = store.snapshot().ledger_entries
    assert (entry.record_table, entry.record_id) == ("meetings", first.meeting.id)
    assert (entry.category, entry.date, entry.title) == ("life", D(2026, 11, 4), "研究第四季度工作")
    edited = first.meeting
    edited.topic = "研究第四季度党建工作"
    save_meeting(store, edited, reason="补记议题", today=TODAY)
    assert [e.id for e in store.snapshot().ledger_entries] == [entry.id]


def test_deleting_a_meeting_deletes_the_ledger_entry_filing_it(store: Store) -> None:
    """SYS-3: the entry existed only to file the meeting; none is left pointing nowhere."""
    kept = save_meeting(store, _committee_meeting(store, topic="研究党费工作"), today=TODAY)
    gone = save_meeting(store, _committee_meeting(store), today=TODAY)
    assert len(store.snapshot().ledger_entries) == 2
    delete_meeting(store, gone.meeting.id, gone.meeting.rev)
    data = store.snapshot()
    assert [e.record_id for e in data.ledger_entries] == [kept.meeting.id]
    assert dangling_references(data) == []


def test_a_stale_edit_is_a_conflict_and_changes_nothing(store: Store) -> None:
    saved = save_meeting(store, _committee_meeting(store), today=TODAY)
    other = saved.meeting
    mine = Meeting.from_dict(other.to_dict())
    other.place = "会议室"
    save_meeting(store, other, today=TODAY)
    mine.place = "活动室"
    with pytest.raises(ConflictError):
        save_meeting(store, mine, today=TODAY)
    assert store.snapshot().find("meetings", mine.id).place == "会议室"


def test_an_invalid_record_or_a_broken_template_saves_nothing(store: Store) -> None:
    bad = _committee_meeting(store, start="9点")
    with pytest.raises(InvalidRecordError, match="开始时间"):
        save_meeting(store, bad, today=TODAY)
    folder = store.data_dir / "templates" / "minutes"
    folder.mkdir(parents=True)
    (folder / "committee_meeting.md.j2").write_text("{{ no_such_name }}", encoding="utf-8")
    with pytest.raises(TemplateError):
        save_meeting(store, _committee_meeting(store), today=TODAY)
    assert store.snapshot().meetings == []
    assert not (store.data_dir / "minutes").exists()


def test_a_data_folder_template_overrides_the_shipped_one(store: Store) -> None:
    folder = store.data_dir / "templates" / "minutes"
    folder.mkdir(parents=True)
    (folder / "committee_meeting.md.j2").write_text("自定义：{{ title }}\n", encoding="utf-8")
    saved = save_meeting(store, _committee_meeting(store), today=TODAY)
    assert saved.text == "自定义：中共金融服务部党支部委员会2026年第1次会议\n"


def test_user_text_cannot_break_the_markdown_or_the_file_name(store: Store) -> None:
    meeting = _committee_meeting(
        store,
        topic="../../# 标题\n- 列表 | 管道",
        agenda=[
            AgendaItem(
                title="# 议题", speeches=[Speech(name="<b>客人</b>", text="1. 同意\n## 结束")]
            )
        ],
    )
    saved = save_meeting(store, meeting, today=TODAY)
    assert saved.path.parent == store.data_dir / "minutes" / "2026"
    assert saved.path.name == "11-03-committee_meeting-标题-列表-管道.md"
    text = saved.text
    assert "| 会议主题 | ../../\\# 标题 - 列表 \\| 管道 |" in text
    assert "### 议题一：\\# 议题" in text
    assert "- **\\<b\\>客人\\</b\\>**：1\\. 同意 \\#\\# 结束" in text
    assert not any(line.startswith(("## 结束", "- 列表")) for line in text.splitlines())


def test_slug_is_safe_and_never_empty() -> None:
    assert slug("../..//", "abc") == "abc"
    assert slug("研究“三会一课”安排 2026", "x") == "研究-三会一课-安排-2026"
    # One clause of 80 characters: kept up to SLUG_CLAUSE_MAX, the rest cut.
    assert len(slug("很长" * 40, "x")) == 40


@pytest.mark.parametrize(
    ("topic", "name"),
    [
        # The whole topic when it fits.
        ("通报前三季度党建工作情况，部署第四季度工作", "通报前三季度党建工作情况-部署第四季度工作"),
        # Too long: the clauses that fit, never half of the next one (was …第四季度工).
        (
            "传达学习党的二十届三中全会精神，研究部署第四季度工作，讨论发展党员",
            "传达学习党的二十届三中全会精神",
        ),
        (
            "学习习近平总书记重要讲话精神；交流2026年上半年学习体会；查摆问题",
            "学习习近平总书记重要讲话精神",
        ),
        # A first clause longer than 24 is kept whole (up to 40).
        (
            "学习贯彻习近平新时代中国特色社会主义思想主题教育专题学习交流",
            "学习贯彻习近平新时代中国特色社会主义思想主题教育专题学习交流",
        ),
        # Cut only where it must, and not inside a number.
        ("学习" * 19 + "2026年计划", "学习" * 19),
    ],
)
def test_slug_ends_at_a_clause_not_in_a_word(topic: str, name: str) -> None:
    assert slug(topic, "x") == name


@pytest.mark.parametrize("kind", list(MEETING_KINDS))
def test_every_kind_has_minutes(store: Store, kind: str) -> None:
    meeting = _committee_meeting(store, kinds=[kind])
    if kind == "group_meeting":
        group = store.add(PartyGroup(name="第一党小组"))
        meeting.group_id = group.id
    saved = save_meeting(store, meeting, today=TODAY)
    assert "2026年第1次" in saved.text.splitlines()[0]
    assert saved.path.name.startswith(f"11-03-{kind}-")


def test_minutes_command_renders_again_and_delete_removes(store: Store) -> None:
    saved = save_meeting(store, _committee_meeting(store), today=TODAY)
    saved.path.unlink()
    again = write_minutes(store, saved.meeting.id[:8])
    assert again.path == saved.path and again.path.read_text(encoding="utf-8") == saved.text
    with pytest.raises(MinutesError, match="找不到编号为 nosuch 的会议记录"):
        write_minutes(store, "nosuch")
    delete_meeting(store, saved.meeting.id)
    assert store.snapshot().meetings == [] and not saved.path.exists()


def test_the_cli_writes_one_record_s_minutes(store: Store, cli) -> None:
    saved = save_meeting(store, _committee_meeting(store), today=TODAY)
    saved.path.unlink()
    result = cli("minutes", saved.meeting.id)
    assert result.code == 0 and result.out.strip() == f"已生成会议记录：{saved.path}"
    assert saved.path.exists()
    missing = cli("minutes", "nosuch")
    assert missing.code == 1 and "找不到编号为 nosuch 的会议记录" in missing.err


def test_attachments_are_saved_with_the_meeting(store: Store, tmp_path: Path) -> None:
    from branchtui.storage.attachments import copy_attachment

    scan = tmp_path / "签到表.pdf"
    scan.write_bytes(b"%PDF-1.4")
    attachment = copy_attachment(store.data_dir, scan, today=TODAY)
    meeting = _committee_meeting(store, attachment_ids=[attachment.id])
    saved = save_meeting(store, meeting, attachments=[attachment], today=TODAY)
    assert store.snapshot().find("attachments", attachment.id).original_name == "签到表.pdf"
    assert "附件：签到表.pdf" in saved.text
    # Saving again (an amendment) does not insert the attachment twice.
    save_meeting(store, saved.meeting, attachments=[attachment], today=TODAY)
    assert len(store.snapshot().attachments) == 1


def test_the_review_renders_once_and_saving_uses_it_unless_the_data_changed(store: Store) -> None:
    from branchtui.storage.minutes import prepare_meeting, save_prepared

    prepared = prepare_meeting(store, _committee_meeting(store), today=TODAY)
    assert store.snapshot().meetings == [] and not prepared.path.exists()  # nothing written
    saved = save_prepared(store, prepared)
    assert saved.text == prepared.text and saved.path.read_text(encoding="utf-8") == prepared.text
    # Another session saves an earlier 支委会 between the review and the save: numbered again.
    later = prepare_meeting(store, _committee_meeting(store, date=D(2026, 11, 20)), today=TODAY)
    assert "2026年第2次会议" in later.text
    save_meeting(store, _committee_meeting(store, date=D(2026, 11, 10)), today=TODAY)
    assert "2026年第3次会议" in save_prepared(store, later).text


def test_a_meeting_entered_late_renumbers_the_minutes_after_it(store: Store) -> None:
    # "2026年第N次会议" counts the year's records of the kind by date: a May meeting entered in
    # November makes June's the 2nd and July's the 3rd, in their files too; deleting it undoes it.
    june = save_meeting(
        store, _committee_meeting(store, date=D(2026, 6, 5), topic="六月"), today=TODAY
    )
    july = save_meeting(
        store, _committee_meeting(store, date=D(2026, 7, 9), topic="七月"), today=TODAY
    )
    other = save_meeting(
        store, _committee_meeting(store, kinds=["general_meeting"], date=D(2026, 8, 1)), today=TODAY
    )
    before = other.path.read_text(encoding="utf-8")
    assert "2026年第1次会议" in june.path.read_text(encoding="utf-8")
    may = save_meeting(
        store, _committee_meeting(store, date=D(2026, 5, 28), topic="五月"), today=TODAY
    )
    assert "2026年第1次会议" in may.text
    assert "2026年第2次会议" in june.path.read_text(encoding="utf-8")
    assert "2026年第3次会议" in july.path.read_text(encoding="utf-8")
    assert other.path.read_text(encoding="utf-8") == before  # another kind keeps its number
    delete_meeting(store, may.meeting.id)
    assert "2026年第1次会议" in june.path.read_text(encoding="utf-8")
    assert "2026年第2次会议" in july.path.read_text(encoding="utf-8")


def test_a_lecture_without_a_meeting_topic_names_its_file_by_the_lecture_title(
    store: Store,
) -> None:
    """A 党课 is typed with its 党课题目 and often no 会议主题: its minutes file is named by the
    title, as the list and the report name it, not by an id (11-27-party_lecture-005a7abd.md)."""
    from branchtui.domain.records.meeting_parts import Lecture

    meeting = _committee_meeting(store, kinds=["party_lecture"])
    meeting.topic, meeting.agenda, meeting.votes = "", [], []
    meeting.lecture = Lecture(title="深入学习贯彻党的二十届四中全会精神")
    saved = save_meeting(store, meeting, today=TODAY)
    assert saved.path.name.startswith("11-03-party_lecture-深入学习贯彻")
    assert saved.meeting.id[:8] not in saved.path.name
