"""The eligibility engine: for a period, whether every registered person and unit meets the title it aims for,
condition by condition, with the reason in Vietnamese.

Rules
-----
- The conditions are the rows of a rule set (`TitleCondition`) in force on the period's last day; by default the
  active rule set in force that day with the latest start (a province's own set loaded beside the national one wins).
- A title needed by another (Lao động tiên tiến for Chiến sĩ thi đua cơ sở, or for the share of a collective's
  members) is evaluated for the people concerned with the same rules, whether or not they registered for it.
- A quota condition (percentage, base, rounding — all data) caps how many of a title the awarding unit (the unit whose
  head signs: a Sở for its phòng, a commune for its staff) may confer, counted over that unit's subtree. The line
  says "N suất / M người đủ điều kiện"; the council chooses within the quota by votes (council/quotas.py). A quota
  of 0 is not met. The quotas are stored (`Quota`) for proposal, vetting, the vote and the decision. No quota row,
  no quota (Chiến sĩ thi đua cơ sở has no national quota since 01/01/2024).
- Facts are loaded set-wise (`eligibility_facts`); each run replaces the period's results in one transaction.
- An observation that changes later (a violation upheld, a discipline recorded) marks the results of the unit and of
  the collectives above it stale; a background re-run replaces them.
"""

from collections import defaultdict
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.eligibility.conditions import CHECKS, Outcome, percent
from emulation.eligibility.facts import Facts, load_facts
from emulation.eligibility.models import EligibilityCheck, EligibilityResult, Quota
from emulation.movements.models import Period
from emulation.titles.dated import in_force_q
from emulation.titles.models import ConditionKind, QuotaBase, Rounding, RuleSet, Title, TitleCondition
from units.models import Unit

ROUNDINGS = {Rounding.DOWN: ROUND_FLOOR, Rounding.HALF_UP: ROUND_HALF_UP, Rounding.UP: ROUND_CEILING}


