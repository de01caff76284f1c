"""What the user sees when the command line is wrong or the program fails: one Chinese line."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchtui.storage.store import Store


def test_unknown_command_in_the_real_script(script, one_line) -> None:
    result = script("xyz")
    assert result.code == 1
    assert one_line(result.err) == "未知命令：xyz，运行 branchtui --help 查看可用命令"
    assert result.out == ""


def test_missing_file_argument_in_the_real_script(script, one_line) -> None:
    result = script("export", "bundle")
    assert result.code == 1
    assert one_line(result.err).startswith("缺少参数 FILE")


def test_bad_date_names_the_option_and_the_format(cli, one_line) -> None:
    result = cli("init", "--name", "中共测试党支部", "--term-start", "2026-13-01")
    assert result.code == 1
    line = one_line(result.err)
    assert line.startswith("--term-start 的日期无效（2026-13-01）")
    assert "月份13无效" in line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["demo", "--members", "abc"], "--members 的值无效，应为整数"),
        (["demo", "--bogus"], "未知选项：--bogus"),
        (["doctor", "--data"], "选项 --data 需要一个值"),
        (["export"], "缺少命令，运行 branchtui export --help"),
        (["backup", "extra"], "多余的参数：extra"),
        (["--demo", "doctor"], "--demo 只用于打开终端界面"),
    ],
)
def test_usage_errors_are_one_chinese_line(cli, one_line, args, expected) -> None:
    result = cli(*args)
    assert result.code == 1
    assert one_line(result.err).startswith(expected)


def test_help_is_chinese_and_lists_every_command(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    assert result.out.startswith("用法：branchtui [选项] 命令 [参数]...")
    for heading in ("选项：", "命令：", "显示本帮助并退出。"):
        assert heading in result.out
    for command in ("init", "demo", "doctor", "backup", "restore", "export", "import"):
        assert f"\n  {command} " in result.out
    assert "Usage" not in result.out and "Options" not in result.out


def test_every_command_has_chinese_help_that_fits_80_columns(cli) -> None:
    from branchtui.cli.chinese import width_of

    for args in (["init"], ["demo"], ["doctor"], ["backup"], ["restore"], ["export", "bundle"]):
        result = cli(*args, "--help")
        assert result.code == 0, args
        assert "--data 目录" in result.out, args
        assert all(width_of(line) <= 80 for line in result.out.splitlines()), result.out


def test_store_error_prints_its_message(cli, one_line, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "branch.json").write_bytes(b"{not json")
    result = cli("init", "--name", "中共测试党支部")
    assert result.code == 1
    assert "branch.json" in one_line(result.err)


def test_unexpected_error_writes_a_log_and_says_where(
    cli, one_line, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Store, "open", broken)
    data_dir.mkdir(parents=True)
    result = cli("init", "--name", "中共测试党支部", "--data", data_dir)
    assert result.code == 1
    line = one_line(result.err)
    assert "程序内部出错" in line
    log = Path(line.split("详细信息已写入 ")[1].split("，")[0])
    assert log.parent == data_dir / "logs"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: boom" in text


def test_ctrl_c_exits_quietly(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "open", interrupted)
    result = cli("init", "--name", "中共测试党支部")
    assert result.code == 130
    assert result.err == "" and result.out == ""
