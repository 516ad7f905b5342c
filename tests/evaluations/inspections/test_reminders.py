import datetime

import pytest

from evaluations.inspections.services import remind_scheduled_inspections
from evaluations.models import InspectionKind, InspectionStatus
from tests.factories import make_inspection
from units.models import Notification

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


def test_the_team_is_reminded_the_day_before_a_scheduled_inspection_once(personas, tree):
    tomorrow = TODAY + datetime.timedelta(days=1)
    make_inspection(unit=tree.home, date=tomorrow, lead=personas.inspector)
    make_inspection(unit=tree.home, date=tomorrow, kind=InspectionKind.UNANNOUNCED, lead=personas.inspector)
    make_inspection(unit=tree.home, date=tomorrow + datetime.timedelta(days=1), lead=personas.inspector)
    assert remind_scheduled_inspections(today=TODAY) == 1
    assert remind_scheduled_inspections(today=TODAY) == 0
    [note] = Notification.objects.filter(user=personas.inspector)
    assert note.title == "Nhắc lịch kiểm tra ngày 27/11/2026: Sở Nội vụ"
    assert not Notification.objects.filter(user=personas.unit_head).exists()


def test_a_submitted_inspection_needs_no_reminder(personas, tree):
    make_inspection(
        unit=tree.home,
        date=TODAY + datetime.timedelta(days=1),
        lead=personas.inspector,
        status=InspectionStatus.SUBMITTED,
    )
    assert remind_scheduled_inspections(today=TODAY) == 0
