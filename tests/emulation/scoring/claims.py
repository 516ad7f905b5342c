"""The ranking tests' period (in progress over 2026) and their claims."""

import datetime
from decimal import Decimal

from emulation.models import PeriodStatus, SelfAssessment
from tests.emulation.factories import make_period, make_pledge


def in_progress_period():
    return make_period(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31), status=PeriodStatus.IN_PROGRESS
    )


def claimed(period, criterion, points_by_unit):
    """Each unit's pledge claims `points` on the criterion."""
    for unit, points in points_by_unit.items():
        pledge = make_pledge(unit=unit, period=period)
        SelfAssessment.objects.create(pledge=pledge, criterion=criterion, claimed_points=Decimal(points))