class Evaluator:
    """Evaluates subjects against the facts' conditions, remembering each (subject, title) once evaluated."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.memo: dict = {}

    def evaluate(self, key, title: Title) -> list[tuple[TitleCondition, Outcome]]:
        """Every non-quota condition of the title for the subject, in order."""
        if (key, title.pk) not in self.memo:
            self.memo[(key, title.pk)] = []  # a cycle in the data evaluates to "no conditions", never loops
            lines = [
                (cond, CHECKS[cond.kind](self, key, cond))
                for cond in self.facts.conditions.get(title.pk, [])
                if cond.kind != ConditionKind.QUOTA
            ]
            self.memo[(key, title.pk)] = lines
        return self.memo[(key, title.pk)]

    def is_met(self, key, title: Title) -> bool:
        """A title whose award of the year was revoked is not met, whatever the records say (Law 2022 Chương VII)."""
        if (key, title.pk) in self.facts.revoked:
            return False
        lines = self.evaluate(key, title)
        return bool(lines) and all(outcome.met for _, outcome in lines)


def quota_for(*, condition: TitleCondition, base: int) -> int:
    """number % of base, rounded as the condition says (15 % of 23 = 3.45 → 3 down, 3 half-up, 4 up)."""
    exact = condition.number * base / Decimal(100)
    return int(exact.quantize(Decimal(1), rounding=ROUNDINGS[condition.rounding or Rounding.DOWN]))


def default_rule_set(period: Period) -> RuleSet | None:
    day = period.ends_on
    return RuleSet.objects.filter(in_force_q(day), active=True).order_by("-effective_from").first()


def run_eligibility(*, period: Period, rule_set: RuleSet | None = None) -> int:
    """Evaluate every registered subject of the period and replace its stored results; returns how many."""
    rule_set = rule_set or default_rule_set(period)
    if rule_set is None:
        return 0
    facts = load_facts(period=period, rule_set=rule_set)
    evaluator = Evaluator(facts)
    rows = [
        (person, None, title, list(evaluator.evaluate(("p", person.pk), title)))
        for person, title in facts.subjects_people
    ]
    quotas = _apply_quotas(evaluator, rows)
    rows += [(None, unit, title, evaluator.evaluate(("u", unit.pk), title)) for unit, title in facts.subjects_units]
    _write(period, rule_set, rows, quotas)
    return len(rows)


def _apply_quotas(evaluator: Evaluator, rows: list) -> list[Quota]:
    """Per awarding unit and title with a quota: the quota over the unit's subtree, and who meets every other
    condition. Returns the quotas (unsaved) for the period."""
    groups = defaultdict(list)
    for row in rows:
        awarding = evaluator.facts.awarding.get((row[0].unit_id, row[2].pk), row[0].unit)
        groups[(awarding, row[2])].append(row)
    quotas = []
    for (awarding, title), group in groups.items():
        for cond in evaluator.facts.conditions.get(title.pk, []):
            if cond.kind == ConditionKind.QUOTA:
                quota, outcome = _quota_outcome(evaluator, cond, awarding, group)
                quotas.append(quota)
                for row in group:
                    row[3].append((cond, outcome))
    return quotas


def _quota_base(evaluator: Evaluator, cond: TitleCondition, awarding: Unit) -> tuple[int, str]:
    staff = evaluator.facts.staff.get(awarding.pk, [])
    if cond.quota_base == QuotaBase.PREREQUISITE_MET and cond.other_title:
        base = sum(evaluator.is_met(("p", pk), cond.other_title) for pk in staff)
        return base, _("%(count)s người đạt %(title)s của %(unit)s") % {
            "count": base,
            "title": cond.other_title.name,
            "unit": awarding.name,
        }
    return len(staff), _("%(count)s người của %(unit)s") % {"count": len(staff), "unit": awarding.name}


def _quota_outcome(evaluator: Evaluator, cond: TitleCondition, awarding: Unit, group: list):
    """A quota of 0 is not met (nobody may receive the title); otherwise the line is met and says how many
    suất the awarding unit has for how many who meet the other conditions: the council chooses within it."""
    base, base_label = _quota_base(evaluator, cond, awarding)
    number = quota_for(condition=cond, base=base)
    eligible = sum(all(outcome.met for _, outcome in row[3]) for row in group)
    values = {
        "quota": number,
        "pct": percent(cond.number),
        "base": base_label,
        "rounding": str(Rounding(cond.rounding or Rounding.DOWN).label).lower(),
        "eligible": eligible,
    }
    how = _("%(pct)s %% của %(base)s, %(rounding)s") % values
    quota = Quota(title=cond.title, unit=awarding, number=number, base=base, reason=how, legal_basis=cond.legal_basis)
    if number == 0:
        return quota, Outcome(False, _("Chỉ tiêu 0 suất (%(how)s): không xét được danh hiệu.") % {"how": how})
    if eligible <= number:
        text = _("Trong chỉ tiêu: %(quota)s suất / %(eligible)s người đủ điều kiện (%(how)s).")
        return quota, Outcome(True, text % {**values, "how": how})
    text = _(
        "%(quota)s suất / %(eligible)s người đủ điều kiện (%(how)s): Hội đồng xét chọn trong chỉ tiêu theo số phiếu "
        "đồng ý."
    )
    return quota, Outcome(True, text % {**values, "how": how})


@transaction.atomic
def _write(period: Period, rule_set: RuleSet, rows: list, quotas: list[Quota]) -> None:
    EligibilityResult.objects.filter(period=period).delete()
    Quota.objects.filter(period=period).delete()
    for quota in quotas:
        quota.period = period
    Quota.objects.bulk_create(quotas)
    now = timezone.now()
    results = EligibilityResult.objects.bulk_create(
        EligibilityResult(
            period=period,
            rule_set=rule_set,
            title=title,
            person=person,
            unit=unit or person.unit,
            met=bool(lines) and all(outcome.met for _, outcome in lines),
            computed_at=now,
        )
        for person, unit, title, lines in rows
    )
    EligibilityCheck.objects.bulk_create(
        EligibilityCheck(
            result=result,
            condition=cond,
            kind=cond.kind,
            met=outcome.met,
            reason=outcome.reason,
            legal_basis=cond.legal_basis,
            evidence_url=outcome.evidence_url,
            private_violation=outcome.private_violation,
            private=outcome.private_violation is not None,
            position=position,
        )
        for result, (*_, lines) in zip(results, rows, strict=True)
        for position, (cond, outcome) in enumerate(lines)
    )


def mark_stale(*, unit_id: int, day) -> list[int]:
    """Results touched by an observation of the unit on `day`: its people's and those of the collectives above it.
    Returns the periods to re-run."""
    unit = Unit.objects.filter(pk=unit_id).only("path").first()
    if unit is None:
        return []
    affected = EligibilityResult.objects.filter(
        period__starts_on__lte=day, period__ends_on__gte=day, unit_id__in=unit.ancestor_ids()
    )
    periods = sorted(set(affected.values_list("period_id", flat=True)))
    affected.update(stale=True)
    return periods


def rerun_period(*, period: Period) -> int:
    """Run again with the rule set the stored results used (the default one when there are none)."""
    previous = EligibilityResult.objects.filter(period=period).select_related("rule_set").first()
    return run_eligibility(period=period, rule_set=previous.rule_set if previous else None)
