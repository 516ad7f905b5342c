"""Whether a recipient may receive a title in a decision: eligibility met and the awarding unit's quota not used up.

Rules
-----
- The stored eligibility result of the period decides; a condition not met refuses the recipient with its reason,
  unless the council secretary vetted the recipient's nomination with a written override. No result at all for a
  title that has conditions in the period's rule set (never registered, or never checked) refuses the recipient
  too, with the same override. A quota line is not a
  condition here: the quota is checked on the awards.
- The quota is the awarding unit's (council/quotas.py), counted over its subtree on the active awards of the period.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from emulation.council import quotas
from emulation.council.models.nominations import Nomination
from emulation.decisions.models import Award, Decision
from emulation.eligibility.engine import default_rule_set
from emulation.eligibility.models import EligibilityResult
from emulation.titles.models import ConditionKind, Title


def _has_conditions(period, title: Title) -> bool:
    """Whether the rule set the period is checked with sets conditions (other than a quota) for the title."""
    used = EligibilityResult.objects.filter(period=period).select_related("rule_set").first()
    rule_set = used.rule_set if used else default_rule_set(period)
    if rule_set is None:
        return False
    return rule_set.conditions.filter(title=title).exclude(kind=ConditionKind.QUOTA).exists()


def _eligibility_gap(decision: Decision, person, unit, title: Title, nomination) -> str:
    """Why the recipient does not meet the title in the period ("" when met, or vetted with a written override)."""
    if nomination is not None and nomination.eligibility_override:
        return ""
    subject = {"person": person} if person else {"unit": unit, "person": None}
    result = EligibilityResult.objects.filter(period=decision.period, title=title, **subject).first()
    if result is None:
        if not _has_conditions(decision.period, title):
            return ""
        text = _(
            "%(who)s chưa có kết quả xét điều kiện “%(title)s” trong kỳ (chưa đăng ký danh hiệu hoặc chưa được xét)."
        )
        return text % {"who": person or unit, "title": title.name}
    failed = [c.reason for c in result.checks.all() if not c.met and c.kind != ConditionKind.QUOTA]
    if not failed:
        return ""
    text = _("%(who)s chưa đủ điều kiện “%(title)s”: %(reasons)s")
    return text % {"who": person or unit, "title": title.name, "reasons": " ".join(failed)}


def check_eligibility_and_quota(*, decision: Decision, person, unit, title: Title, nomination) -> None:
    """A recipient whose eligibility is not met, or whose awarding unit's quota is used up, is refused."""
    if gap := _eligibility_gap(decision, person, unit, title, nomination):
        raise ValidationError(gap)
    probe = Nomination(period=decision.period, title=title, unit=unit or person.unit)
    quota = quotas.quota_of(probe)
    if quota is None:
        return
    within = Q(unit__path__startswith=quota.unit.path) | Q(person__unit__path__startswith=quota.unit.path)
    given = Award.objects.active().filter(within, period=decision.period, title=title)
    if given.count() >= quota.number:
        text = _("Đã hết chỉ tiêu “%(title)s” của %(unit)s: %(number)s suất (%(how)s).")
        raise ValidationError(
            text % {"title": title.name, "unit": quota.unit.name, "number": quota.number, "how": quota.reason}
        )
