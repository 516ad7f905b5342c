"""Violations recorded outside an inspection, from a document."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.models import AppealPolicy, StatusChange, Violation
from tests.factories import make_person, make_violation_type
from units.models import Notification

pytestmark = pytest.mark.django_db

URL = reverse("evaluations:standalone_create")


def form_data(unit, **overrides):
    data = {
        "unit": unit.pk,
        "person": "",
        "type": make_violation_type(name="Điều khiển xe sau khi uống rượu bia", sensitive=True).pk,
        "occurred_at": (timezone.localtime() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        "document_reference": "BB 0123/CSGT",
        "document_date": (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y"),
        "description": "Biên bản vi phạm nồng độ cồn của Phòng CSGT",
        "token": "6f1c7c1e-8d7b-4a45-9d7e-1b2a3c4d5e6f",
    }
    data.update(overrides)
    return data


def test_anonymous_is_sent_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))


def test_only_administrators_and_inspectors_record(login, personas):
    for persona in (personas.unit_head, personas.clerk, personas.staff, personas.secretary):
        assert login(persona).get(URL).status_code == 403
    for persona in (personas.administrator, personas.inspector):
        assert login(persona).get(URL).status_code == 200


def test_inspector_cannot_record_against_their_own_unit(login, personas, tree):
    response = login(personas.inspector).post(URL, form_data(tree.other))
    assert tree.other not in response.context["form"].fields["unit"].queryset
    assert "unit" in response.context["form"].errors
    assert not Violation.objects.exists()


def test_recorded_violation_opens_the_window_and_tells_the_unit_head(login, personas, tree):
    AppealPolicy.objects.create(appeal_window_days=10, effective_from=timezone.localdate() - timedelta(days=30))
    person = make_person(unit=tree.home, code="CB-0077", full_name="Lý Văn Lái")
    response = login(personas.inspector).post(URL, form_data(tree.home, person=person.pk))
    violation = Violation.objects.get()
    assert response.status_code == 302
    assert violation.is_standalone and violation.person == person
    assert violation.document_reference == "BB 0123/CSGT"
    assert violation.appeal_deadline == timezone.localdate() + timedelta(days=10)
    assert [c.to_status for c in StatusChange.objects.for_object(violation)] == ["recorded"]
    notice = Notification.objects.get(user=personas.unit_head)
    assert "BB 0123/CSGT" in notice.body


def test_the_same_form_sent_twice_records_one_violation(login, personas, tree):
    client = login(personas.administrator)
    data = form_data(tree.home)
    client.post(URL, data)
    client.post(URL, data)
    assert Violation.objects.count() == 1
    assert Notification.objects.filter(user=personas.unit_head).count() == 1


def test_a_person_of_another_unit_and_a_future_document_date_are_refused(login, personas, tree):
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    elsewhere = make_person(unit=tree.other, code="CB-0099", full_name="Mai Văn Khác")
    response = login(personas.administrator).post(
        URL, form_data(tree.home, person=elsewhere.pk, document_date=tomorrow)
    )
    page = response.content.decode()
    assert "Mai Văn Khác không thuộc đơn vị đã chọn." in page
    assert "Ngày văn bản không được ở tương lai." in page
    assert not Violation.objects.exists()


def test_the_form_picks_the_person_by_name_without_listing_every_person(login, personas, tree):
    for i in range(30):
        make_person(unit=tree.home, code=f"CB-{i:04}", full_name=f"Người Thứ {i}")
    page = login(personas.administrator).get(URL).content.decode()
    assert "Người Thứ 7" not in page  # nothing is shipped until searched
    assert 'data-picker data-url="/pick/people/"' in page
