"""Everything the engine reads for some scored units of a period, loaded set-wise as plain rows (no model instances
for the bulk of the observations): a fixed number of queries whatever the number of units.

Only observations inside the period's dates count: submitted inspections dated in the period, upheld violations that
occurred on one of its days (local time, read as a datetime range so the (status, occurred_at) index serves it),
KPI readings whose whole range lies in it. An observation about a unit counts for the nearest scored unit at or above
it (`emulation.scoring.scope`).
"""

import datetime
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Count, Prefetch, Sum
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext

from emulation.movements.models import Period
from emulation.pledges.models import SelfAssessment
from emulation.schemes.models import (
    Criterion,
    CriterionGroup,
    CriterionMethod,
    DeductionRule,
    ScoringScheme,
    VetoKind,
    VetoRule,
)
from emulation.scoring.models import BonusGrant, ManualScore
from emulation.scoring.scope import Scope, scored_unit_ids  # noqa: F401  (re-exported for callers)
from evaluations.models import (
    ChecklistItem,
    DisciplineRecord,
    Inspection,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    KpiIndicator,
    KpiReading,
    Violation,
    ViolationStatus,
)


class Upheld(NamedTuple):
    """An upheld violation, as the breakdown needs it (its day and unit are read when the page is shown)."""

    pk: int
    type_id: int


class Claim(NamedTuple):
    """A self-assessment line, as the breakdown needs it."""

    pk: int
    pledge_id: int
    claimed_points: object
    verified_points: object
    verification_reason: str
    is_verified: bool


@dataclass
class Facts:
    """What the scoring of some units needs, keyed by unit id."""

    period: Period
    scheme: ScoringScheme
    unit_ids: list[int]
    bloc_of: dict[int, int] = field(default_factory=dict)
    inspection_count: dict[int, int] = field(default_factory=dict)
    # inspection-share criterion id → unit id → [inspection id, checks passed, checks counted] of each inspection
    # where some check of the criterion counted, by date
    evidence: dict[int, dict[int, list]] = field(default_factory=dict)
    violations: dict[int, list[Upheld]] = field(default_factory=lambda: defaultdict(list))
    readings: dict[tuple[int, int], tuple] = field(default_factory=dict)  # → (Σ values, number of readings)
    components: dict[int, tuple[set[int], set[int]]] = field(default_factory=dict)
    claims: dict[tuple[int, int], Claim] = field(default_factory=dict)
    manual: dict[tuple[int, int], ManualScore] = field(default_factory=dict)
    grants: dict[int, list[BonusGrant]] = field(default_factory=lambda: defaultdict(list))
    disciplines: dict[int, list[tuple[str, datetime.date]]] = field(default_factory=lambda: defaultdict(list))
    texts: dict[str, str] = field(default_factory=dict)  # translated messages, see `translated`


def translated(message: str, facts: Facts) -> str:
    """gettext, remembered for one computation: the lines repeat the same few messages thousands of times, and each
    gettext call looks the active language up again. Imported as `_` so the message is still found for translation."""
    text = facts.texts.get(message)
    if text is None:
        text = facts.texts[message] = gettext(message)
    return text


def load_scheme(period: Period) -> ScoringScheme | None:
    """The period's scheme with its groups, criteria, bands, rules and vetoes (a fixed handful of queries)."""
    groups = CriterionGroup.objects.order_by("position", "code").prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("position", "code").select_related("kpi_indicator"))
    )
    scheme = (
        ScoringScheme.objects.filter(period=period)
        .prefetch_related(
            Prefetch("groups", queryset=groups),
            "bands",
            "bonus_rules",
            Prefetch("deduction_rules", queryset=DeductionRule.objects.select_related("violation_type")),
            Prefetch("veto_rules", queryset=VetoRule.objects.select_related("violation_type", "capped_band")),
        )
        .first()
    )
    if scheme is not None:
        for group in scheme.groups.all():
            for criterion in group.criteria.all():
                criterion.group = group  # the lines read the group's code without a query
        scheme.kpi_components = _kpi_components(scheme)
        scheme.plan = Plan(
            groups=[(group, list(group.criteria.all())) for group in scheme.groups.all()],
            deduction_rules={rule.violation_type_id: rule for rule in scheme.deduction_rules.all()},
            bands=sorted(scheme.bands.all(), key=lambda band: band.min_total, reverse=True),
            vetoes=list(scheme.veto_rules.all()),
        )
        scheme.plan.taken_off = {
            type_id: f"{-rule.points_per_occurrence:.2f}" for type_id, rule in scheme.plan.deduction_rules.items()
        }
    return scheme


