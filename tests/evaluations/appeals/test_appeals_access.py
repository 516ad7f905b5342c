"""Every page of KPI readings, appeals, corrective actions and standalone violations sends an anonymous visitor
to the login page, and hides other units' records (404) from an outsider."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.appeals import corrective
from evaluations.appeals import services as appeals
from evaluations.appeals.attachments import store_attachments
from evaluations.kpi import services as kpi
from evaluations.models import KpiIndicator, KpiReading
from tests import files
from tests.factories import make_violation
from units.uploads import clean_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(tree, personas):
    violation = make_violation(
        unit=tree.home, recorded_by=personas.inspector, appeal_deadline=timezone.localdate() + timedelta(days=2)
    )
    appeal = appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Xin xem lại")
    pdf = clean_pdf(files.pdf_bytes())
    attachment = store_attachments(files=[pdf], by=personas.unit_head, appeal=appeal)[0]
    action = corrective.require_action(
        violation=violation,
        by=personas.inspector,
        description="Khắc phục",
        due_date=timezone.localdate() + timedelta(days=5),
        owner_user=personas.unit_head,
    )
    reading = kpi.record_reading(
        unit=tree.home,
        indicator=KpiIndicator.objects.get(code="HS-TN"),
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
        value=Decimal(10),
        by=None,
    )
    return {"violation": violation, "appeal": appeal, "attachment": attachment, "action": action, "reading": reading}


def urls(r, tree):
    return [
        ("GET", "evaluations:kpi_edit", r["reading"].pk),
        ("POST", "evaluations:kpi_delete", r["reading"].pk),
        ("GET", "evaluations:kpi_unit", tree.home.pk),
        ("GET", "evaluations:appeal_detail", r["appeal"].pk),
        ("POST", "evaluations:appeal_decide", r["appeal"].pk),
        ("GET", "evaluations:violation_panel", r["violation"].pk),
        ("GET", "evaluations:attachment_file", r["attachment"].pk),
        ("GET", "evaluations:corrective_create", r["violation"].pk),
        ("GET", "evaluations:corrective_detail", r["action"].pk),
        ("POST", "evaluations:corrective_done", r["action"].pk),
        ("POST", "evaluations:corrective_confirm", r["action"].pk),
        ("POST", "evaluations:corrective_reopen", r["action"].pk),
    ]


def call(client, method, name, pk):
    url = reverse(name, args=[pk])
    return client.post(url) if method == "POST" else client.get(url)


def test_anonymous_visitors_are_sent_to_login_everywhere(client, records, tree):
    for name in ("evaluations:corrective_list", "evaluations:appeals", "evaluations:my_violations"):
        assert client.get(reverse(name))["Location"].startswith(reverse("account_login")), name
    for method, name, pk in urls(records, tree):
        assert call(client, method, name, pk)["Location"].startswith(reverse("account_login")), name


def test_an_outsider_finds_nothing_of_another_unit(login, records, personas, tree):
    client = login(personas.outsider)
    for method, name, pk in urls(records, tree):
        assert call(client, method, name, pk).status_code == 404, name
    assert KpiReading.objects.filter(pk=records["reading"].pk).exists()


def test_only_an_administrator_deletes_a_reading(login, records, personas):
    url = reverse("evaluations:kpi_delete", args=[records["reading"].pk])
    assert login(personas.unit_head).post(url).status_code == 403
    assert login(personas.administrator).post(url).status_code == 302
    assert not KpiReading.objects.filter(pk=records["reading"].pk).exists()


def test_import_confirmation_needs_an_administrator_and_their_own_token(login, personas):
    url = reverse("evaluations:kpi_import_confirm", args=["x" * 32])
    assert login(personas.unit_head).post(url).status_code == 403
    assert login(personas.administrator).post(url).status_code == 404
