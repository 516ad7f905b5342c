"""The SQL floor of scoring: what the engine's totals and ranks cost when the database does all the work.

`floor_scores(period)` scores every unit of the period, `floor_scores(period, bloc_id=…)` one bloc, in one
set-wise statement (a chain of CTEs) over the same tables the engine reads, and leaves the result in the temp table
`floor_result` (unit_id, bloc_id, criteria, deductions, bonus, total, band_id, insufficient, nviol, ninsp, rnk).
Same rules as the engine (see design.md "Scoring and ranking"): an observation counts for the deepest scored unit
at or above it; submitted inspections, upheld violations and readings inside the period only; criterion points
rounded to cents, each group capped, each deduction rule capped, bonuses capped; band from the total, lowered by a
triggered veto; rank inside the bloc by total then the scheme's tie-break keys (shared ranks as 1, 1, 3), units
with too few inspections unranked. It writes no breakdown and no Score rows: that is what makes it a floor.

Portable SQL (PostgreSQL and SQLite ≥ 3.25: recursive CTE, window functions); on SQLite, whose decimals are floats,
a 1e-9 nudge keeps ROUND half-up like Python's Decimal. Council-entered (manual) points are not read: the national
dataset has none.
"""

import datetime
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from emulation.models import (
    Band,
    BlocMembership,
    BonusGrant,
    BonusRule,
    Criterion,
    CriterionGroup,
    CriterionMethod,
    DeductionRule,
    Period,
    Pledge,
    ScoringScheme,
    SelfAssessment,
    VetoKind,
    VetoRule,
)
from evaluations.models import (
    ChecklistItem,
    Inspection,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    KpiReading,
    Violation,
    ViolationStatus,
)
from units.models import Unit

T = {name: model._meta.db_table for name, model in {
    "unit": Unit, "bm": BlocMembership, "pledge": Pledge, "insp": Inspection, "result": ItemResult,
    "item": ChecklistItem, "criterion": Criterion, "reading": KpiReading, "viol": Violation, "sa": SelfAssessment,
    "group": CriterionGroup, "rule": DeductionRule, "grant": BonusGrant, "bonus": BonusRule, "band": Band,
    "veto": VetoRule,
}.items()}  # fmt: skip


def lit(value) -> str:
    """A number from the scheme as an SQL literal (never user text)."""
    return str(Decimal(value))


def ids(values) -> str:
    return ", ".join(str(int(v)) for v in sorted(values)) or "NULL"


def round2(expr: str) -> str:
    nudge = " + 0.000000001" if connection.vendor == "sqlite" else ""
    return f"ROUND(({expr}){nudge}, 2)"


def floor_scores(period: Period, bloc_id: int | None = None) -> None:
    """Score the period's units (or one bloc's) into the temp table `floor_result`."""
    scheme = ScoringScheme.objects.prefetch_related(
        "groups__criteria__kpi_indicator__numerator", "groups__criteria__kpi_indicator__denominator"
    ).get(period=period)
    sql, params = floor_statement(period, scheme, bloc_id)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS floor_result")
        cursor.execute(sql, params)


def floor_statement(period: Period, scheme: ScoringScheme, bloc_id: int | None) -> tuple[str, list]:
    """`CREATE TEMP TABLE floor_result AS WITH RECURSIVE <steps> <final select>`, with its parameters in order."""
    criteria = [c for g in scheme.groups.all() for c in g.criteria.all()]
    ops = connection.ops
    days = [ops.adapt_datefield_value(period.starts_on), ops.adapt_datefield_value(period.ends_on)]
    after = period.ends_on + datetime.timedelta(days=1)
    moments = [ops.adapt_datetimefield_value(timezone.make_aware(datetime.datetime.combine(d, datetime.time())))
               for d in (period.starts_on, after)]  # fmt: skip
    steps = [
        *_scope(period, bloc_id),
        *_inspections(days),
        _kpi(criteria, days),
        _points(period, criteria),
        _groups(),
        ("floor_viol", f"SELECT o.owner_id, v.type_id, COUNT(*) AS n FROM {T['viol']} v JOIN floor_owner o "
                       f"ON o.unit_id = v.unit_id WHERE v.status = %s AND v.occurred_at >= %s AND v.occurred_at < %s "
                       f"GROUP BY o.owner_id, v.type_id", [ViolationStatus.UPHELD.value, *moments]),
        _totals(scheme),
    ]  # fmt: skip
    final, final_params = _result(scheme)
    ctes = ", ".join(f"{name} AS ({sql})" for name, sql, _params in steps)
    params = [p for _name, _sql, step_params in steps for p in step_params] + final_params
    return f"CREATE TEMP TABLE floor_result AS WITH RECURSIVE {ctes} {final}", params


