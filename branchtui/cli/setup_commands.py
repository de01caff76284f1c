"""`branchtui init` and `branchtui demo`: create a branch from options or a sample one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from branchtui.cli.app import DataOption, app, fail, folder_of, parse_date, say, today
from branchtui.domain.records.branch import BranchKind, ProfileName
from branchtui.storage.locations import DATA_FILE

if TYPE_CHECKING:
    from branchtui.domain.records import Branch, BranchData


def _existing_branch(folder: Path) -> Branch | None:
    from branchtui.storage.store import Store

    if not (folder / DATA_FILE).exists():
        return None
    return Store.open(folder).snapshot().branch


def _share(folder: Path, group: str) -> None:
    # Storage owns file modes; imported here because only `init --shared-group` needs it.
    from branchtui.storage.modes import share_folder

    share_folder(folder, group)
    say(f"已将数据目录 {folder} 设为用户组 {group} 共享（目录 setgid，文件 0660）。")


@app.command(
    short_help="创建支部数据",
    help="创建支部数据（批量方式；交互式创建请直接运行 branchtui 使用设置向导）。",
)
def init(
    ctx: typer.Context,
    data: DataOption = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="名称", help="党组织全称，如 中共××党支部")
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="类型",
            help="branch（党支部，默认）或 general_branch（党总支）",
            show_default=False,
        ),
    ] = "branch",
    upper: Annotated[str, typer.Option("--upper", metavar="名称", help="上级党委名称")] = "",
    profile: Annotated[
        str,
        typer.Option(
            "--profile",
            metavar="配置",
            help="规则配置：plan-2017（默认）或 national",
            show_default=False,
        ),
    ] = "plan-2017",
    term_start: Annotated[
        str | None,
        typer.Option("--term-start", metavar="日期", help="本届支委任期开始日期，如 2025-03-01"),
    ] = None,
    non_public: Annotated[
        bool, typer.Option("--non-public", help="非公企业或社会组织的党组织")
    ] = False,
    shared_group: Annotated[
        str | None,
        typer.Option("--shared-group", metavar="用户组", help="与该 Unix 用户组共享数据目录"),
    ] = None,
) -> None:
    # Records and the store take ~300 ms to import; `--help` and usage errors skip them.
    from branchtui.domain.profile import PROFILES
    from branchtui.domain.records import Branch, Term
    from branchtui.domain.records.branch import BRANCH_KINDS
    from branchtui.storage.store import Store

    # Users may type the Chinese kind or profile label as well as the code name.
    kinds = {**{k: k for k in BRANCH_KINDS}, **{v: k for k, v in BRANCH_KINDS.items()}}
    profiles = {**{p: p for p in PROFILES}, **{p.label: p.name for p in PROFILES.values()}}
    folder = folder_of(ctx, data)
    existing = _existing_branch(folder)
    if existing is not None:
        if shared_group and name is None:
            _share(folder, shared_group)
            return
        fail(f"数据目录 {folder} 中已有支部「{existing.name}」，未做任何修改。")
    if not name or not name.strip():
        if sys.stdin.isatty():
            fail("请直接运行 branchtui 打开设置向导逐步填写；批量创建请用 --name 等选项。")
        fail("缺少选项 --name，运行 branchtui init --help 查看用法")
    if kind not in kinds:
        fail(f"--kind 的值无效：{kind}（应为 branch 党支部 或 general_branch 党总支）")
    if profile not in profiles:
        fail(f"--profile 的值无效：{profile}（可选：{'、'.join(PROFILES)}）")
    start = parse_date(term_start, "--term-start") if term_start else None
    branch = Branch(
        name=name.strip(),
        kind=cast(BranchKind, kinds[kind]),
        upper_committee=upper.strip(),
        non_public=non_public,
        profile=cast(ProfileName, profiles[profile]),
        created=today(),
    )
    store = Store.open(folder, create=True)
    with store.transaction() as tx:
        tx.set_branch(branch)
        if start is not None:
            tx.insert(Term(number=1, start=start))
    label = BRANCH_KINDS[branch.kind]
    say(f"已在 {folder} 创建{label}「{branch.name}」（{PROFILES[branch.profile].label}）。")
    if shared_group:
        _share(folder, shared_group)
    say("运行 branchtui 打开终端界面继续录入党员、党小组和支委。")


def write_demo(folder: Path, *, seed: int, members: int, years: int) -> BranchData:
    """Generate the sample branch and save it to ``folder`` in one commit."""
    # The generator is only needed by `demo` and `--demo`.
    from branchtui.domain.demo import make_demo
    from branchtui.storage.store import Store

    try:
        data = make_demo(today=today(), seed=seed, members=members, years=years)
    except ValueError as exc:
        # make_demo states its own limits (e.g. the fewest members) in Chinese.
        fail(f"无法生成示例支部：{exc}")
    Store.open(folder, create=True).replace_all(data)
    return data


def _backup_now(folder: Path) -> Path:
    # Backups live in storage; only a forced demo over data needs one here.
    from branchtui.storage.backups import make_backup

    return make_backup(folder).path


@app.command(
    short_help="生成示例支部",
    help="生成示例支部数据（同一随机种子结果相同），用于试用、演示和性能测试。",
)
def demo(
    ctx: typer.Context,
    data: DataOption = None,
    members: Annotated[int, typer.Option("--members", metavar="人数", help="党员人数")] = 30,
    years: Annotated[int, typer.Option("--years", metavar="年数", help="历史记录年数")] = 2,
    seed: Annotated[int, typer.Option("--seed", metavar="种子", help="随机种子")] = 2017,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有数据（会先备份）")] = False,
) -> None:
    from branchtui.storage.store import Store

    folder = folder_of(ctx, data)
    if not 1 <= members <= 5000:
        fail(f"--members 的值无效：{members}（应在 1 到 5000 之间）")
    if not 1 <= years <= 30:
        fail(f"--years 的值无效：{years}（应在 1 到 30 之间）")
    if (folder / DATA_FILE).exists():
        if not force:
            fail(
                f"数据目录 {folder} 中已有数据，未做任何修改；确要用示例覆盖请加 --force（会先备份）。"
            )
        Store.open(folder)  # a damaged file stops here with its own message, before any backup
        say(f"已备份原有数据：{_backup_now(folder)}")
    result = write_demo(folder, seed=seed, members=members, years=years)
    name = result.branch.name if result.branch else "示例支部"
    say(
        f"已在 {folder} 生成示例支部「{name}」：党员 {len(result.members)} 名，"
        f"会议记录 {len(result.meetings)} 条。运行 branchtui --data {folder} 打开。"
    )
