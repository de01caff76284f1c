"""`branchtui check records`: 台账体检, the defects inspectors find in the meeting ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from branchtui.cli.app import DataOption, app, fail, folder_of, say, say_json, sub_app, today

check_app = sub_app("检查台账")
app.add_typer(check_app, name="check")


@check_app.command(
    "records",
    short_help="台账体检：列出会议记录中的问题",
    help=(
        "逐条检查会议记录和民主评议记录，列出检查时常被指出的问题：缺时间、地点、主持人、记录人，"
        "实到多于应到，缺席未说明原因，表决缺票数或方式，会后补记，支委会到会不足半数，"
        "组织生活会无点名批评，优秀超比例，党课、主题党日无内容等。加 --year 只查某一年，"
        "加 --json 输出 JSON。问题只是提醒，不影响保存。"
    ),
)
def records(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option("--year", metavar="YYYY", help="只检查该年的记录")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    data: DataOption = None,
) -> None:
    # The store and the calendar load only for this command.
    from branchtui.storage.folder_obligations import defects_for_folder
    from branchtui.storage.store import Store

    if year is not None and not 1921 <= year <= 9999:
        fail(f"--year 的年份无效（{year}），应为四位年份，如 2026。")
    folder = folder_of(ctx, data)
    found = defects_for_folder(folder, Store.open(folder).snapshot(), year=year, on=today())
    if found.problem:
        typer.echo(f"注意：{found.problem}", err=True)
    if as_json:
        say_json([d.to_json() for d in found.defects])
        return
    scope = f"{year}年" if year is not None else "全部"
    if not found.defects:
        say(f"台账体检（{scope}记录）：未发现问题。")
        return
    records = list(dict.fromkeys(d.record_id for d in found.defects))
    say(f"台账体检（{scope}记录）：{len(records)}条记录共{len(found.defects)}处问题")
    current = None
    for d in found.defects:
        if d.record_id != current:
            current = d.record_id
            say(f"{d.title}（记录 {d.record_id}）")
        say(f"    [{d.rule}] {d.message}")
