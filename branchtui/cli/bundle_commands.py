"""`branchtui export bundle` and `branchtui import bundle`: the whole branch as one JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from branchtui.cli.app import DataOption, export_app, fail, folder_of, import_app, say

FileArgument = Annotated[
    Path, typer.Argument(metavar="FILE", help="数据包文件（.json）", show_default=False)
]


@export_app.command(
    "bundle",
    short_help="导出 JSON 数据包",
    help="把整个支部的数据导出为一个 JSON 数据包（可再导入，不丢信息）。",
)
def export_bundle(ctx: typer.Context, file: FileArgument, data: DataOption = None) -> None:
    # bundle.py and the store pull in every record type; only these two commands need them.
    from branchtui.storage.bundle import export_bundle as write_bundle
    from branchtui.storage.bundle import export_target
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    target = export_target(file)
    write_bundle(Store.open(folder), target)
    say(f"已导出到 {file}")


@import_app.command(
    "bundle",
    short_help="导入 JSON 数据包",
    help="从 JSON 数据包导入整个支部的数据；已有数据时需加 --force（会先备份）。",
)
def import_bundle(
    ctx: typer.Context,
    file: FileArgument,
    data: DataOption = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有数据（会先备份）")] = False,
) -> None:
    from branchtui.storage.bundle import import_bundle as read_into

    folder = folder_of(ctx, data)
    if file.is_dir():
        fail(f"{file} 是一个目录，请给出数据包文件")
    if not file.is_file():
        fail(f"找不到数据包文件 {file}")
    read_into(file, folder, force=force)
    say(f"已从 {file} 导入到数据目录 {folder}")