def _scope(period: Period, bloc_id: int | None) -> list[tuple[str, str, list]]:
    """The units computed (the period's scored units, or one bloc's members) and the owner of every unit below them:
    walk down the tree, stopping at units scored themselves."""
    if bloc_id is None:
        target = (f"SELECT unit_id, MAX(bloc_id) AS bloc_id FROM (SELECT unit_id, bloc_id FROM {T['bm']} "
                  f"WHERE period_id = %s UNION ALL SELECT unit_id, NULL FROM {T['pledge']} WHERE period_id = %s) s "
                  f"GROUP BY unit_id", [period.pk, period.pk])  # fmt: skip
    else:
        target = (f"SELECT unit_id, bloc_id FROM {T['bm']} WHERE bloc_id = %s", [bloc_id])
    owners = (
        f"SELECT unit_id, unit_id AS owner_id FROM floor_target UNION ALL SELECT c.id, o.owner_id FROM {T['unit']} c "
        f"JOIN floor_owner o ON c.parent_id = o.unit_id WHERE NOT EXISTS (SELECT 1 FROM {T['bm']} m "
        f"WHERE m.unit_id = c.id AND m.period_id = %s) AND NOT EXISTS (SELECT 1 FROM {T['pledge']} p "
        f"WHERE p.unit_id = c.id AND p.period_id = %s)"
    )  # fmt: skip
    return [("floor_target", *target), ("floor_owner(unit_id, owner_id)", owners, [period.pk, period.pk])]


def _inspections(days: list) -> list[tuple[str, str, list]]:
    """The period's submitted inspections with their owner; passed and failed checks per owner and category."""
    return [
        ("floor_insp", f"SELECT i.id, o.owner_id FROM {T['insp']} i JOIN floor_owner o ON o.unit_id = i.unit_id "
                       f"WHERE i.status = %s AND i.date >= %s AND i.date <= %s",
         [InspectionStatus.SUBMITTED.value, *days]),
        ("floor_checks", f"SELECT fi.owner_id, ci.category, SUM(CASE WHEN r.outcome = %s THEN 1 ELSE 0 END) AS passed, "
                         f"SUM(CASE WHEN r.outcome = %s THEN 1 ELSE 0 END) AS failed FROM floor_insp fi "
                         f"JOIN {T['result']} r ON r.inspection_id = fi.id JOIN {T['item']} ci ON ci.id = r.item_id "
                         f"GROUP BY fi.owner_id, ci.category", [ItemOutcome.PASS.value, ItemOutcome.FAIL.value]),
    ]  # fmt: skip


def _components(criterion) -> tuple[set[int], set[int]]:
    indicator = criterion.kpi_indicator
    return {i.pk for i in indicator.numerator.all()}, {i.pk for i in indicator.denominator.all()}


def _kpi(criteria, days: list) -> tuple[str, str, list]:
    """Σ and count of the readings inside the period, per owner and indicator (only the indicators criteria read)."""
    needed = set()
    for c in criteria:
        if c.kpi_indicator_id and c.full_at is not None:
            numerator, denominator = _components(c)
            needed |= {c.kpi_indicator_id, *numerator, *denominator}
    sql = (f"SELECT o.owner_id, r.indicator_id, SUM(r.value) AS total, COUNT(*) AS n FROM {T['reading']} r "
           f"JOIN floor_owner o ON o.unit_id = r.unit_id WHERE r.period_start >= %s AND r.period_end <= %s "
           f"AND r.indicator_id IN ({ids(needed)}) GROUP BY o.owner_id, r.indicator_id")  # fmt: skip
    return "floor_kpi", sql, days


