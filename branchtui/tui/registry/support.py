"""基础保障 (BASE): the activity venue and the funds, in the order the area's menu lists them."""

from __future__ import annotations

from branchtui.tui.registry.spec import ScreenSpec, register_actions

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

SCREENS: tuple[ScreenSpec, ...] = (VENUES, FUNDS)
