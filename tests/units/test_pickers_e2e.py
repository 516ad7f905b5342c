"""On a 390-px phone an inspector records a violation from a document, finding the unit and the person by typing
part of their names in the searchable pickers (no internal code needed)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.models import Violation
from tests.e2e.conftest import browser, log_in, phone  # noqa: F401  (fixtures)
from tests.factories import make_person, make_violation_type

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_inspector_picks_unit_and_person_by_name_on_a_phone(phone, personas, tree):  # noqa: F811
    person = make_person(unit=tree.sub, code="CB-0077", full_name="Lý Văn Lái")
    kind = make_violation_type(name="Điều khiển xe sau khi uống rượu, bia")
    log_in(phone, personas.inspector.email)
    phone.goto(reverse("evaluations:standalone_create"))
    assert phone.locator("#id_person option").count() == 1  # nothing but the empty choice is shipped

    phone.locator("#id_unit_q").fill("nội vụ")
    phone.locator("#id_unit_results").get_by_role("button", name="Sở Nội vụ (SNV)").click()
    expect(phone.locator("#id_unit")).to_have_value(str(tree.home.pk))
    phone.locator("#id_person_q").fill("Lái")
    phone.locator("#id_person_results").get_by_role("button", name="Lý Văn Lái · CB-0077 · Văn phòng Sở Nội vụ").click()
    expect(phone.locator("#id_person")).to_have_value(str(person.pk))

    phone.get_by_label("Loại vi phạm").select_option(value=str(kind.pk))
    phone.get_by_label("Thời điểm vi phạm").fill((timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    phone.get_by_label("Số văn bản").fill("BB 77/CSGT")
    phone.get_by_label("Ngày văn bản").fill(timezone.localdate().strftime("%d/%m/%Y"))
    phone.get_by_label("Mô tả").fill("Biên bản nồng độ cồn")
    phone.get_by_role("button", name="Ghi nhận").click()
    phone.wait_for_url("**/violations/**")
    assert Violation.objects.get().person == person
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
