"""`branchtui doctor`, `backup` and `restore`: the health and the copies of the data file."""

from __future__ import annotations

from typing import Annotated

import typer

from branchtui.cli.app import DataOption, app, fail, folder_of, say
from branchtui.storage.locations import DATA_FILE


@app.command(
    short_help="检查数据文件是否完好",
    help="检查数据文件：能否读取、结构版本、锁文件、备份及最新可用备份。文件损坏时退出码为 1。",
)
def doctor(ctx: typer.Context, data: DataOption = None) -> int:
    # The health check reads every record; only this command needs it.
    from branchtui.storage.doctor import doctor as check
    from branchtui.storage.doctor import has_errors

    folder = folder_of(ctx, data)
    findings = check(folder)
    say(f"数据目录：{folder}")
    for finding in findings:
        say(str(finding))
    return 1 if has_errors(findings) else 0


@app.command(short_help="立即备份数据文件", help="立即备份数据文件，并显示备份文件路径。")
def backup(ctx: typer.Context, data: DataOption = None) -> None:
    from branchtui.storage import backups

    folder = folder_of(ctx, data)
    if not (folder / DATA_FILE).exists():
        fail(f"数据目录 {folder} 中还没有数据文件，无需备份。")
    say(str(backups.make_backup(folder).path))


@app.command(
    short_help="列出备份或从备份恢复",
    help="列出备份；带 --newest 恢复最新可用备份，或指定备份文件名恢复（当前文件会先另存一份）。",
)
def restore(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(metavar="备份", help="要恢复的备份文件名", show_default=False)
    ] = None,
    data: DataOption = None,
    newest: Annotated[bool, typer.Option("--newest", help="恢复最新的可用备份")] = False,
) -> None:
    from branchtui.storage import backups

    folder = folder_of(ctx, data)
    found = backups.list_backups(folder)
    if name is None and not newest:
        if not found:
            say(f"数据目录 {folder} 中没有备份。")
            return
        good = backups.newest_good_backup(folder)
        say(f"数据目录 {folder} 的备份（共 {len(found)} 份，新的在前）：")
        for item in found:
            mark = "  <- 最新可用" if good is not None and item.path == good.path else ""
            say(f"  {item.name}  {item.label}{mark}")
        say("恢复：branchtui restore 备份文件名，或 branchtui restore --newest")
        return
    if name is not None:
        chosen = backups.find_backup(folder, name)
    else:
        good = backups.newest_good_backup(folder)
        if good is None:
            fail(f"数据目录 {folder} 中没有可用的备份。")
        chosen = good
    kept = backups.restore(folder, chosen)
    say(f"已从备份 {chosen.name}（{chosen.label}）恢复数据文件。")
    if kept is not None:
        say(f"恢复前的文件已另存为 {kept.path}")
