"""Inspections and violations in a user's scope are found by the ids of the units below the user's role, read when
the queryset is built: a unit opened later (or data of it) is never missed, and nothing outside the subtree leaks."""

import pytest

from evaluations.models import Inspection, InspectionStatus, Violation
from tests.factories import make_inspection, make_unit, make_user_with_role, make_violation
from units.models import Level, Role

pytestmark = pytest.mark.django_db


def test_a_unit_opened_after_a_first_look_is_in_scope_on_the_next_and_outsiders_stay_out():
    department = make_unit()
    head = make_user_with_role(Role.UNIT_HEAD, department)
    outside = make_inspection(unit=make_unit(), status=InspectionStatus.SUBMITTED)
    make_violation(inspection=outside)
    assert not Inspection.objects.for_user(head).exists() and not Violation.objects.for_user(head).exists()
    division = make_unit(parent=department, level=Level.SUB_UNIT)
    inspection = make_inspection(unit=division, status=InspectionStatus.SUBMITTED)
    violation = make_violation(inspection=inspection)
    make_inspection(unit=division)  # a draft stays with its team
    assert list(Inspection.objects.for_user(head)) == [inspection]
    assert list(Violation.objects.for_user(head)) == [violation]
