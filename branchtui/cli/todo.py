"""`branchtui todo`: the obligations (待办) of RULES.md at a date, as a Chinese list or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from branchtui.cli.app import DataOption, app, folder_of, parse_date, say, say_json, today

if TYPE_CHECKING:
    from branchtui.storage.folder_obligations import FolderObligations

STATUS_MARKS = {
    "overdue": "[逾期]",
    "due": "[待办]",
    "warning": "[提醒]",
    "upcoming": "[将到期]",
    "met": "[完成]",
    "not_applicable": "[不适用]",
}


@app.command(
    short_help="列出某日的待办事项",
    help=(
        "按规则目录列出指定日期（默认今天）的应办事项：已逾期、待办、提醒、即将到期；"
        "加 --all 同时列出已完成和不适用的事项，加 --json 输出 JSON。"
    ),
)
def todo(
    ctx: typer.Context,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="YYYY-MM-DD", help="查看哪一天的待办（默认今天）"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（含全部状态）")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="同时列出已完成和不适用的事项")] = False,
    data: DataOption = None,
) -> None:
    # The engine and the store load only for this command.
    from branchtui.storage.folder_obligations import obligations_for_folder
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    day = parse_date(on, "--on") if on is not None else today()
    snapshot = Store.open(folder).snapshot()
    # The same computation as the dashboard's: the branch's profile, calendar.toml, the date.
    result = obligations_for_folder(folder, snapshot, day)
    if result.problem:
        typer.echo(f"注意：{result.problem}", err=True)
    if as_json:
        say_json([ob.to_json() for ob in result.obligations])
        return
    say(render_list(result, show_all))


def render_list(result: FolderObligations, show_all: bool) -> str:
    """The readable Chinese list: a heading, one line per obligation, a summary line."""
    from branchtui.domain.obligations.base import STATUS_LABELS
    from branchtui.domain.obligations.periods import period_label

    found, day = result.obligations, result.on
    shown = [ob for ob in found if show_all or ob.status not in ("met", "not_applicable")]
    counts = {s: sum(1 for ob in found if ob.status == s) for s in STATUS_LABELS}
    estimate = f"（{day.year}年节假日安排为估算）" if result.estimated else ""
    lines = [f"{day} 待办事项（规则配置：{result.profile.label}）{estimate}"]
    if not shown:
        lines.append("没有需要办理的事项。")
    for ob in shown:
        when = f" 截止 {ob.due.isoformat()}" if ob.due else ""
        period = f"［{period_label(ob.period_kind, ob.period)}］" if ob.period else ""
        text = ob.detail or ob.title
        lines.append(f"{STATUS_MARKS.get(ob.status, ob.status)} {ob.rule} {period}{text}{when}")
        if ob.needs:
            lines.append(f"    需要：{ob.needs}")
    summary = "，".join(f"{label} {counts[s]}" for s, label in STATUS_LABELS.items() if counts[s])
    lines.append(f"合计：{summary or '无'}")
    return "\n".join(lines)
