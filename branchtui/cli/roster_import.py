"""`branchtui import members FILE`: bring the roster a secretary keeps in Excel/CSV into the branch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from branchtui.cli.app import DataOption, fail, folder_of, import_app, say, today

if TYPE_CHECKING:
    from branchtui.domain.roster_plan import RosterImport, RowNote

# Past this many rows a list of row numbers is cut short: the report above has them all.
ROWS_NAMED = 10

FileArgument = Annotated[
    Path, typer.Argument(metavar="FILE", help="名册文件（.xlsx 或 .csv）", show_default=False)
]


@import_app.command(
    "members",
    short_help="从 Excel/CSV 导入党员名册",
    help=(
        "从 Excel（.xlsx）或 CSV 党员名册导入党员：自动找到含“姓名”的表头行，识别常见列名，"
        "逐行检查后一次保存（保存前自动备份）。有问题的行会列出行号和原因，"
        "此时不保存任何数据（除非加 --skip-bad）。列名说明见 docs/import.md。"
    ),
)
def import_members(
    ctx: typer.Context,
    file: FileArgument,
    data: DataOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查并显示结果，不保存")] = False,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="名称", help="要读取的工作表（默认第一个）"),
    ] = None,
    create_groups: Annotated[
        bool, typer.Option("--create-groups", help="自动建立名册中尚不存在的党小组")
    ] = False,
    update: Annotated[
        bool,
        typer.Option("--update", help="身份证号与已有党员相同时，用表格内容更新该党员"),
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="跳过有问题的行，只导入无误的行")
    ] = False,
) -> None:
    # The store, the records and openpyxl are heavy; `--help` does without them.
    from branchtui.domain.roster_plan import RosterHeaderError, plan_import
    from branchtui.storage.roster_import import read_rows, save_import
    from branchtui.storage.store import Store

    rows, source = read_rows(file, sheet)
    store = Store.open(folder_of(ctx, data))
    try:
        plan = plan_import(
            rows,
            store.snapshot(),
            today(),
            source=source,
            create_groups=create_groups,
            update=update,
        )
    except RosterHeaderError as exc:
        fail(exc.message)
    for line in report_lines(plan):
        say(line)
    if plan.problems and not skip_bad:
        fail(
            f"未保存任何数据：{row_list(plan.bad_rows)}有问题；"
            "改正后重新导入，或加 --skip-bad 只导入无误的行。"
        )
    if dry_run:
        say("试运行（--dry-run），未保存任何数据。")
        return
    if not plan.new and not plan.updates:
        say("没有需要保存的党员，未做任何修改。")
        return
    added, updated, backup = save_import(store, plan)
    done = f"已保存：新增党员 {added} 人"
    if updated:
        done += f"，更新党员 {updated} 人"
    groups = plan.groups_to_create()
    if groups:
        done += f"，新建党小组 {len(groups)} 个"
    if backup is not None:
        done += f"。导入前的数据已备份为 {backup.name}"
    say(done + "。")


def row_list(rows: list[int]) -> str:
    """``第3、5、9行`` (the first few, then how many more)."""
    shown = "、".join(str(r) for r in rows[:ROWS_NAMED])
    more = f"等 {len(rows)} " if len(rows) > ROWS_NAMED else ""
    return f"第{shown}{more}行"


def _notes(title: str, notes: list[RowNote]) -> list[str]:
    if not notes:
        return []
    return [title, *(f"  第{n.row}行 {n.column}：{n.message}" for n in notes)]


def report_lines(plan: RosterImport) -> list[str]:
    """The report of an import in Chinese, as printed before anything is saved."""
    lines = [
        f"读取 {plan.source}，表头在第{plan.header_row}行",
        f"识别的列：{'、'.join(plan.columns)}",
    ]
    if plan.ignored:
        lines.append(f"未识别的列（已忽略）：{'、'.join(plan.ignored)}")
    counts = f"新党员 {len(plan.new)} 人"
    if plan.updates or plan.unchanged:
        counts += f"，更新 {len(plan.updates)} 人，无变化 {len(plan.unchanged)} 人"
    counts += f"，重复 {len(plan.duplicates)} 人，有问题 {len(plan.bad_rows)} 行"
    lines.append(counts)
    lines += _notes("有问题的行（须改正）：", plan.problems)
    lines += _notes("重复（未导入）：", plan.duplicates)
    lines += _notes("说明：", plan.notes)
    created = [g.name for g in plan.groups_to_create()]
    if created:
        lines.append(f"将新建党小组：{'、'.join(created)}")
    if plan.unknown_groups and not plan.new_groups:
        names = "、".join(plan.unknown_groups)
        lines.append(f"系统中没有这些党小组：{names}（可加 --create-groups 自动建立）")
    return lines
