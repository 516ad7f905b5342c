"""What the national dataset observed about its units: inspections with one result per checklist item, violations,
KPI readings; and what the units and the council entered: pledges, self-assessment lines, bonus grants.

Each builder draws from its own seeded generator and walks the scored units in id order, so the same seed gives the
same rows. Rows are written with `bulk_create` a chunk of units at a time, so memory stays flat whatever the size.
Proportions (about 10 inspections and 20 violations per scored unit; a fifth of them on a division below it; a few
drafts, dismissed or recorded violations and observations from the previous year that must not count) are below.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from benchmarks.national_catalogue import BONUSES, CHECKLIST
from benchmarks.national_tree import BATCH, Tree
from emulation.models import (
    BonusGrant,
    BonusRule,
    Criterion,
    CriterionMethod,
    Period,
    Pledge,
    PledgeStatus,
    SelfAssessment,
)
from evaluations.models import (
    ChecklistItem,
    Inspection,
    InspectionKind,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    KpiIndicator,
    KpiReading,
    Violation,
    ViolationStatus,
    ViolationType,
)

CHUNK = 250  # scored units per round of inserts
WEIGHTS = {code: weight for code, _category, _severity, weight in CHECKLIST}
MEAN_WEIGHT = sum(WEIGHTS.values()) / len(WEIGHTS)
STATUSES = [ViolationStatus.UPHELD] * 82 + [ViolationStatus.RECORDED] * 8 + [ViolationStatus.CONTESTED] * 3
STATUSES += [ViolationStatus.DISMISSED] * 7
KINDS = [InspectionKind.SCHEDULED, InspectionKind.SCHEDULED, InspectionKind.UNANNOUNCED, InspectionKind.SELF]
COUNTS = ["HS-TN", "HS-GQ", "HS-TH", "HS-DH", "HS-QH", "HS-TT", "PAKN-XM"]


def qualities(seed: int, tree: Tree) -> dict[int, float]:
    """Each scored unit's standard (share of checks passed, roughly): 0.70 to 0.98."""
    rng = random.Random(f"{seed}:quality")
    return {unit_id: 0.70 + 0.28 * rng.random() for unit_id in tree.scored}


def chunks(values: list[int]):
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def day_in(rng: random.Random, period: Period, outside_share: float) -> datetime.date:
    """A day from 2 January to 30 September of the period's year, or (sometimes) in the previous November/December."""
    year = period.starts_on.year
    if rng.random() < outside_share:
        return datetime.date(year - 1, 11, 1) + datetime.timedelta(days=rng.randrange(61))
    return datetime.date(year, 1, 2) + datetime.timedelta(days=rng.randrange(271))


def build_inspections(seed: int, period: Period, tree: Tree, quality: dict[int, float]) -> dict[int, list[int]]:
    """About ten inspections per scored unit (a fifth of them of a division), one result per checklist item each;
    1 % of units have a single inspection (too few to be ranked). Returns the inspection ids of each inspected unit."""
    rng = random.Random(f"{seed}:inspections")
    items = list(ChecklistItem.objects.filter(code__in=WEIGHTS).order_by("position", "code"))
    by_unit: dict[int, list[int]] = {}
    for chunk in chunks(tree.scored):
        planned = [(row, unit_id) for unit_id in chunk for row in _inspections_of(rng, period, tree, unit_id)]
        Inspection.objects.bulk_create([row for row, _owner in planned], batch_size=BATCH)
        results = []
        for inspection, owner in planned:
            by_unit.setdefault(inspection.unit_id, []).append(inspection.pk)
            results += _results(rng, inspection, items, quality[owner])
        ItemResult.objects.bulk_create(results, batch_size=BATCH)
    return by_unit


def _inspections_of(rng: random.Random, period: Period, tree: Tree, unit_id: int) -> list[Inspection]:
    count = 1 if rng.random() < 0.01 else rng.randint(8, 12)
    kids = tree.children.get(unit_id, [])
    rows = []
    for _ in range(count):
        target = rng.choice(kids) if kids and rng.random() < 0.2 else unit_id
        status = InspectionStatus.DRAFT if rng.random() < 0.04 else InspectionStatus.SUBMITTED
        rows.append(Inspection(unit_id=target, date=day_in(rng, period, 0.08), kind=rng.choice(KINDS), status=status))
    return rows


