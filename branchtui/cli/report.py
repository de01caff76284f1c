"""`branchtui report …`: the monthly report (REP-1), the year report with its assessment
(REP-2/3/4), the secretary's 述职, the 工作总结, the yearly ledger volumes, the sent date and the
secretary's own words. Each writes Markdown into the data folder's reports/ unless told otherwise.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from branchtui.cli.app import DataOption, app, fail, folder_of, parse_date, say, sub_app, today

report_app = sub_app(
    "生成工作报告（Markdown）：月度报告、年度报告与考核自评、述职、工作总结、年度台账"
)
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
SettingsOption = Annotated[
    bool,
    typer.Option("--with-settings", help="在报告末尾附上规则配置的全部数值（默认只写配置名称）"),
]
YearOption = Annotated[
    int, typer.Option("--year", metavar="YYYY", help="哪一年，如 2026", show_default=False)
]
MonthOption = Annotated[
    str,
    typer.Option("--month", metavar="YYYY-MM", help="哪个月，如 2026-10", show_default=False),
]


def _month(text: str) -> str:
    from branchtui.domain.dates import DateParseError, month_key, parse_month

    try:
        return month_key(parse_month(text, today()))
    except DateParseError as exc:
        fail(f"--month 的月份无效：{exc.message}")


def _year(year: int) -> int:
    from branchtui.domain.dates import DateParseError, check_year

    try:
        return check_year(year)
    except DateParseError as exc:
        fail(f"--year 的年份无效：{exc.message}")


@report_app.command(
    "monthly",
    short_help="生成月度工作报告",
    help=(
        "生成某月开展党支部基本建设工作情况的报告（每月17日前报送上级党委），"
        "写到数据目录 reports/YYYY-MM-monthly.md 并登记生成日期。生成不等于报送："
        "报送后加 --sent 日期（或运行 report sent）登记，REP-1 才算完成。"
    ),
)
def monthly(
    ctx: typer.Context,
    month: MonthOption,
    out: OutOption = None,
    sent: Annotated[
        str | None,
        typer.Option("--sent", metavar="日期", help="登记该报告已于此日报送上级党委"),
    ] = None,
    with_settings: SettingsOption = False,
    data: DataOption = None,
) -> None:
    # Templates, the store and the duty engine load only for this command.
    from branchtui.storage.reports import make_monthly_report
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    key = _month(month)
    sent_on = parse_date(sent, "--sent") if sent is not None else None
    written = make_monthly_report(
        Store.open(folder), key, today(), out=out, sent=sent_on, with_settings=with_settings
    )
    say(f"已生成{key[:4]}年{int(key[5:])}月工作报告：{written.path}")
    if written.kept is not None:
        say(f"已报送的版本另存为：{written.kept}")
    if written.record is None:
        say(f"报告未登记：{written.notice}")
    elif sent_on is not None:
        say(f"已登记报送日期：{sent_on.isoformat()}")
    elif written.record.sent is not None:
        say(f"该月报告已于 {written.record.sent.isoformat()} 报送上级党委。")
    elif written.due is not None:
        say(
            f"请于 {written.due.isoformat()} 前报送上级党委；报送后在界面“报告 → 月度报告”"
            f"中登记报送日期，或运行 branchtui report sent --month {key} --date 日期。"
        )


@report_app.command(
    "sent",
    short_help="登记月度报告已报送",
    help="登记某月的工作报告已于某日报送上级党委（REP-1 以此为准），不重新生成报告。",
)
def sent(
    ctx: typer.Context,
    month: MonthOption,
    date: Annotated[
        str, typer.Option("--date", metavar="日期", help="报送日期，如 2026-11-12 或 今天")
    ],
    data: DataOption = None,
) -> None:
    from branchtui.storage.reports import record_sent
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    key = _month(month)
    day = parse_date(date, "--date")
    record_sent(Store.open(folder), key, day, today())
    say(f"已登记{key[:4]}年{int(key[5:])}月工作报告于 {day.isoformat()} 报送上级党委。")


@report_app.command(
    "list",
    short_help="查看各月报告的生成和报送日期",
    help="列出某年（默认今年）各月工作报告的生成日期、报送日期、报送期限和状态（REP-1）。",
)
def list_reports(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", metavar="YYYY", help="哪一年")] = None,
    data: DataOption = None,
) -> None:
    from branchtui.domain.profile import get_profile
    from branchtui.domain.report_common import period_problem
    from branchtui.domain.report_monthly import monthly_report_log
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    day = today()
    chosen = _year(year if year is not None else day.year)
    snapshot = Store.open(folder).snapshot()
    profile = get_profile(snapshot.branch.profile if snapshot.branch else None)
    rows = monthly_report_log(snapshot, chosen, day, profile)
    if not rows:
        end = dt.date(chosen, 12, 31)
        problem = period_problem(snapshot, f"{chosen}年", dt.date(chosen, 1, 1), end, day)
        say(f"{problem or f'{chosen}年没有可报告的月份'}。")
        return
    say("月份     生成日期    报送日期    报送期限    状态")
    for row in rows:
        made = row["generated"].isoformat() if row["generated"] else "—" + " " * 9
        sent_on = row["sent"].isoformat() if row["sent"] else "—" + " " * 9
        say(f"{row['month']}  {made}  {sent_on}  {row['due'].isoformat()}  {row['state']}")


def _year_document(
    ctx: typer.Context,
    document: str,
    year: int,
    out: Path | None,
    settings: bool,
    data: Path | None,
) -> None:
    from branchtui.storage.reports import YEAR_DOCUMENTS, make_year_report
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    _year(year)
    written = make_year_report(
        Store.open(folder), year, today(), out=out, document=document, with_settings=settings
    )
    say(f"已生成{year}年度{YEAR_DOCUMENTS[document][2].removeprefix('年度')}：{written.path}")


@report_app.command(
    "year",
    short_help="生成年度工作报告和考核自评",
    help=(
        "生成某年度开展党支部基本建设工作情况的报告：八项任务评分（评分表见 docs/report.md）、"
        "“五好”自查、好经验好做法，写到 reports/YYYY-year.md。"
    ),
)
def year(
    ctx: typer.Context,
    year: YearOption,
    out: OutOption = None,
    with_settings: SettingsOption = False,
    data: DataOption = None,
) -> None:
    _year_document(ctx, "year", year, out, with_settings, data)


@report_app.command(
    "debrief",
    short_help="生成书记述职报告",
    help="生成党支部书记抓党建工作述职报告（讲工作、找差距、说打算），写到 reports/YYYY-debrief.md。",
)
def debrief(
    ctx: typer.Context, year: YearOption, out: OutOption = None, data: DataOption = None
) -> None:
    _year_document(ctx, "debrief", year, out, False, data)


@report_app.command(
    "summary",
    short_help="生成年度工作总结",
    help="生成年度工作总结（基本情况、主要工作、存在的不足、下年打算），写到 reports/YYYY-summary.md。",
)
def summary(
    ctx: typer.Context, year: YearOption, out: OutOption = None, data: DataOption = None
) -> None:
    _year_document(ctx, "summary", year, out, False, data)


@report_app.command(
    "ledger",
    short_help="生成年度台账汇编",
    help=(
        "把一年的全部记录按台账类别编号成册，每类一个 Markdown 文件，写到 reports/YYYY-ledger/；"
        "--category 只生成某几类（可多次给出，类别见 docs/report.md）。"
    ),
)
def ledger(
    ctx: typer.Context,
    year: YearOption,
    category: Annotated[
        list[str] | None,
        typer.Option("--category", metavar="类别", help="只生成这一类，如 dues、three_meetings"),
    ] = None,
    folder_out: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="目录", help="写到指定目录", show_default=False),
    ] = None,
    data: DataOption = None,
) -> None:
    from branchtui.storage.reports import make_ledger_volumes
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    _year(year)
    written = make_ledger_volumes(
        Store.open(folder), year, today(), categories=category, folder=folder_out
    )
    say(f"已生成{year}年度台账 {len(written)} 册：{written[0].path.parent}")
    for item in written:
        say(f"  {item.path.name}")


@report_app.command(
    "text",
    short_help="填写报告中书记写的部分",
    help=(
        "填写月度报告的“存在的问题”“下月工作打算”（--month），或年度述职和总结的"
        "“工作亮点”“存在的不足”“下年打算”（--year）。给出的部分会替换原来的文字，给空字符串即删除。"
    ),
)
def text(
    ctx: typer.Context,
    month: Annotated[
        str | None, typer.Option("--month", metavar="YYYY-MM", help="月度报告")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", metavar="YYYY", help="年度述职和总结")
    ] = None,
    problems: Annotated[str | None, typer.Option("--problems", help="存在的问题（月度）")] = None,
    plans: Annotated[str | None, typer.Option("--plans", help="下月工作打算 / 下年打算")] = None,
    achievements: Annotated[
        str | None, typer.Option("--achievements", help="工作亮点和成效（年度）")
    ] = None,
    shortcomings: Annotated[
        str | None, typer.Option("--shortcomings", help="存在的不足（年度）")
    ] = None,
    data: DataOption = None,
) -> None:
    from branchtui.storage.reports import save_monthly_texts, save_year_texts
    from branchtui.storage.store import Store

    if (month is None) == (year is None):
        fail("请给出 --month 或 --year 之一")
    given = {
        "problems": problems,
        "plans": plans,
        "achievements": achievements,
        "shortcomings": shortcomings,
    }
    texts = {k: v for k, v in given.items() if v is not None}
    store = Store.open(folder_of(ctx, data))
    if month is not None:
        if achievements is not None or shortcomings is not None:
            fail("--achievements 和 --shortcomings 只用于 --year")
        key = _month(month)
        saved = save_monthly_texts(store, key, texts, today())
        say(f"已保存{key[:4]}年{int(key[5:])}月工作报告中书记填写的部分。")
    else:
        assert year is not None
        if problems is not None:
            fail("--problems 只用于 --month")
        saved = save_year_texts(store, _year(year), texts, today())
        say(f"已保存{year}年度述职和总结中书记填写的部分。")
    for path in saved.rewritten:
        say(f"已按新填写的内容重新生成：{path}")
    for path in saved.kept:
        say(f"已报送的版本另存为：{path}")
