"""党内关怀 (CARE): the screens of this area, in the order its menu lists them."""

from __future__ import annotations

from branchtui.tui.registry.spec import ActionSpec, ScreenSpec, register_actions

TALKS = ScreenSpec(
    id="talks",
    area="care",
    key="t",
    title="谈心谈话",
    help="日常、专题、提醒、诫勉谈话，转接、外出等须谈话事项（CARE-1）",
    factory="branchtui.tui.screens.talks:TalksScreen",
    settles=("talks",),
    actions=register_actions(
        "talks",
        "谈话记录",
        extra=(
            ActionSpec(
                "talks-owed",
                "o",
                "应谈",
                "须谈话的事项",
                "列出转接、外出、出国（境）、思想波动、处置后尚未谈话的党员，选一项登记谈话（CARE-1）",
                "owed",
            ),
        ),
    ),
)

FLUCTUATIONS = ScreenSpec(
    id="fluctuations",
    area="care",
    key="s",
    title="思想动态",
    help="党员思想波动及倾向性、苗头性问题，书记须与其谈话（CARE-1）",
    factory="branchtui.tui.screens.fluctuations:FluctuationsScreen",
    actions=register_actions(
        "fluctuations",
        "思想波动",
        closes="化解",
        extra=(
            ActionSpec(
                "fluctuations-talk",
                "t",
                "谈话",
                "就思想波动谈话",
                "为选中的思想波动登记书记与该党员的谈心谈话（CARE-1）",
                "talk",
            ),
        ),
    ),
)

ANNOUNCEMENTS = ScreenSpec(
    id="announcements",
    area="care",
    key="p",
    title="党务公开",
    help="党务公开的事项、日期、方式和范围（CARE-2）",
    factory="branchtui.tui.screens.announcements:AnnouncementsScreen",
    settles=("announcements",),
    actions=register_actions("announcements", "公开事项"),
)

HARDSHIP = ScreenSpec(
    id="hardship",
    area="care",
    key="h",
    title="困难帮扶",
    help="困难党员的申请、向上级报告、帮扶措施与金额（CARE-3）",
    factory="branchtui.tui.screens.hardship:HardshipScreen",
    settles=("hardship",),
    actions=register_actions(
        "hardship",
        "帮扶记录",
        extra=(
            ActionSpec(
                "hardship-report",
                "r",
                "上报",
                "登记向上级报告",
                "登记选中帮扶申请向上级党组织报告的日期（CARE-3）",
                "report_up",
            ),
        ),
    ),
)

SCREENS: tuple[ScreenSpec, ...] = (TALKS, FLUCTUATIONS, ANNOUNCEMENTS, HARDSHIP)