def _results(rng: random.Random, inspection: Inspection, items: list[ChecklistItem], quality: float):
    rows = []
    for item in items:
        draw = rng.random()
        if draw < 0.04:
            outcome = ItemOutcome.NOT_APPLICABLE
        elif draw < 0.04 + min(0.9, (1 - quality) * WEIGHTS[item.code] / MEAN_WEIGHT):
            outcome = ItemOutcome.FAIL
        else:
            outcome = ItemOutcome.PASS
        rows.append(ItemResult(inspection_id=inspection.pk, item_id=item.pk, outcome=outcome))
    return rows


def build_violations(seed: int, period: Period, tree: Tree, quality: dict[int, float], inspected) -> int:
    """About 20 violations per scored unit (more for weaker units), a fifth of them on a division below it; 82 %
    upheld, the rest recorded, contested or dismissed; 5 % from the previous year."""
    rng = random.Random(f"{seed}:violations")
    types = ViolationType.objects.in_bulk([f"VP-{code}" for code in WEIGHTS], field_name="code")
    codes, weights = list(WEIGHTS), list(WEIGHTS.values())
    total = 0
    for chunk in chunks(tree.scored):
        rows = []
        for unit_id in chunk:
            count = max(0, round(rng.gauss(6 + 90 * (1 - quality[unit_id]), 3)))
            kids = tree.children.get(unit_id, [])
            for code in rng.choices(codes, weights, k=count):
                target = rng.choice(kids) if kids and rng.random() < 0.2 else unit_id
                rows.append(_violation(rng, period, target, types[f"VP-{code}"], inspected.get(target, [])))
        Violation.objects.bulk_create(rows, batch_size=BATCH)
        total += len(rows)
    return total


def _violation(rng: random.Random, period: Period, unit_id: int, kind: ViolationType, inspections) -> Violation:
    day = day_in(rng, period, 0.05)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randrange(24), rng.randrange(60))))
    status = rng.choice(STATUSES)
    inspection = rng.choice(inspections) if inspections and rng.random() < 0.6 else None
    return Violation(
        unit_id=unit_id, type=kind, occurred_at=moment, status=status, inspection_id=inspection,
        document_reference="" if inspection else f"{rng.randint(1, 999)}/BC-TTr",
        appeal_deadline=day + datetime.timedelta(days=7) if status == ViolationStatus.RECORDED else None,
    )  # fmt: skip


def build_kpi(seed: int, period: Period, tree: Tree, quality: dict[int, float]) -> int:
    """Quarterly counts (Q1–Q3 of the period; the previous Q4 for one unit in ten), a half-year SIPAS; one unit in
    ten also reports for a division; 3 % report nothing."""
    rng = random.Random(f"{seed}:kpi")
    indicators = KpiIndicator.objects.in_bulk([*COUNTS, "SIPAS"], field_name="code")
    year, total = period.starts_on.year, 0
    quarters = [
        (datetime.date(year, m, 1), datetime.date(year, m + 2, 30 if m + 2 in (6, 9) else 31)) for m in (1, 4, 7)
    ]
    for chunk in chunks(tree.scored):
        rows = []
        for unit_id in chunk:
            if rng.random() < 0.03:
                continue
            spans = quarters + (
                [(datetime.date(year - 1, 10, 1), datetime.date(year - 1, 12, 31))] if rng.random() < 0.1 else []
            )
            kids = tree.children.get(unit_id, [])
            reporters = [unit_id] + ([kids[0]] if kids and rng.random() < 0.1 else [])
            for reporter in reporters:
                for start, end in spans:
                    rows += _counts(rng, indicators, reporter, start, end, quality[unit_id])
                sipas = Decimal(rng.randint(7200, 9900)) / 100
                rows.append(KpiReading(unit_id=reporter, indicator=indicators["SIPAS"], period_start=quarters[0][0],
                                       period_end=quarters[1][1], value=sipas))  # fmt: skip
        KpiReading.objects.bulk_create(rows, batch_size=BATCH)
        total += len(rows)
    return total


