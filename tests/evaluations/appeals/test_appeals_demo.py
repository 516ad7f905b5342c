"""The demo province gets KPI years for its one-stop centre, districts and communes, and appeal stories."""

import datetime

import pytest
from django.utils import timezone

from evaluations.appeals.demo import PERIODS, build_demo
from evaluations.appeals.models import CorrectiveAction
from evaluations.models import Appeal, AppealStatus, KpiReading, Violation, ViolationStatus
from units.demo import build_demo as build_units

pytestmark = pytest.mark.django_db


def test_demo_is_believable_and_idempotent():
    build_units()
    first = build_demo()
    assert build_demo() == first
    # the centre reports while it exists: Đắk Nông's up to 30/06/2025, then Lâm Đồng's
    before = KpiReading.objects.filter(unit__code="DNO-TTHCC", indicator__code="TL-DH")
    after = KpiReading.objects.filter(unit__code="LDG-TTHCC", indicator__code="TL-DH")
    assert max(before.values_list("period_end", flat=True)) == datetime.date(2025, 6, 30)
    assert min(after.values_list("period_start", flat=True)) == datetime.date(2025, 7, 1)
    assert before.count() + after.count() == len(PERIODS)
    assert all(80 <= reading.value <= 100 for reading in [*before, *after])
    assert KpiReading.objects.filter(indicator__code="HS-TN").values("unit").distinct().count() > 30
    assert KpiReading.objects.filter(indicator__code="HS-TN", unit__code="DNO-SXD").exists()  # departments too
    on_time = KpiReading.objects.filter(indicator__code="TL-DH", period_start__year=2024).values_list(
        "value", flat=True
    )
    assert min(on_time) < 90 < max(on_time)  # some units resolve late far more often than others
    statuses = set(Violation.objects.filter(inspection__isnull=True).values_list("status", flat=True))
    assert {ViolationStatus.UPHELD, ViolationStatus.DISMISSED, ViolationStatus.CONTESTED} <= statuses
    assert Appeal.objects.filter(status=AppealStatus.DISMISSED).exists()
    assert Appeal.objects.filter(
        status=AppealStatus.PENDING, violation__person__user__email__startswith="nhanvien"
    ).exists()
    assert not Appeal.objects.filter(filed_at__gt=timezone.now()).exists()  # nothing dated ahead of now
    assert not CorrectiveAction.objects.filter(created_at__gt=timezone.now()).exists()
