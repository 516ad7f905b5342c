"""Everything the engine reads for a period, loaded set-wise: a fixed number of queries whatever the number of units.

Only observations inside the period's dates count: submitted inspections dated in the period, upheld violations that
occurred in it, KPI readings whose whole range lies in it. An observation about a unit counts for the nearest scored
unit at or above it: a department answers for its divisions, a district for its communes (unless they are scored
themselves).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import CharField, Count, Exists, ExpressionWrapper, F, OuterRef, Prefetch, Q

from emulation.movements.models import BlocMembership, Period
from emulation.pledges.models import Pledge, SelfAssessment
from emulation.schemes.models import Criterion, CriterionGroup, ScoringScheme, VetoKind
from emulation.scoring.models import BonusGrant, ManualScore
from evaluations.models import (
    DisciplineRecord,
    Inspection,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    KpiIndicator,
    KpiReading,
    Violation,
)
from units.models import Unit


@dataclass
class Facts:
    """What one period's scoring needs, keyed by unit id."""

    period: Period
    scheme: ScoringScheme
    unit_ids: list[int]
    owners: dict[int, int] = field(default_factory=dict)  # scored unit of each path id, see `owner_of`
    bloc_of: dict[int, int] = field(default_factory=dict)
    inspections: dict[int, list[Inspection]] = field(default_factory=lambda: defaultdict(list))
    checks: dict[int, dict[str, tuple[int, int]]] = field(default_factory=lambda: defaultdict(dict))  # → (pass, fail)
    violations: dict[int, list[Violation]] = field(default_factory=lambda: defaultdict(list))
    readings: dict[tuple[int, int], list[KpiReading]] = field(default_factory=lambda: defaultdict(list))
    components: dict[int, tuple[set[int], set[int]]] = field(default_factory=dict)
    claims: dict[tuple[int, int], SelfAssessment] = field(default_factory=dict)
    manual: dict[tuple[int, int], ManualScore] = field(default_factory=dict)
    grants: dict[int, list[BonusGrant]] = field(default_factory=lambda: defaultdict(list))
    disciplines: dict[int, list[DisciplineRecord]] = field(default_factory=lambda: defaultdict(list))

    def in_scope(self, unit_field: str = "unit") -> Exists:
        """Rows whose `unit_field` lies in the subtree of a unit being computed: one EXISTS over those units' paths
        (not one LIKE per unit: SQLite caps an expression's depth at 1000)."""
        observed = ExpressionWrapper(OuterRef(f"{unit_field}__path"), output_field=CharField())
        roots = Unit.objects.filter(pk__in=self.unit_ids).annotate(observed=observed)
        return Exists(roots.filter(observed__startswith=F("path")))

    def owner_of(self, unit: Unit) -> int | None:
        """The scored unit an observation about `unit` counts for: the deepest scored one on its path."""
        for pk in reversed(unit.ancestor_ids()):
            if pk in self.owners:
                return self.owners[pk]
        return None


def load_scheme(period: Period) -> ScoringScheme | None:
    """The period's scheme with its groups, criteria, bands, rules and vetoes (a fixed handful of queries)."""
    groups = CriterionGroup.objects.order_by("position", "code").prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("position", "code").select_related("kpi_indicator"))
    )
    return (
        ScoringScheme.objects.filter(period=period)
        .prefetch_related(
            Prefetch("groups", queryset=groups),
            "bands",
            "bonus_rules",
            "deduction_rules__violation_type",
            "veto_rules__violation_type",
            "veto_rules__capped_band",
        )
        .first()
    )


def scored_unit_ids(period: Period) -> dict[int, int | None]:
    """Units scored in a period: the members of its blocs (with their bloc) and every unit that pledged."""
    units: dict[int, int | None] = dict.fromkeys(Pledge.objects.filter(period=period).values_list("unit_id", flat=True))
    units.update(BlocMembership.objects.filter(period=period).values_list("unit_id", "bloc_id"))
    return units


