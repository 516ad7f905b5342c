"""Plain factory functions for emulation records (movements, periods, schemes, titles, pledges)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from emulation.models import (
    CommitmentItem,
    Criterion,
    CriterionGroup,
    CriterionMethod,
    CriterionSource,
    Movement,
    Period,
    PeriodStatus,
    Pledge,
    ScoringScheme,
    Title,
    TitleLevel,
    TitleScope,
)
from tests.factories import n

DEADLINE = timezone.make_aware(datetime.datetime(2026, 1, 31, 17, 0))


def make_movement(**overrides) -> Movement:
    i = n()
    fields = {"code": f"PT{i}", "name": f"Phong trào thi đua {i}", "start_year": 2019, "end_year": 2025}
    fields.update(overrides)
    return Movement.objects.create(**fields)


def make_period(**overrides) -> Period:
    i = n()
    fields = {
        "name": f"Năm 2026 ({i})",
        "starts_on": datetime.date(2026, 1, 1),
        "ends_on": datetime.date(2026, 12, 31),
        "registration_deadline": DEADLINE,
        "status": PeriodStatus.REGISTRATION,
    }
    fields.update(overrides)
    if "movement" not in fields:
        fields["movement"] = make_movement()
    return Period.objects.create(**fields)


def make_commitment_item(movement: Movement, **overrides) -> CommitmentItem:
    i = n()
    fields = {"movement": movement, "code": f"CK{i}", "text": f"Cam kết {i}", "position": i}
    fields.update(overrides)
    return CommitmentItem.objects.create(**fields)


def make_title(**overrides) -> Title:
    i = n()
    fields = {
        "code": f"DH{i}",
        "name": "Lao động tiên tiến",
        "scope": TitleScope.INDIVIDUAL,
        "level": TitleLevel.GRASSROOTS,
    }
    fields.update(overrides)
    return Title.objects.create(**fields)


def make_pledge(*, items=None, **overrides) -> Pledge:
    """A draft pledge; it pledges one new commitment item of its movement unless `items` is given."""
    fields = {}
    fields.update(overrides)
    if "period" not in fields:
        fields["period"] = make_period()
    pledge = Pledge.objects.create(**fields)
    if items is None:
        items = [make_commitment_item(pledge.period.movement)]
    pledge.commitment_items.set(items)
    return pledge


def make_scheme(period: Period, **overrides) -> ScoringScheme:
    fields = {"period": period, "name": f"Bảng điểm {period.name}"}
    fields.update(overrides)
    return ScoringScheme.objects.create(**fields)


def make_criterion(scheme: ScoringScheme, **overrides) -> Criterion:
    i = n()
    group = overrides.pop("group", None) or CriterionGroup.objects.create(
        scheme=scheme, code=f"G{i}", name=f"Nhóm {i}", max_points=Decimal("20")
    )
    fields = {
        "group": group,
        "code": f"C{i}",
        "name": f"Tiêu chí {i}",
        "max_points": Decimal("10"),
        "source": CriterionSource.SELF_ASSESSMENT,
        "method": CriterionMethod.VERIFIED_CLAIM,
    }
    fields.update(overrides)
    return Criterion.objects.create(**fields)


def make_eligible(period, title, *, person=None, unit=None):
    """The stored eligibility result a decision requires: the recipient was checked in the period and met the title."""
    from emulation.eligibility.engine import default_rule_set
    from emulation.models import EligibilityResult, RuleSet

    rule_set = default_rule_set(period) or RuleSet.objects.order_by("-effective_from").first()
    if rule_set is None:
        return None  # no rule set (a flushed database in a browser test): no condition, so no check to pass
    result, _ = EligibilityResult.objects.get_or_create(
        period=period,
        title=title,
        person=person,
        unit=unit or person.unit,
        defaults={"rule_set": rule_set, "met": True, "computed_at": timezone.now()},
    )
    return result