def _counts(rng: random.Random, indicators, unit_id: int, start, end, quality: float) -> list[KpiReading]:
    received = rng.randint(80, 2000)
    resolved = received - rng.randint(0, received // 10)
    on_time = min(1.0, max(0.5, 0.60 + 0.4 * quality + rng.gauss(0, 0.03)))
    ahead = round(resolved * 0.3 * rng.random())
    due = max(0, round(resolved * on_time) - ahead)
    online, complaints = round(received * rng.uniform(0.05, 0.8)), rng.choice([0, 0, 0, 0, 1, 1, 2, 3, 6])
    values = {"HS-TN": received, "HS-GQ": resolved, "HS-TH": ahead, "HS-DH": due, "HS-QH": resolved - ahead - due,
              "HS-TT": online, "PAKN-XM": complaints}  # fmt: skip
    return [KpiReading(unit_id=unit_id, indicator=indicators[code], period_start=start, period_end=end, value=value)
            for code, value in values.items()]  # fmt: skip


def build_entries(seed: int, period: Period, tree: Tree) -> tuple[int, int, int]:
    """Accepted pledges for 85 % of the scored units; self-assessment lines for 70 % of those (half verified, a fifth
    of the verified ones adjusted); bonus grants (1 to 3 rules) for 15 % of the units, often above the cap."""
    rng = random.Random(f"{seed}:entries")
    criteria = list(Criterion.objects.filter(group__scheme__period=period, method=CriterionMethod.VERIFIED_CLAIM))
    rules = list(BonusRule.objects.filter(scheme__period=period, code__in=[code for code, *_ in BONUSES]))
    rules.sort(key=lambda rule: rule.code)
    pledged = [unit_id for unit_id in tree.scored if rng.random() < 0.85]
    pledges = Pledge.objects.bulk_create([_pledge(period, unit_id) for unit_id in pledged], batch_size=BATCH)
    lines = [line for pledge in pledges if rng.random() < 0.7 for line in _claims(rng, period, pledge, criteria)]
    SelfAssessment.objects.bulk_create(lines, batch_size=BATCH)
    grants = [
        BonusGrant(unit_id=unit_id, rule=rule, note="Quyết định khen thưởng năm trước")
        for unit_id in tree.scored
        if rng.random() < 0.15
        for rule in rng.sample(rules, rng.randint(1, 3))
    ]
    BonusGrant.objects.bulk_create(grants, batch_size=BATCH)
    return len(pledges), len(lines), len(grants)


def _pledge(period: Period, unit_id: int) -> Pledge:
    submitted = period.registration_deadline - datetime.timedelta(days=10)
    return Pledge(unit_id=unit_id, period=period, status=PledgeStatus.ACCEPTED, submitted_at=submitted,
                  accepted_at=submitted + datetime.timedelta(days=2), own_targets="100 % cán bộ đeo thẻ.")  # fmt: skip


def _claims(rng: random.Random, period: Period, pledge: Pledge, criteria: list[Criterion]) -> list[SelfAssessment]:
    verified_at = timezone.make_aware(datetime.datetime(period.starts_on.year, 9, 30, 9))
    lines = []
    for criterion in criteria:
        claimed = max(
            Decimal(0), criterion.max_points - rng.choice([Decimal(0), Decimal(0), Decimal("0.5"), Decimal(1)])
        )
        line = SelfAssessment(pledge=pledge, criterion=criterion, claimed_points=claimed, note="Có báo cáo kèm theo.")
        if rng.random() < 0.5:
            adjust = claimed > 0 and rng.random() < 0.2
            line.verified_points = claimed - Decimal("0.5") if adjust else claimed
            line.verification_reason = "Minh chứng chưa đầy đủ." if adjust else ""
            line.verified_at = verified_at
        lines.append(line)
    return lines