@dataclass
class Plan:
    """The scheme's parts as plain lists, read once per computation (not through related managers per unit)."""

    groups: list[tuple[CriterionGroup, list[Criterion]]]
    deduction_rules: dict[int, object]  # violation type id → its deduction rule
    bands: list  # highest minimum first
    vetoes: list
    taken_off: dict[int, str] = field(default_factory=dict)  # violation type id → its rule's points, as stored


def _kpi_components(scheme: ScoringScheme) -> dict[int, tuple[set[int], set[int]]]:
    """The scheme's derived KPI rates: indicator → (numerator indicators, denominator indicators)."""
    indicators = {
        criterion.kpi_indicator_id
        for group in scheme.groups.all()
        for criterion in group.criteria.all()
        if criterion.kpi_indicator_id
    }
    if not indicators:
        return {}
    parts: dict[int, tuple[set[int], set[int]]] = {pk: (set(), set()) for pk in indicators}
    for side, relation in enumerate((KpiIndicator.numerator, KpiIndicator.denominator)):
        links = relation.through.objects.filter(from_kpiindicator_id__in=indicators)
        for indicator, part in links.values_list("from_kpiindicator_id", "to_kpiindicator_id"):
            parts[indicator][side].add(part)
    return {pk: (numerator, denominator) for pk, (numerator, denominator) in parts.items() if denominator}


def among(ids) -> list[int] | RawSQL:
    """Ids for an `__in` filter: on PostgreSQL one array parameter (`unnest`), not thousands of placeholders for the
    driver to splice in one by one; elsewhere the list."""
    ids = list(ids)
    if connection.vendor == "postgresql" and len(ids) > 50:
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


