"""Home-page attention items of evaluations: real counts for the user's roles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.models import InspectionStatus
from tests.factories import make_inspection, make_violation

pytestmark = pytest.mark.django_db


def counts(client):
    return {item["label"]: item["count"] for item in client.get(reverse("home")).context["items"]}


def test_an_inspector_sees_todays_inspections(login, personas, inspection, tree):
    make_inspection(unit=tree.home, lead=personas.inspector, date=timezone.localdate() + datetime.timedelta(days=3))
    assert counts(login(personas.inspector))["Cuộc kiểm tra cần thực hiện"] == 1


def test_a_unit_head_sees_violations_still_open_to_appeal(login, personas, inspection, catalogue):
    make_violation(inspection=inspection, type=catalogue.badge_type, appeal_deadline=timezone.localdate())
    assert counts(login(personas.unit_head))["Vi phạm còn trong hạn khiếu nại"] == 0  # a draft is not yet theirs
    inspection.status = InspectionStatus.SUBMITTED
    inspection.save()
    assert counts(login(personas.unit_head))["Vi phạm còn trong hạn khiếu nại"] == 1


def test_a_unit_head_does_not_see_a_planned_unannounced_inspection(login, personas, inspection):
    rows = login(personas.unit_head).get(reverse("evaluations:inspections")).context["table"].rows
    assert len(rows) == 0
