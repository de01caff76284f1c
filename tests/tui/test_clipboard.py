"""OSC 52: the report goes to the secretary's own clipboard as one escape sequence of its
base64 text, and a text too big for terminals is not sent at all (the user is told why)."""

from __future__ import annotations

import base64

from branchtui.tui.clipboard import SEQUENCE_LIMIT, TEXT_LIMIT, copy_text, osc52, too_big


class FakeApp:
    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


def test_the_sequence_is_esc_52_c_base64_bel() -> None:
    text = "关于第一党支部2026年11月的报告\n\n| 类别 | 次数 |"
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    assert osc52(text) == f"\x1b]52;c;{encoded}\a"


def test_the_largest_text_allowed_still_fits_the_sequence_limit() -> None:
    assert len(osc52("a" * TEXT_LIMIT).encode()) <= SEQUENCE_LIMIT
    assert len(osc52("a" * (TEXT_LIMIT + 3)).encode()) > SEQUENCE_LIMIT
    chinese = "党" * (TEXT_LIMIT // 3)  # three UTF-8 bytes each
    assert too_big(chinese) is None and len(osc52(chinese).encode()) <= SEQUENCE_LIMIT


def test_a_report_within_the_limit_is_copied_and_the_size_said() -> None:
    app = FakeApp()
    sent, message = copy_text(app, "报告" * 1000, "月度报告")  # type: ignore[arg-type]
    assert sent and app.copied == ["报告" * 1000]
    assert message.startswith("已把月度报告复制到剪贴板（5 KB）")


def test_a_report_too_big_is_not_copied_and_the_user_is_told_to_fetch_the_file() -> None:
    app = FakeApp()
    text = "党" * (TEXT_LIMIT // 3 + 1)
    sent, message = copy_text(app, text, "台账")  # type: ignore[arg-type]
    assert not sent and app.copied == []
    assert "超过终端剪贴板的上限（73 KB），未复制" in message
    assert "sftp" in message and "reports/" in message
