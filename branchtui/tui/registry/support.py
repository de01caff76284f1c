"""基础保障 (BASE): the activity venue and the funds, in the order the area's menu lists them;
and the branch's data itself (backups, restore, the file check, bundles), which a secretary
logged in without a shell can reach nowhere else."""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, register_actions

VENUES = ScreenSpec(
    id="venues",
    area="support",
    key="v",
    title="活动场所",
    help="党员活动场所（自有或共用）及设施设备（BASE-1）",
    factory="branchtui.tui.screens.venues:VenuesScreen",
    settles=("venues",),
    actions=register_actions("venues", "活动场所", years=False),
)

FUNDS = ScreenSpec(
    id="funds",
    area="support",
    key="f",
    title="活动经费",
    help="活动经费和回拨党费的收入与支出，按规定用途使用（BASE-2）",
    factory="branchtui.tui.screens.funds:FundsScreen",
    settles=("funds",),
    actions=register_actions("funds", "收支记录"),
)

DATA_TOOLS = ScreenSpec(
    id="data_tools",
    area="support",
    key="b",
    title="数据备份与恢复",
    help="立即备份、查看备份并从中恢复、检查数据文件、导出或导入数据包",
    factory="branchtui.tui.screens.data_tools:DataToolsScreen",
    keywords=("数据维护", "数据文件"),
    actions=(
        ActionSpec(
            "data-backup",
            "b",
            "备份",
            "立即备份",
            "立即备份数据文件（损坏的文件不备份，以免挤掉完好的备份）",
            "backup_now",
        ),
        ActionSpec(
            "data-restore",
            "r",
            "恢复",
            "从备份恢复",
            "把选中的备份恢复为数据文件：先说明将丢失什么再确认，当前文件会先另存为备份",
            "restore",
        ),
        ActionSpec(
            "data-check",
            "c",
            "检查",
            "检查数据文件",
            "检查数据文件能否完整读取、目录权限、写入锁和备份",
            "check",
        ),
        ActionSpec(
            "data-export",
            "x",
            "导出",
            "导出数据包",
            "把整个支部的数据导出为一个 JSON 数据包文件（默认放在数据目录中）",
            "export",
        ),
        ActionSpec(
            "data-import",
            "i",
            "导入",
            "导入数据包",
            "从 JSON 数据包导入整个支部的数据（已有数据时先确认，并先备份）",
            "import_bundle",
        ),
    ),
)

SCREENS: tuple[ScreenSpec, ...] = (VENUES, FUNDS, DATA_TOOLS)
