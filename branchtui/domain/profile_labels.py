"""The Chinese names and printed values of the profile's numbers, for reports and settings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from branchtui.domain.profile import Profile

# Each setting of Profile with the words a secretary reads in a report (unit included).
NUMBER_LABELS: dict[str, tuple[str, str]] = {
    "group_required_at": ("应划分党小组的党员人数", "人"),
    "group_max": ("党小组人数一般不超过", "人"),
    "general_branch_at": ("应升格党总支的党员人数", "人"),
    "committee_at": ("应升格党委的党员人数", "人"),
    "term_years_branch": ("党支部任期", "年"),
    "term_years_general_branch": ("党总支任期", "年"),
    "term_reminder_months": ("换届提前提醒", "个月"),
    "term_extension_max_years": ("延期换届最长", "年"),
    "secretary_vacancy_days": ("书记空缺补选期限", "天"),
    "member_vacancy_months": ("委员出缺补选期限", "个月"),
    "election_quorum_share": ("选举时有选举权的到会人数须超过应到会人数的", ""),
    "election_margin_share": ("换届选举候选人数多于应选人数不少于", ""),
    "general_meetings_per_quarter": ("支部党员大会每季度", "次"),
    "committee_meetings_per_month": ("支委会每月", "次"),
    "group_meetings_per_month": ("党小组会每月", "次"),
    "lectures_per_year_min": ("党课每年至少", "次"),
    "lectures_per_year_full": ("党课每年应达", "次"),
    "theme_day_max_delay_days": ("主题党日最多顺延", "天"),
    "theme_day_min_hours": ("主题党日时间不少于", "小时"),
    "life_meetings_per_year": ("组织生活会每年至少", "次"),
    "appraisal_excellent_max_share": ("民主评议评为优秀的不超过参评正式党员的", ""),
    "transfer_over_months": ("外出超过此期限应转组织关系", "个月"),
    "no_certificate_max_months": ("短期外出无需开具凭证的期限", "个月"),
    "flowing_contact_warning_months": ("流动党员未联系提醒", "个月"),
    "transfer_receipt_days": ("介绍信回执未退回提醒", "天"),
    "inflow_report_months": ("向流出地党组织反馈流入党员情况至少每", "个月"),
    "study_days_per_year": ("每年集中学习不少于", "天"),
    "study_hours_per_day": ("会议学习时长折合1天", "小时"),
    "absence_warning_months": ("连续缺席提醒", "个月"),
    "development_register_update_months": ("发展党员信息库更新周期", "个月"),
    "activist_team_staff_at": ("应建积极分子队伍的非党员职工人数", "人"),
    "applicant_talk_months": ("收到入党申请后谈话期限", "个月"),
    "activist_training_min_years": ("积极分子培养期至少", "年"),
    "activist_review_months": ("积极分子考察周期", "个月"),
    "target_training_min_days": ("发展对象集中培训至少", "天"),
    "target_training_min_hours": ("或集中培训至少", "学时"),
    "approval_months": ("上级党委审批期限", "个月"),
    "approval_max_months": ("审批最长期限", "个月"),
    "probation_years": ("预备期", "年"),
    "probation_extension_min_months": ("延长预备期至少", "个月"),
    "probation_extension_max_months": ("延长预备期至多", "个月"),
    "report_due_day": ("月度工作报告报送日（此日前）", "日"),
    "late_entry_working_days": ("会后超过此期限录入的为会后补记", "个工作日"),
    "dues_brackets_working": ("在职党员党费比例（税后月收入）", ""),
    "dues_brackets_retired": ("离退休党员党费比例（月收入）", ""),
    "dues_minimum_monthly": ("学生、无固定收入、低收入党员每月党费", "元"),
    "dues_back_payment_max_months": ("党费补交最多", "个月"),
    "lapse_warning_months": ("连续不交党费、不参加组织生活提醒", "个月"),
    "lapse_months": ("按自行脱党处理的连续月数", "个月"),
    "lost_contact_suspend_months": ("失联停止党籍期限", "个月"),
    "lost_contact_removal_years": ("停止党籍后除名期限", "年"),
}


def _number(value: float | int | Decimal) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _brackets(brackets: tuple[tuple[Decimal | None, Decimal], ...]) -> str:
    """``3000元以下0.5%；3000至5000元1%；…；10000元以上2%``."""
    parts: list[str] = []
    lower: Decimal | None = None
    for upper, rate in brackets:
        share = f"{(rate * 100).normalize():f}%"
        if upper is None:
            parts.append(f"{lower}元以上{share}")
        elif lower is None:
            parts.append(f"{upper}元以下{share}")
        else:
            parts.append(f"{lower}至{upper}元{share}")
        lower = upper
    return "；".join(parts)


def format_setting(key: str, value: Any) -> str:
    """A setting's value as printed: ``2年``, ``0.20元``, the dues brackets in words."""
    unit = NUMBER_LABELS.get(key, ("", ""))[1]
    if isinstance(value, tuple):
        return _brackets(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return f"{_number(value)}{unit}"


def profile_numbers(profile: Profile) -> list[dict[str, str]]:
    """Every number of the profile in force, labelled in Chinese, in the profile's order."""
    return [
        {"key": key, "label": NUMBER_LABELS.get(key, (key, ""))[0], "value": format_setting(key, v)}
        for key, v in profile.numbers().items()
    ]


def profile_changes(current: Profile, other: Profile) -> list[str]:
    """What switching from ``current`` to ``other`` changes, one line per number that differs:
    ``党支部任期：2年 → 3年``."""
    theirs = other.numbers()
    return [
        f"{NUMBER_LABELS.get(key, (key, ''))[0]}：{format_setting(key, value)} → "
        f"{format_setting(key, theirs[key])}"
        for key, value in current.numbers().items()
        if theirs.get(key) != value
    ]