def _points(period: Period, criteria) -> tuple[str, str, list]:
    """Every criterion's points per owner and group (a missing row is zero points)."""
    parts, params = [], []
    for c in criteria:
        if c.method == CriterionMethod.PASS_SHARE:
            categories = list(c.checklist_categories or [])
            where = f"WHERE category IN ({', '.join(['%s'] * len(categories))})" if categories else ""
            share = (f"CASE WHEN SUM(passed + failed) > 0 THEN {lit(c.max_points)} * 1.0 * SUM(passed) "
                     f"/ SUM(passed + failed) ELSE 0 END")  # fmt: skip
            parts.append(f"SELECT owner_id, {c.group_id} AS group_id, {round2(share)} AS points FROM floor_checks "
                         f"{where} GROUP BY owner_id")  # fmt: skip
            params += categories
        elif c.method in (CriterionMethod.KPI_THRESHOLD_LINEAR, CriterionMethod.KPI_AT_MOST) and c.full_at is not None:
            parts.append(f"SELECT owner_id, {c.group_id} AS group_id, {round2(_kpi_points(c, 'value'))} AS points "
                         f"FROM ({_kpi_value(c)}) k WHERE value IS NOT NULL")  # fmt: skip
    claimed = [c.pk for c in criteria if c.method == CriterionMethod.VERIFIED_CLAIM]
    parts.append(f"SELECT p.unit_id AS owner_id, c.group_id, CASE WHEN sa.verified_at IS NOT NULL "
                 f"THEN sa.verified_points ELSE sa.claimed_points END AS points FROM {T['sa']} sa "
                 f"JOIN {T['pledge']} p ON p.id = sa.pledge_id JOIN floor_target t ON t.unit_id = p.unit_id "
                 f"JOIN {T['criterion']} c ON c.id = sa.criterion_id WHERE p.period_id = %s "
                 f"AND sa.criterion_id IN ({ids(claimed)})")  # fmt: skip
    return "floor_points", " UNION ALL ".join(parts), [*params, period.pk]


def _kpi_value(c) -> str:
    """The indicator's value over the period: a derived rate Σ numerator ÷ Σ denominator × 100, an entered rate the
    mean of its readings, a count their sum."""
    numerator, denominator = _components(c)
    if denominator:
        num = f"SUM(CASE WHEN indicator_id IN ({ids(numerator)}) THEN total ELSE 0 END)"
        den = f"SUM(CASE WHEN indicator_id IN ({ids(denominator)}) THEN total ELSE 0 END)"
        return (f"SELECT owner_id, CASE WHEN {den} > 0 THEN {round2(f'{num} * 100.0 / {den}')} END AS value "
                f"FROM floor_kpi WHERE indicator_id IN ({ids(numerator | denominator)}) GROUP BY owner_id")  # fmt: skip
    value = "total" if c.kpi_indicator.is_count else round2("total * 1.0 / n")
    return f"SELECT owner_id, {value} AS value FROM floor_kpi WHERE indicator_id = {c.kpi_indicator_id}"


def _kpi_points(c, v: str) -> str:
    """Full points from `full_at` (at least, or at most), none from `zero_at`, linear between."""
    full, top = lit(c.full_at), lit(c.max_points)
    at_most = c.method == CriterionMethod.KPI_AT_MOST
    reached = f"{v} <= {full}" if at_most else f"{v} >= {full}"
    if c.zero_at is None:
        return f"CASE WHEN {reached} THEN {top} ELSE 0 END"
    zero, span = lit(c.zero_at), lit(abs(c.zero_at - c.full_at))
    lost = f"{v} >= {zero}" if at_most else f"{v} <= {zero}"
    linear = f"{top} * ({zero} - {v}) / {span}" if at_most else f"{top} * ({v} - {zero}) / {span}"
    return f"CASE WHEN {reached} THEN {top} WHEN {lost} THEN 0 ELSE {linear} END"


def _groups() -> tuple[str, str, list]:
    capped = "CASE WHEN SUM(p.points) > g.max_points THEN g.max_points ELSE SUM(p.points) END"
    return ("floor_groups", f"SELECT p.owner_id, p.group_id, {round2(capped)} AS points FROM floor_points p "
                            f"JOIN {T['group']} g ON g.id = p.group_id GROUP BY p.owner_id, p.group_id, g.max_points",
            [])  # fmt: skip


TIE_KEYS = {"fewer_upheld_violations": "nviol ASC", "fewer_deductions": "deductions ASC",
            "higher_criteria_points": "criteria DESC"}  # fmt: skip


def _tie_order(scheme) -> tuple[list[str], str]:
    """The scheme's tie-break keys as ORDER BY terms, and the joins for the group points they read (g_<n>_points)."""
    codes = {g.code: g.pk for g in scheme.groups.all()}
    joins, order = [], ["total DESC"]
    for key in scheme.tie_break_keys or []:
        name, _sep, code = key.partition(":")
        if name == "higher_group_points":
            alias = f"g_{len(joins)}"
            joins.append(f"LEFT JOIN floor_groups {alias} ON {alias}.owner_id = t.unit_id "
                         f"AND {alias}.group_id = {codes.get(code, 0)}")  # fmt: skip
            order.append(f"{alias}_points DESC")
        elif name in TIE_KEYS:
            order.append(TIE_KEYS[name])
    return joins, ", ".join(order)


