"""`branchtui report monthly` and `branchtui report year`: the work reports (REP-1) as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from branchtui.cli.app import DataOption, app, fail, folder_of, parse_date, say, sub_app, today

report_app = sub_app("生成工作报告（Markdown）")
app.add_typer(report_app, name="report")

OutOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        metavar="FILE",
        help="写到指定文件（默认写到数据目录的 reports/ 下）",
        show_default=False,
    ),
]


@report_app.command(
    "monthly",
    short_help="生成月度工作报告",
    help=(
        "生成某月开展党支部基本建设工作情况的报告（每月17日前报送上级党委），"
        "写到数据目录 reports/YYYY-MM-monthly.md 并登记；加 --sent 日期 登记已报送。"
    ),
)
def monthly(
    ctx: typer.Context,
    month: Annotated[
        str,
        typer.Option(
            "--month", metavar="YYYY-MM", help="报告哪个月，如 2026-10", show_default=False
        ),
    ],
    out: OutOption = None,
    sent: Annotated[
        str | None,
        typer.Option("--sent", metavar="日期", help="登记该报告已于此日报送上级党委"),
    ] = None,
    data: DataOption = None,
) -> None:
    # Templates, the store and the duty engine load only for this command.
    from branchtui.domain.dates import DateParseError, month_key, parse_month
    from branchtui.storage.reports import make_monthly_report
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    day = today()
    try:
        key = month_key(parse_month(month, day))
    except DateParseError as exc:
        fail(f"--month 的月份无效：{exc.message}")
    sent_on = parse_date(sent, "--sent") if sent else None
    written = make_monthly_report(Store.open(folder), key, day, out=out, sent=sent_on)
    say(f"已生成{key[:4]}年{int(key[5:])}月工作报告：{written.path}")
    if written.record is None:
        say(f"报告未登记：{written.notice}")
    elif sent_on is not None:
        say(f"已登记报送日期：{sent_on.isoformat()}")
    elif written.record.sent is not None:
        say(f"该月报告已于 {written.record.sent.isoformat()} 报送上级党委。")
    elif written.due is not None:
        say(
            f"请于 {written.due.isoformat()} 前报送上级党委；报送后运行 "
            f"branchtui report monthly --month {key} --sent 日期 登记。"
        )


@report_app.command(
    "year",
    short_help="生成年度工作报告",
    help="生成某年度开展党支部基本建设工作情况的报告，写到数据目录 reports/YYYY-year.md。",
)
def year(
    ctx: typer.Context,
    year: Annotated[
        int,
        typer.Option("--year", metavar="YYYY", help="报告哪一年，如 2026", show_default=False),
    ],
    out: OutOption = None,
    data: DataOption = None,
) -> None:
    from branchtui.domain.dates import DateParseError, check_year
    from branchtui.storage.reports import make_year_report
    from branchtui.storage.store import Store

    try:
        check_year(year)
    except DateParseError as exc:
        fail(f"--year 的年份无效：{exc.message}")
    folder = folder_of(ctx, data)
    written = make_year_report(Store.open(folder), year, today(), out=out)
    say(f"已生成{year}年度工作报告：{written.path}")
