"""Ranking inside a bloc: ties broken by the scheme's keys, otherwise shared; too few inspections → flagged, unranked;
and the engine's query count does not grow with the number of units."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from emulation.models import (
    Bloc,
    BlocMembership,
    CriterionMethod,
    CriterionSource,
    DeductionRule,
    PeriodStatus,
    Score,
    SelfAssessment,
)
from emulation.scoring.engine import compute_period, recompute_unit
from emulation.scoring.views import shown_lines
from evaluations.models import ItemOutcome, ViolationCategory, ViolationStatus
from tests.emulation.factories import make_criterion, make_period, make_pledge, make_scheme
from tests.emulation.scoring.claims import claimed, in_progress_period
from tests.factories import (
    make_bloc,
    make_kpi_indicator,
    make_submitted_inspection,
    make_unit,
    make_violation,
    make_violation_type,
)

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return in_progress_period()


def upheld(unit, kind, count=1):
    for _ in range(count):
        make_violation(unit=unit, type=kind, status=ViolationStatus.UPHELD, occurred_at=timezone.now().replace(2026))


def ranks(period):
    return {s.unit.code: (s.rank, s.tie_broken_by) for s in Score.objects.filter(period=period).select_related("unit")}


def test_equal_totals_are_separated_by_fewer_upheld_violations_then_shared(period):
    make_scheme(period, tie_break_keys=["fewer_upheld_violations"])
    criterion = make_criterion(period.scheme)
    a, b, c, d = (make_unit(code=code) for code in "ABCD")
    claimed(period, criterion, {a: "8", b: "8", c: "8", d: "9"})
    make_bloc(period, [a, b, c, d])
    unpunished = make_violation_type()  # no deduction rule: counts for the tie, not for the total
    upheld(b, unpunished)

    compute_period(period=period)

    assert ranks(period) == {
        "D": (1, ""),
        "A": (2, ""),
        "C": (2, ""),
        "B": (4, "ít vi phạm được xác nhận hơn"),
    }


def test_without_tie_break_keys_equal_totals_share_the_rank(period):
    make_scheme(period, tie_break_keys=[])
    criterion = make_criterion(period.scheme)
    a, b, c = (make_unit(code=code) for code in "ABC")
    claimed(period, criterion, {a: "9", b: "9", c: "7"})
    make_bloc(period, [a, b, c])
    upheld(b, make_violation_type())

    compute_period(period=period)

    assert {code: rank for code, (rank, _note) in ranks(period).items()} == {"A": 1, "B": 1, "C": 3}


def test_a_group_key_breaks_a_tie_left_by_the_first_key(period):
    make_scheme(period, tie_break_keys=["fewer_upheld_violations", "higher_group_points:C"])
    other = make_criterion(period.scheme)
    discipline = make_criterion(period.scheme, group=None)
    discipline.group.code = "C"
    discipline.group.save()
    a, b = make_unit(code="A"), make_unit(code="B")
    claimed(period, other, {a: "8", b: "5"})
    for unit, points in ((a, "2"), (b, "5")):
        SelfAssessment.objects.create(pledge=unit.pledges.get(), criterion=discipline, claimed_points=D(points))
    make_bloc(period, [a, b])

    compute_period(period=period)

    assert ranks(period) == {"B": (1, "điểm nhóm C cao hơn"), "A": (2, "điểm nhóm C cao hơn")}


def test_a_unit_with_too_few_inspections_is_flagged_and_not_ranked(period):
    make_scheme(period, min_inspections=2)
    criterion = make_criterion(period.scheme)
    a, b, c = (make_unit(code=code) for code in "ABC")
    claimed(period, criterion, {a: "5", b: "9", c: "7"})
    make_bloc(period, [a, b, c])
    for unit in (a, c):
        for month in (3, 6):
            make_submitted_inspection(
                unit, datetime.date(2026, month, 1), [(ViolationCategory.BADGE, ItemOutcome.PASS)]
            )
    make_submitted_inspection(b, datetime.date(2026, 3, 1), [(ViolationCategory.BADGE, ItemOutcome.PASS)])

    compute_period(period=period)

    flagged = Score.objects.get(unit=b)
    assert (flagged.insufficient_evidence, flagged.rank, flagged.total) == (True, None, D(9))
    assert flagged.breakdown[-1]["detail"] == "1/2 lần kiểm tra trong kỳ"
    assert {code: rank for code, (rank, _note) in ranks(period).items()} == {"A": 2, "B": None, "C": 1}


def test_a_unit_outside_every_bloc_is_scored_but_not_ranked(period):
    make_scheme(period)
    criterion = make_criterion(period.scheme)
    alone = make_unit()
    claimed(period, criterion, {alone: "6"})

    compute_period(period=period)

    score = Score.objects.get(unit=alone)
    assert (score.total, score.bloc, score.rank) == (D(6), None, None)


def test_recomputing_one_unit_reranks_its_bloc(period):
    make_scheme(period)
    criterion = make_criterion(period.scheme)
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(3))
    a, b = make_unit(code="A"), make_unit(code="B")
    claimed(period, criterion, {a: "9", b: "8"})
    make_bloc(period, [a, b])
    compute_period(period=period)
    upheld(a, kind)

    recompute_unit(period=period, unit_id=a.pk)

    assert {code: rank for code, (rank, _note) in ranks(period).items()} == {"A": 2, "B": 1}
    assert Score.objects.get(unit=a).total == D(6)


def test_a_unit_leaving_the_period_loses_its_score(period):
    make_scheme(period)
    a, b = make_unit(), make_unit()
    bloc = make_bloc(period, [a, b])
    compute_period(period=period)
    BlocMembership.objects.filter(bloc=bloc, unit=b).delete()

    compute_period(period=period)

    assert list(Score.objects.values_list("unit_id", flat=True)) == [a.pk]


def build_period_with_units(count: int):
    """A period with a scheme using every source, `count` units in two blocs, each with evidence of every kind."""
    period = make_period(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31), status=PeriodStatus.IN_PROGRESS
    )
    scheme = make_scheme(period, min_inspections=1, tie_break_keys=["fewer_upheld_violations"])
    claim = make_criterion(scheme)
    make_criterion(scheme, source=CriterionSource.INSPECTIONS, method=CriterionMethod.PASS_SHARE)
    indicator = make_kpi_indicator()
    make_criterion(
        scheme, source=CriterionSource.KPI, method=CriterionMethod.KPI_THRESHOLD_LINEAR, kpi_indicator=indicator,
        full_at=D(95), zero_at=D(70),
    )  # fmt: skip
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=scheme, violation_type=kind, points_per_occurrence=D(1), cap=D(2))
    units = [make_unit() for _ in range(count)]
    for index, unit in enumerate(units):
        pledge = make_pledge(unit=unit, period=period)
        SelfAssessment.objects.create(pledge=pledge, criterion=claim, claimed_points=D(index % 10))
        make_submitted_inspection(unit, datetime.date(2026, 4, 1), [(ViolationCategory.BADGE, ItemOutcome.PASS)])
        upheld(unit, kind, count=index % 3)
        unit.kpi_readings.create(indicator=indicator, period_start="2026-01-01", period_end="2026-12-31", value=90)
    make_bloc(period, units[: count // 2])
    make_bloc(period, units[count // 2 :])
    return period


def test_computing_a_period_uses_the_same_number_of_queries_for_5_and_45_units(django_assert_num_queries):
    # 45: SQLite's bulk insert splits at 999 parameters (49 score rows of 20 columns), a limit of the driver
    small, large = build_period_with_units(5), build_period_with_units(45)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        compute_period(period=small)
    with django_assert_num_queries(len(five.captured_queries)):
        compute_period(period=large)
    assert Score.objects.filter(period=large).count() == 45
    assert Score.objects.filter(period=large, rank=1).count() >= 2  # one leader per bloc
    assert Bloc.objects.filter(period=large).count() == 2


def test_observations_about_a_division_count_for_the_scored_unit_above_it(period, tree):
    """Sở Nội vụ answers for its Văn phòng; Sở Tài chính's violation stays its own."""
    make_scheme(period, min_inspections=1)
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(2))
    make_pledge(unit=tree.home, period=period)
    make_pledge(unit=tree.other, period=period)
    upheld(tree.sub, kind)
    upheld(tree.other, kind)
    make_submitted_inspection(tree.sub, datetime.date(2026, 5, 5), [(ViolationCategory.BADGE, ItemOutcome.PASS)])

    compute_period(period=period)

    home = Score.objects.get(unit=tree.home)
    assert (home.total, home.inspection_count, home.insufficient_evidence) == (D(-2), 1, False)
    deductions = [line for line in shown_lines(home) if line["kind"] == "deduction"]
    assert [(line["label"].endswith("— Văn phòng Sở Nội vụ"), line["shown"]) for line in deductions] == [(True, "−2")]
    assert Score.objects.get(unit=tree.other).total == D(-2)


def test_a_division_scored_itself_keeps_its_observations(period, tree):
    make_scheme(period)
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(2))
    make_bloc(period, [tree.home, tree.sub])
    upheld(tree.sub, kind)

    compute_period(period=period)
    recompute_unit(period=period, unit_id=tree.home.pk)

    assert (Score.objects.get(unit=tree.home).total, Score.objects.get(unit=tree.sub).total) == (D(0), D(-2))


def test_a_change_about_a_division_recomputes_the_unit_above_it(period, tree):
    make_scheme(period)
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(2))
    make_pledge(unit=tree.home, period=period)
    compute_period(period=period)
    upheld(tree.sub, kind)

    assert recompute_unit(period=period, unit_id=tree.sub.pk) == 1
    assert Score.objects.get(unit=tree.home).total == D(-2)