def day_range(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The instants of the days from `start` to `end` (both included) in the local zone, as [from, to)."""
    zone = timezone.get_current_timezone()
    begin = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min), zone)
    stop = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min), zone)
    return begin, stop


def load_facts(period: Period, scheme: ScoringScheme, units: dict[int, int | None], scope: Scope) -> Facts:
    """Facts for `units` (scored units of the period, e.g. one bloc); `scope` says whose observations count."""
    facts = Facts(period=period, scheme=scheme, unit_ids=sorted(units))
    facts.bloc_of = {unit_id: bloc_id for unit_id, bloc_id in units.items() if bloc_id}
    observed = scope.observed_for(units)
    owner = {pk: scope.owner[pk] for pk in observed}
    big = len(owner) > FEW_UNITS
    with transaction.atomic() if big else nullcontext():  # a chunk's queries without JIT; one unit's, no round trip
        if big:
            _without_jit()
        _load_inspections(facts, owner)
        _load_violations(facts, owner)
        _load_kpi(facts, owner)
        _load_entries(facts)
        _load_disciplines(facts, owner)
    return facts


FEW_UNITS = 100  # observed units up to which the fact queries are too cheap for PostgreSQL to think of JIT


def _without_jit() -> None:
    """PostgreSQL compiles a query to machine code when its estimated cost is high, which the fact queries of a big
    chunk reach (the planner cannot tell how many ids the array holds): the compilation then costs more than the
    short query saves. Turned off until the end of the transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")


# An inspection's checks for a criterion come back as one number: passed × PASSED + counted (an inspection has a few
# dozen checks, far fewer than PASSED), so the database adds one column per criterion, not two.
PASSED = 1_000_000


def plain_rows(queryset) -> list[tuple]:
    """The rows of a `values_list` of ids and counts as the driver returns them: no converter runs on every value
    (only for columns that need none on any database: integers)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _id_filter(ids: list[int]) -> tuple[str, list]:
    """`IN …` of ids for hand-written SQL: one array parameter on PostgreSQL, placeholders elsewhere."""
    if connection.vendor == "postgresql":
        return "= ANY(%s)", [ids]
    return f"IN ({', '.join(['%s'] * len(ids)) or 'NULL'})", ids


def _load_inspections(facts: Facts, owner: dict[int, int]) -> None:
    """The submitted inspections of the period, each with its checks passed and counted (not applicable left out)
    for every inspection-share criterion, added up by the database in one row per inspection (never a row per item
    result or per category for Python to add up)."""
    period = facts.period
    criteria = [
        criterion
        for _group, criteria in facts.scheme.plan.groups
        for criterion in criteria
        if criterion.method == CriterionMethod.PASS_SHARE
    ]
    items = dict(ChecklistItem.objects.values_list("pk", "category")) if criteria else {}
    sums = []
    for criterion in criteria:
        wanted = set(criterion.checklist_categories or []) or None
        ids = ",".join(str(pk) for pk, category in items.items() if wanted is None or category in wanted) or "NULL"
        sums.append(f"SUM(CASE WHEN r.item_id IN ({ids}) THEN (CASE r.outcome WHEN %s THEN {PASSED + 1} "
                    f"WHEN %s THEN 1 ELSE 0 END) ELSE 0 END)")  # fmt: skip
    units, unit_params = _id_filter(list(owner))
    sql = (
        f"SELECT i.id, i.unit_id{''.join(', ' + column for column in sums)} "
        f"FROM {Inspection._meta.db_table} i LEFT JOIN {ItemResult._meta.db_table} r ON r.inspection_id = i.id "
        f"WHERE i.unit_id {units} AND i.status = %s AND i.date >= %s AND i.date <= %s "
        "GROUP BY i.id, i.unit_id, i.date ORDER BY i.date, i.id"
    )
    params = [ItemOutcome.PASS.value, ItemOutcome.FAIL.value] * len(sums)
    params += [*unit_params, InspectionStatus.SUBMITTED.value, period.starts_on, period.ends_on]
    with connection.cursor() as cursor:  # hand-written: Django would spend longer compiling it than the database
        cursor.execute(sql, params)  # running it for one unit (item ids are integers read just above)
        rows = cursor.fetchall()
    evidence = [{} for _criterion in criteria]
    seen = facts.inspection_count
    for pk, unit_id, *figures in rows:
        unit = owner[unit_id]
        seen[unit] = seen.get(unit, 0) + 1
        for figure, found in zip(figures, evidence, strict=True):
            if figure:  # some check counted (passed ones are counted too)
                ok, counted = divmod(figure, PASSED)
                found.setdefault(unit, []).append([pk, ok, counted])
    facts.evidence = {criterion.pk: found for criterion, found in zip(criteria, evidence, strict=True)}


def _load_violations(facts: Facts, owner: dict[int, int]) -> None:
    begin, stop = day_range(facts.period.starts_on, facts.period.ends_on)
    violations = Violation.objects.filter(
        unit_id__in=among(owner), status=ViolationStatus.UPHELD, occurred_at__gte=begin, occurred_at__lt=stop
    ).order_by("occurred_at", "pk")
    for pk, unit_id, type_id in plain_rows(violations.values_list("pk", "unit_id", "type_id")):
        facts.violations[owner[unit_id]].append(Upheld(pk, type_id))


def _load_kpi(facts: Facts, owner: dict[int, int]) -> None:
    components = getattr(facts.scheme, "kpi_components", {})
    indicators = {
        criterion.kpi_indicator_id
        for group in facts.scheme.groups.all()
        for criterion in group.criteria.all()
        if criterion.kpi_indicator_id
    }
    if not indicators:
        return
    facts.components = components
    needed = indicators.union(*(numerator | denominator for numerator, denominator in components.values()))
    readings = (
        KpiReading.objects.within(facts.period.starts_on, facts.period.ends_on)
        .filter(unit_id__in=among(owner), indicator_id__in=needed)
        .order_by()
        .values("unit_id", "indicator_id")
        .annotate(total=Sum("value"), count=Count("pk"))
        .values_list("unit_id", "indicator_id", "total", "count")
    )
    for unit_id, indicator_id, total, count in readings:  # added up again for the scored unit above the unit
        key = owner[unit_id], indicator_id
        found = facts.readings.get(key)
        facts.readings[key] = (total, count) if found is None else (found[0] + total, found[1] + count)


def _load_entries(facts: Facts) -> None:
    claims = SelfAssessment.objects.filter(pledge__period=facts.period, pledge__unit_id__in=among(facts.unit_ids))
    claims = claims.order_by()  # keyed by (unit, criterion): the model's ordering would sort across its joins
    fields = ["pk", "pledge_id", "claimed_points", "verified_points", "verification_reason", "verified_at"]
    for unit_id, criterion_id, *row in claims.values_list("pledge__unit_id", "criterion_id", *fields):
        facts.claims[unit_id, criterion_id] = Claim(*row[:5], is_verified=row[5] is not None)
    manual = ManualScore.objects.filter(criterion__group__scheme=facts.scheme, unit_id__in=among(facts.unit_ids))
    for entry in manual.order_by():
        facts.manual[entry.unit_id, entry.criterion_id] = entry
    grants = BonusGrant.objects.filter(rule__scheme=facts.scheme, unit_id__in=among(facts.unit_ids)).select_related(
        "rule"
    )
    for grant in grants.order_by("rule__code"):
        facts.grants[grant.unit_id].append(grant)


def _load_disciplines(facts: Facts, owner: dict[int, int]) -> None:
    """Discipline decided in the period on a person of the unit's subtree, when a veto rule asks about it."""
    if not any(rule.kind == VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES for rule in facts.scheme.veto_rules.all()):
        return
    records = DisciplineRecord.objects.filter(
        person__unit_id__in=among(owner), decided_on__gte=facts.period.starts_on, decided_on__lte=facts.period.ends_on
    ).order_by("decided_on", "pk")
    for unit_id, form, decided_on in records.values_list("person__unit_id", "form", "decided_on"):
        facts.disciplines[owner[unit_id]].append((form, decided_on))
