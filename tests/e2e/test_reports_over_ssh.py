"""The monthly report (REP-1) over a real ssh -tt login in an 80×24 tmux pane, by keys only: a
secretary with no shell produces November's report, writes her words, saves it into reports/,
copies it to her own clipboard (OSC 52, which tmux takes into a buffer here), and records it
sent; the duty engine then counts REP-1 for November as met."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.storage.store import Store

from .test_tui_over_ssh import BRANCHTUI, STEP, TODAY, assert_sound, data, demo_folder, open_app

if TYPE_CHECKING:
    from .conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e
__all__ = ["data", "demo_folder"]  # the fixtures, shared with the other ssh flows

WORDS = "学习测试参与率不高"


def month_row(screen: str, month: str) -> str:
    return next((line for line in screen.split("\n") if line.startswith(f" {month}")), "")


def wait_file(path: Path, words: str, timeout: float = STEP) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and words in (text := path.read_text(encoding="utf-8")):
            return text
        time.sleep(0.1)
    raise AssertionError(f"{timeout:.0f} 秒内 {path} 中未出现：{words}")


def rep1(folder: Path, month: str) -> dict[str, object]:
    out = subprocess.run(
        [str(BRANCHTUI), "todo", "--json", "--data", str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY},
    )
    found = json.loads(out.stdout)
    duties = found["obligations"] if isinstance(found, dict) else found
    return next(d for d in duties if d["rule"] == "REP-1" and d["period"] == month)


def test_monthly_report_produced_copied_and_sent_over_ssh(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    assert rep1(data, "2026-11")["status"] == "upcoming"
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)
    pane.send("0")
    pane.wait_for("月度报告", STEP)
    pane.send("m")
    screen = pane.wait_for("组织体系建设情况", STEP)  # the preview has rendered
    assert "未生成" in month_row(screen, "2026-11")
    assert_sound(screen)

    pane.send("e")
    pane.wait_for("书记填写", STEP)
    pane.type(WORDS)
    pane.wait_for(WORDS, STEP)
    pane.send("C-s")
    screen = pane.wait_until(lambda s: "1/2段" in month_row(s, "2026-11"), "已填写 1 段", STEP)
    assert_sound(screen)

    pane.send("s")
    report = wait_file(data / "reports" / "2026-11-monthly.md", WORDS)
    assert report.startswith("# 关于")
    pane.wait_until(lambda s: "已生成" in month_row(s, "2026-11"), "已生成", STEP)
    assert rep1(data, "2026-11")["status"] == "upcoming"  # produced is not sent
    pane.wait_gone("正在生成预览", STEP)  # shown again from the saved record

    pane.send("c")
    pane.wait_until(lambda _s: WORDS in pane.buffer(), "剪贴板中的报告", STEP)
    copied = pane.buffer()
    # The whole report (the title to the closing line), as the preview shows it.
    assert copied.split("\n")[0] == report.split("\n")[0]
    assert copied.rstrip("\n").split("\n")[-1] == report.rstrip("\n").split("\n")[-1]

    pane.send("t")
    pane.wait_for("报送日期", STEP)
    pane.send("Enter")
    screen = pane.wait_until(lambda s: "已报送" in month_row(s, "2026-11"), "已报送", STEP)
    assert_sound(screen)
    record = next(r for r in Store.open(data).snapshot().monthly_reports if r.month == "2026-11")
    assert record.sent is not None and record.sent.isoformat() == TODAY
    duty = rep1(data, "2026-11")
    assert duty["status"] == "met" and duty["detail"] == f"2026年11月工作报告已于 {TODAY} 报送"

    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
    assert "Traceback" not in pane.screen()