def _totals(scheme) -> tuple[str, str, list]:
    """Criteria points, deductions (each rule capped), bonus (capped), counts, and the group points ties read."""
    joins, _order = _tie_order(scheme)
    groups = "".join(f", COALESCE(g_{i}.points, 0) AS g_{i}_points" for i in range(len(joins)))
    cap, s = lit(scheme.bonus_cap), scheme.pk
    bonus = round2(f"CASE WHEN COALESCE(b.points, 0) > {cap} THEN {cap} ELSE COALESCE(b.points, 0) END")
    taken = "fv.n * r.points_per_occurrence"
    deduction = round2(f"SUM(CASE WHEN r.id IS NULL THEN 0 WHEN r.cap IS NOT NULL AND {taken} > r.cap THEN r.cap "
                       f"ELSE {taken} END)")  # fmt: skip
    return ("floor_total",
        f"SELECT t.unit_id, t.bloc_id, COALESCE(c.points, 0) AS criteria, COALESCE(d.points, 0) AS deductions, "
        f"{bonus} AS bonus, COALESCE(d.nviol, 0) AS nviol, COALESCE(i.n, 0) AS ninsp{groups} FROM floor_target t "
        f"LEFT JOIN (SELECT owner_id, SUM(points) AS points FROM floor_groups GROUP BY owner_id) c "
        f"ON c.owner_id = t.unit_id LEFT JOIN (SELECT fv.owner_id, SUM(fv.n) AS nviol, {deduction} AS points "
        f"FROM floor_viol fv LEFT JOIN {T['rule']} r ON r.violation_type_id = fv.type_id AND r.scheme_id = {s} "
        f"GROUP BY fv.owner_id) d ON d.owner_id = t.unit_id LEFT JOIN (SELECT g.unit_id, SUM(r.points) AS points "
        f"FROM {T['grant']} g JOIN {T['bonus']} r ON r.id = g.rule_id WHERE r.scheme_id = {s} GROUP BY g.unit_id) b "
        f"ON b.unit_id = t.unit_id LEFT JOIN (SELECT owner_id, COUNT(*) AS n FROM floor_insp GROUP BY owner_id) i "
        f"ON i.owner_id = t.unit_id " + " ".join(joins),
        [])  # fmt: skip


def _result(scheme) -> tuple[str, list]:
    """Band (lowered by a triggered band-capping veto) and rank inside the bloc for the units with enough evidence."""
    _joins, order = _tie_order(scheme)
    bands, vetoes, s, least = T["band"], T["veto"], scheme.pk, int(scheme.min_inspections)
    band_min = f"(SELECT MAX(b.min_total) FROM {bands} b WHERE b.scheme_id = {s} AND b.min_total <= y.total)"
    veto_min = (f"(SELECT fv.owner_id, MIN(b.min_total) AS veto_min FROM floor_viol fv JOIN {vetoes} v "
                f"ON v.violation_type_id = fv.type_id AND v.scheme_id = {s} AND v.kind = %s JOIN {bands} b "
                f"ON b.id = v.capped_band_id GROUP BY fv.owner_id)")  # fmt: skip
    final = ("CASE WHEN x.veto_min IS NULL THEN x.band_min WHEN x.band_min IS NULL OR x.band_min > x.veto_min "
             "THEN x.veto_min ELSE x.band_min END")  # fmt: skip
    return (
        f"SELECT x.unit_id, x.bloc_id, x.criteria, x.deductions, x.bonus, x.total, x.nviol, x.ninsp, "
        f"(SELECT b.id FROM {bands} b WHERE b.scheme_id = {s} AND b.min_total = {final}) AS band_id, x.insufficient, "
        f"CASE WHEN x.ranked = 1 THEN RANK() OVER (PARTITION BY x.bloc_id, x.ranked ORDER BY {order}) END AS rnk "
        f"FROM (SELECT y.*, {band_min} AS band_min, vm.veto_min, CASE WHEN y.ninsp < {least} THEN 1 ELSE 0 END "
        f"AS insufficient, CASE WHEN y.bloc_id IS NOT NULL AND y.ninsp >= {least} THEN 1 ELSE 0 END AS ranked "
        f"FROM (SELECT ft.*, {round2('ft.criteria - ft.deductions + ft.bonus')} AS total FROM floor_total ft) y "
        f"LEFT JOIN {veto_min} vm ON vm.owner_id = y.unit_id) x",
        [VetoKind.VIOLATION_CAPS_BAND.value],
    )  # fmt: skip
