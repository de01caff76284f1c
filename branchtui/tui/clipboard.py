"""Copying a report to the secretary's own clipboard over SSH: the OSC 52 escape sequence.

The terminal on the secretary's desk (Windows Terminal, iTerm2, xterm, tmux with
``set-clipboard on`` …) puts the base64-decoded text on its clipboard, so a report made on the
server can be pasted into Word or the upper committee's platform. Terminals cap the sequence
(hterm and others at 100 000 bytes), so a larger text is not sent at all: half a report pasted
would be worse than none, and the secretary is told to fetch the file instead.
"""

from __future__ import annotations

import base64

from textual.app import App

# The whole sequence must stay within 100 000 bytes: ESC ] 52 ; c ; <base64> BEL.
SEQUENCE_LIMIT = 100_000
PREFIX, SUFFIX = "\x1b]52;c;", "\a"
# The largest UTF-8 text whose sequence fits: base64 turns 3 bytes into 4.
TEXT_LIMIT = (SEQUENCE_LIMIT - len(PREFIX) - len(SUFFIX)) // 4 * 3


def osc52(text: str) -> str:
    """The escape sequence that asks the terminal to put ``text`` on its clipboard."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"{PREFIX}{encoded}{SUFFIX}"


def too_big(text: str) -> str | None:
    """Why ``text`` is not copied (in Chinese), or None when it fits."""
    size = len(text.encode("utf-8"))
    if size <= TEXT_LIMIT:
        return None
    return (
        f"全文 {size // 1024} KB，超过终端剪贴板的上限（{TEXT_LIMIT // 1024} KB），未复制；"
        "请用 sftp 从数据目录的 reports/ 取回已保存的文件（见 docs/server.md）"
    )


def copy_text(app: App[object], text: str, what: str) -> tuple[bool, str]:
    """Send ``text`` to the terminal's clipboard; whether it was sent and what to tell the user."""
    problem = too_big(text)
    if problem is not None:
        return False, problem
    # Textual writes exactly osc52(text) to the terminal (and keeps it for its own paste).
    app.copy_to_clipboard(text)
    size = len(text.encode("utf-8"))
    return True, (
        f"已把{what}复制到剪贴板（{max(1, size // 1024)} KB），可粘贴到 Word 或上报平台；"
        "如粘贴不出，说明终端不支持 OSC 52，请保存后用 sftp 取回文件"
    )
