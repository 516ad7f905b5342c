"""One observation changed → only its unit is scored again; its bloc is ranked anew from the other members' stored
scores (totals, violation counts, group points), so the cost does not grow with the bloc or the country."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emulation.models import CriterionGroup, DeductionRule, PeriodStatus, Score, SelfAssessment
from emulation.scoring.engine import compute_period, recompute_unit
from emulation.scoring.tasks import recompute_unit_on
from emulation.scoring.views import shown_lines
from evaluations.models import Violation, ViolationStatus
from tests.emulation.factories import make_criterion, make_period, make_scheme
from tests.emulation.scoring.claims import claimed, in_progress_period
from tests.factories import make_bloc, make_unit, make_violation, make_violation_type

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return in_progress_period()


def standing(period):
    rows = Score.objects.filter(period=period).select_related("unit")
    return {s.unit.code: (s.total, s.rank, s.tie_broken_by) for s in rows}


def bloc_of(period, count, kind, prefix="U"):
    """A bloc of `count` units claiming 50, 49, 48, … points; each has one violation recorded, not yet upheld."""
    make_scheme(period, tie_break_keys=["fewer_upheld_violations"])
    group = CriterionGroup.objects.create(scheme=period.scheme, code="A", name="Nhóm A", max_points=D(50))
    criterion = make_criterion(period.scheme, group=group, max_points=D(50))
    units = [make_unit(code=f"{prefix}{index:02}") for index in range(count)]
    claimed(period, criterion, {unit: 50 - index for index, unit in enumerate(units)})
    make_bloc(period, units)
    recorded = [make_violation(unit=unit, type=kind, occurred_at=timezone.now().replace(2026)) for unit in units]
    return units, recorded


def test_an_upheld_violation_moves_its_unit_down_and_the_others_up_without_rewriting_their_scores(period):
    kind = make_violation_type()
    units, recorded = bloc_of(period, 4, kind)
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(3))
    compute_period(period=period)
    written = dict(Score.objects.filter(period=period).values_list("unit__code", "computed_at"))

    recorded[0].status = ViolationStatus.UPHELD
    recorded[0].save()
    assert recompute_unit(period=period, unit_id=units[0].pk) == 1

    assert standing(period) == {
        "U00": (D("47.00"), 4, "ít vi phạm được xác nhận hơn"),  # 50 − 3: tied with U03, one upheld violation more
        "U01": (D("49.00"), 1, ""),
        "U02": (D("48.00"), 2, ""),
        "U03": (D("47.00"), 3, "ít vi phạm được xác nhận hơn"),
    }
    after = dict(Score.objects.filter(period=period).values_list("unit__code", "computed_at"))
    assert after["U00"] > written["U00"]
    assert [after[code] == written[code] for code in ("U01", "U02", "U03")] == [True, True, True]


def test_the_same_ranks_as_scoring_the_whole_bloc(period):
    kind = make_violation_type()
    units, recorded = bloc_of(period, 6, kind)
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(2))
    compute_period(period=period)
    for violation in recorded[:3]:
        violation.status = ViolationStatus.UPHELD
        violation.save()
        recompute_unit(period=period, unit_id=violation.unit_id)
    one_by_one = standing(period)

    compute_period(period=period)

    assert standing(period) == one_by_one
    assert one_by_one["U01"][1:] == (3, "ít vi phạm được xác nhận hơn")  # 49 − 2 = 47, tied with U03 (no violation)


def test_equal_totals_are_separated_by_the_stored_group_points(period):
    make_scheme(period, tie_break_keys=["higher_group_points:B"])
    first, second = (
        CriterionGroup.objects.create(scheme=period.scheme, code=code, name=code, max_points=D(20), position=position)
        for position, code in enumerate("AB")
    )
    on_a, on_b = make_criterion(period.scheme, group=first), make_criterion(period.scheme, group=second, code="B1")
    x, y = make_unit(code="X"), make_unit(code="Y")
    claimed(period, on_a, {x: 6, y: 4})
    for unit, points in {x: 2, y: 4}.items():
        SelfAssessment.objects.create(pledge=unit.pledges.get(), criterion=on_b, claimed_points=D(points))
    make_bloc(period, [x, y])
    compute_period(period=period)
    assert Score.objects.get(unit=y).group_points == {"A": "4.00", "B": "4.00"}

    recompute_unit(period=period, unit_id=x.pk)

    assert standing(period) == {"X": (D("8.00"), 2, "điểm nhóm B cao hơn"), "Y": (D("8.00"), 1, "điểm nhóm B cao hơn")}


def test_the_cost_does_not_grow_with_the_bloc(period, django_assert_max_num_queries):
    kind = make_violation_type()
    small, _recorded = bloc_of(period, 3, kind)
    compute_period(period=period)
    with CaptureQueriesContext(connection) as three:
        recompute_unit(period=period, unit_id=small[0].pk)
    other = make_period(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31), status=PeriodStatus.IN_PROGRESS
    )
    large, _recorded = bloc_of(other, 30, kind, prefix="L")
    compute_period(period=other)
    with CaptureQueriesContext(connection) as thirty:
        recompute_unit(period=other, unit_id=large[0].pk)
    assert len(thirty.captured_queries) == len(three.captured_queries)
    claims = next(
        q["sql"] for q in thirty.captured_queries if q["sql"].startswith("SELECT") and "selfassess" in q["sql"]
    )
    read = re.search(r'"emulation_pledge"\."unit_id" IN \(([^)]*)\)', claims).group(1)
    assert read == str(large[0].pk)  # only that unit's facts, not its bloc's


def test_scores_written_by_an_older_engine_make_the_whole_bloc_scored_again(period):
    kind = make_violation_type()
    units, recorded = bloc_of(period, 3, kind)
    compute_period(period=period)
    Score.objects.filter(period=period).update(group_points=None, rank=None)

    assert recompute_unit(period=period, unit_id=units[1].pk) == 3

    assert [rank for _total, rank, _note in standing(period).values()] == [1, 2, 3]
    assert Score.objects.filter(period=period, group_points__isnull=True).count() == 0


def test_a_member_without_a_score_yet_makes_the_whole_bloc_scored(period):
    kind = make_violation_type()
    units, recorded = bloc_of(period, 3, kind)
    compute_period(period=period)
    Score.objects.filter(unit=units[2]).delete()

    assert recompute_unit(period=period, unit_id=units[0].pk) == 3

    assert standing(period)["U02"] == (D("48.00"), 3, "")


def test_the_page_shows_each_upheld_violation_from_the_compact_line_even_once_deleted(period):
    kind = make_violation_type(name="Không đeo thẻ")
    units, recorded = bloc_of(period, 2, kind)
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D("1.5"))
    Violation.objects.filter(pk__in=[v.pk for v in recorded]).update(status=ViolationStatus.UPHELD)
    compute_period(period=period)
    score = Score.objects.get(unit=units[0])
    day = f"{recorded[0].occurred_at:%d/%m/%Y}"

    stored = [line for line in score.breakdown if line["kind"] == "deduction"]
    assert stored == [{"kind": "deduction", "counted": True, "points": "-1.50", "source": "evaluations.violation",
                       "violations": [[recorded[0].pk, "-1.50"]]}]  # fmt: skip
    shown = [(line["label"], line["shown"], line["link"]) for line in shown_lines(score) if line["kind"] == "deduction"]
    assert shown == [(f"Không đeo thẻ ngày {day}", "−1,5", f"/inspections/violations/{recorded[0].pk}/")]

    Violation.objects.filter(pk=recorded[0].pk).delete()
    assert [(line["label"], line["shown"]) for line in shown_lines(score) if line["kind"] == "deduction"] == [
        ("? ngày ?", "−1,5")
    ]


ONE_VIOLATION_QUERIES = 16  # see engine.recompute_unit: the period, the unit's ancestors, the locks, its facts, writes


def test_one_upheld_violation_costs_the_same_few_queries_in_a_small_and_a_large_country(
    period, django_assert_max_num_queries
):
    """Through the task the upheld-violation signal runs: a fixed number of queries, whatever the country's size
    (more blocs, more units, more observations elsewhere); the scheme is read once per process, not per update."""
    kind = make_violation_type()
    units, recorded = bloc_of(period, 3, kind)  # claiming 50, 49, 48
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D(5))
    compute_period(period=period)
    day = timezone.localdate(recorded[0].occurred_at).isoformat()
    recompute_unit_on(units[2].pk, day)  # a first update in this process loads the scheme
    Violation.objects.filter(pk=recorded[0].pk).update(status=ViolationStatus.UPHELD)
    with django_assert_max_num_queries(ONE_VIOLATION_QUERIES) as small:
        recompute_unit_on(units[0].pk, day)

    criterion = period.scheme.groups.get().criteria.get()
    for index in range(4):
        others = [make_unit(code=f"B{index}{member:02}") for member in range(12)]
        claimed(period, criterion, {unit: 40 - member for member, unit in enumerate(others)})
        make_bloc(period, others)
        for unit in others:
            make_violation(unit=unit, type=kind, status=ViolationStatus.UPHELD, occurred_at=recorded[0].occurred_at)
    compute_period(period=period)
    Violation.objects.filter(pk=recorded[1].pk).update(status=ViolationStatus.UPHELD)
    with django_assert_max_num_queries(ONE_VIOLATION_QUERIES) as large:
        recompute_unit_on(units[1].pk, day)

    assert len(large.captured_queries) == len(small.captured_queries)
    assert [s.rank for s in Score.objects.filter(period=period, unit__in=units).order_by("unit__code")] == [2, 3, 1]
