"""One unit's recomputation reads the period's scheme once per process and uses it again while its revision stands;
any change to the scheme or a part of it (saved or deleted, in the app or the admin) is seen by the next
recomputation."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emulation.models import CriterionGroup, DeductionRule, Score, ScoringScheme
from emulation.scoring.engine import compute_period, recompute_unit
from evaluations.models import KpiIndicator, ViolationStatus
from tests.emulation.factories import make_criterion, make_scheme
from tests.emulation.scoring.claims import claimed, in_progress_period
from tests.factories import make_bloc, make_kpi_indicator, make_unit, make_violation, make_violation_type

D = Decimal
pytestmark = pytest.mark.django_db

SCHEME_PARTS = re.compile(r'FROM "emulation_(criteriongroup|criterion|band|bonusrule|deductionrule|vetorule)"')


@pytest.fixture
def bloc():
    """Two units claiming 40 and 30 points; the first has one upheld violation costing 5 points."""
    period = in_progress_period()
    scheme = make_scheme(period)
    group = CriterionGroup.objects.create(scheme=scheme, code="A", name="Nhóm A", max_points=D(50))
    criterion = make_criterion(scheme, group=group, max_points=D(50))
    kind = make_violation_type()
    rule = DeductionRule.objects.create(scheme=scheme, violation_type=kind, points_per_occurrence=D(5))
    first, second = make_unit(code="A1"), make_unit(code="A2")
    claimed(period, criterion, {first: 40, second: 30})
    make_bloc(period, [first, second])
    make_violation(unit=first, type=kind, status=ViolationStatus.UPHELD, occurred_at=timezone.now().replace(2026))
    compute_period(period=period)
    recompute_unit(period=period, unit_id=first.pk)  # the scheme is loaded (and kept) here
    return period, first, criterion, rule


def total(period, unit):
    return Score.objects.get(period=period, unit=unit).total


def test_a_recomputation_reads_no_part_of_an_unchanged_scheme(bloc):
    period, first, _criterion, _rule = bloc
    with CaptureQueriesContext(connection) as queries:
        recompute_unit(period=period, unit_id=first.pk)
    assert [q["sql"] for q in queries.captured_queries if SCHEME_PARTS.search(q["sql"])] == []
    assert total(period, first) == D(35)


def test_a_deduction_rule_changed_is_used_at_once(bloc):
    period, first, _criterion, rule = bloc
    rule.points_per_occurrence = D(8)
    rule.save()
    recompute_unit(period=period, unit_id=first.pk)
    assert total(period, first) == D(32)


def test_a_deduction_rule_deleted_no_longer_counts(bloc):
    period, first, _criterion, rule = bloc
    rule.delete()
    recompute_unit(period=period, unit_id=first.pk)
    assert total(period, first) == D(40)


def test_a_group_capped_lower_is_used_at_once(bloc):
    period, first, criterion, _rule = bloc
    group = criterion.group
    group.max_points = D(25)
    group.save()
    recompute_unit(period=period, unit_id=first.pk)
    assert total(period, first) == D(20)


def test_a_scheme_saved_stale_from_a_form_still_gets_a_new_revision(bloc):
    """A form holding the scheme as it was before a part changed writes the old revision back; the save itself
    gives it a new one, so the part's change is not hidden."""
    period, first, criterion, _rule = bloc
    stale = ScoringScheme.objects.get(period=period)
    group = criterion.group
    group.max_points = D(25)
    group.save()
    stale.name = "Bảng điểm sửa tên"
    stale.save()
    recompute_unit(period=period, unit_id=first.pk)
    assert total(period, first) == D(20)


def test_shared_parts_read_with_the_scheme_give_every_scheme_a_new_revision(bloc):
    period, _first, _criterion, rule = bloc
    revisions = [ScoringScheme.objects.get(period=period).revision]
    rule.violation_type.name = "Tên mới của loại vi phạm"
    rule.violation_type.save()
    revisions.append(ScoringScheme.objects.get(period=period).revision)
    rate, part = make_kpi_indicator(), make_kpi_indicator()
    revisions.append(ScoringScheme.objects.get(period=period).revision)
    KpiIndicator.objects.get(pk=rate.pk).denominator.add(part)
    revisions.append(ScoringScheme.objects.get(period=period).revision)
    assert len(set(revisions)) == 4