def load_facts(period: Period, scheme: ScoringScheme, units: dict[int, int | None], scored: set[int]) -> Facts:
    """Facts for `units` (a subset of the period's `scored` units, e.g. one bloc)."""
    facts = Facts(period=period, scheme=scheme, unit_ids=sorted(units))
    facts.bloc_of = {unit_id: bloc_id for unit_id, bloc_id in units.items() if bloc_id}
    # Every scored unit claims its own id; only those being computed are owners, the others shadow their subtree.
    facts.owners = {pk: (pk if pk in units else -1) for pk in scored | set(units)}
    _load_inspections(facts)
    _load_violations(facts)
    _load_kpi(facts)
    _load_entries(facts)
    _load_disciplines(facts)
    return facts


def _load_inspections(facts: Facts) -> None:
    period = facts.period
    inspections = Inspection.objects.filter(
        facts.in_scope(), status=InspectionStatus.SUBMITTED, date__gte=period.starts_on, date__lte=period.ends_on
    ).order_by("date", "pk")
    for inspection in inspections.select_related("unit").only("pk", "date", "unit__path", "unit__name"):
        if (owner := facts.owner_of(inspection.unit)) and owner > 0:
            facts.inspections[owner].append(inspection)
    rows = (
        ItemResult.objects.filter(inspection__in=inspections)
        .values("inspection_id", "item__category")
        .annotate(
            passed=Count("pk", filter=Q(outcome=ItemOutcome.PASS)),
            failed=Count("pk", filter=Q(outcome=ItemOutcome.FAIL)),
        )
    )
    for row in rows:
        facts.checks[row["inspection_id"]][row["item__category"]] = (row["passed"], row["failed"])


def _load_violations(facts: Facts) -> None:
    violations = (
        Violation.objects.upheld()
        .between(facts.period.starts_on, facts.period.ends_on)
        .filter(facts.in_scope())
        .select_related("type", "unit")
        .only("pk", "occurred_at", "type__code", "type__name", "unit__path", "unit__name")
        .order_by("occurred_at", "pk")
    )
    for violation in violations:
        if (owner := facts.owner_of(violation.unit)) and owner > 0:
            facts.violations[owner].append(violation)


def _load_kpi(facts: Facts) -> None:
    indicators = {
        criterion.kpi_indicator_id
        for group in facts.scheme.groups.all()
        for criterion in group.criteria.all()
        if criterion.kpi_indicator_id
    }
    if not indicators:
        return
    needed = set(indicators)
    for indicator in KpiIndicator.objects.filter(pk__in=indicators).prefetch_related("numerator", "denominator"):
        numerator = {i.pk for i in indicator.numerator.all()}
        denominator = {i.pk for i in indicator.denominator.all()}
        if denominator:
            facts.components[indicator.pk] = (numerator, denominator)
            needed |= numerator | denominator
    readings = (
        KpiReading.objects.within(facts.period.starts_on, facts.period.ends_on)
        .filter(facts.in_scope(), indicator_id__in=needed)
        .select_related("indicator", "unit")
        .order_by("period_start", "pk")
    )
    for reading in readings:
        if (owner := facts.owner_of(reading.unit)) and owner > 0:
            facts.readings[owner, reading.indicator_id].append(reading)


def _load_entries(facts: Facts) -> None:
    claims = SelfAssessment.objects.filter(pledge__period=facts.period, pledge__unit_id__in=facts.unit_ids)
    for line in claims.select_related("pledge"):
        facts.claims[line.pledge.unit_id, line.criterion_id] = line
    manual = ManualScore.objects.filter(criterion__group__scheme=facts.scheme, unit_id__in=facts.unit_ids)
    for entry in manual:
        facts.manual[entry.unit_id, entry.criterion_id] = entry
    grants = BonusGrant.objects.filter(rule__scheme=facts.scheme, unit_id__in=facts.unit_ids).select_related("rule")
    for grant in grants.order_by("rule__code"):
        facts.grants[grant.unit_id].append(grant)


def _load_disciplines(facts: Facts) -> None:
    """Discipline decided in the period on a person of the unit's subtree, when a veto rule asks about it."""
    if not any(rule.kind == VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES for rule in facts.scheme.veto_rules.all()):
        return
    records = (
        DisciplineRecord.objects.filter(
            facts.in_scope("person__unit"), decided_on__gte=facts.period.starts_on, decided_on__lte=facts.period.ends_on
        )
        .select_related("person__unit")
        .order_by("decided_on", "pk")
    )
    for record in records:
        if (owner := facts.owner_of(record.person.unit)) and owner > 0:
            facts.disciplines[owner].append(record)
