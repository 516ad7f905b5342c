"""Demo scores: every demo period scored by the engine from the demo's inspections, violations, KPI readings and
self-assessment; a few bonuses granted; the finalized years frozen as their review step would have done.

Rules:
- Runs after the other demo builders (it reads what they made) and is idempotent: bonus grants are matched by unit
  and rule, frozen periods are left as they are, open ones are computed again.
- Deterministic: the units granted a bonus come from a seeded generator.
"""

import random

from django.db import transaction

from emulation.movements.models import Period, PeriodStatus
from emulation.schemes.models import BonusRule
from emulation.scoring.engine import compute_period, freeze_scores
from emulation.scoring.models import BonusGrant, Score

SEED = 20260102

# (bonus rule code, units granted per period, basis written on the grant)
GRANTS = [
    ("SANG-KIEN", 3, "Sáng kiến được Hội đồng sáng kiến tỉnh công nhận (mẫu)"),
    ("DIEN-HINH", 2, "Được biểu dương tại Hội nghị điển hình tiên tiến tỉnh (mẫu)"),
    ("BK-TINH", 1, "Bằng khen của Chủ tịch UBND tỉnh về nội dung phong trào (mẫu)"),
]

FROZEN_STATUSES = {PeriodStatus.REVIEW, PeriodStatus.COUNCIL, PeriodStatus.FINALIZED}


def build_demo() -> dict[str, int]:
    """Grant the demo bonuses, then score every period, oldest first; past years end frozen."""
    rng = random.Random(SEED)
    periods = Period.objects.filter(scheme__isnull=False).select_related("scheme").order_by("starts_on", "pk")
    for period in periods:
        with transaction.atomic():
            _grant_bonuses(period, rng)
            if period.status in FROZEN_STATUSES:
                freeze_scores(period=period)
            else:
                compute_period(period=period)
    return {
        "scores": Score.objects.count(),
        "frozen scores": Score.objects.filter(frozen=True).count(),
        "bonus grants": BonusGrant.objects.count(),
    }


def _grant_bonuses(period: Period, rng: random.Random) -> None:
    units = sorted(period.pledges.values_list("unit_id", flat=True))
    rules = {rule.code: rule for rule in BonusRule.objects.filter(scheme=period.scheme)}
    for code, count, note in GRANTS:
        rule = rules.get(code)
        chosen = rng.sample(units, min(count, len(units))) if units else []
        if rule is None or period.status not in FROZEN_STATUSES:
            continue  # the current year's bonuses are not known yet
        for unit_id in chosen:
            BonusGrant.objects.get_or_create(unit_id=unit_id, rule=rule, defaults={"note": note})
