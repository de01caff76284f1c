"""A tiny terminal program for proving the ssh + tmux path before the app runs over it."""

from __future__ import annotations

import os
import shutil
import sys

ROWS = [("姓名", "状态"), ("张三", "正式党员"), ("李四光", "预备党员")]


def main() -> None:
    size = shutil.get_terminal_size()
    print(f"终端 {size.columns}x{size.lines} TERM={os.environ.get('TERM', '')}")
    print(f"LANG={os.environ.get('LANG', '')} 编码={sys.stdout.encoding}")
    print(f"今天={os.environ.get('BRANCHTUI_TODAY', '')}")
    print(f"数据={os.environ.get('BRANCHTUI_HOME', '')}")
    for name, status in ROWS:
        # Pad by display width: each CJK character takes two cells.
        print("│" + name + " " * (8 - 2 * len(name)) + "│" + status + "│")
    line = input("请输入：")
    print(f"收到：{line}")
    input("按回车退出")


if __name__ == "__main__":
    main()
