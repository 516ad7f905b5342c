"""On a 390-px phone an inspector records a violation from a document, finding the unit and the person by typing
part of their names in the searchable pickers (no internal code needed)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.models import Inspection, Violation
from tests.e2e.conftest import browser, log_in, pass_totp_step, phone  # noqa: F401  (fixtures)
from tests.emulation.factories import make_period
from tests.factories import make_person, make_user_with_role, make_violation_type
from units.models import Role

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


def test_an_administrator_builds_the_team_by_typing_names_without_accents_on_a_phone(phone, personas, tree):  # noqa: F811
    second = make_user_with_role(
        Role.INSPECTOR, tree.province, person_unit=tree.other, email="insp2@example.vn", full_name="Đặng Thanh Tra"
    )
    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    phone.goto(reverse("evaluations:inspection_create"))
    phone.locator("#id_unit_q").fill("so noi vu")
    phone.locator("#id_unit_results").get_by_role("button", name="Sở Nội vụ (SNV)").click()
    phone.get_by_label("Ngày kiểm tra").fill(timezone.localdate().isoformat())
    phone.locator("#id_lead_q").fill("do kiem")
    phone.locator("#id_lead_results").get_by_role("button", name="Đỗ Kiểm Tra · insp@example.vn").click()
    phone.locator("#id_team_q").fill("dang thanh")
    phone.locator("#id_team_results").get_by_role("button", name="Đặng Thanh Tra · insp2@example.vn").click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="Lưu").click()
    phone.wait_for_url(lambda url: "/new/" not in url)
    inspection = Inspection.objects.get()
    assert inspection.lead == personas.inspector and set(inspection.team.all()) == {personas.inspector, second}


def test_the_eligibility_results_are_narrowed_to_a_unit_found_without_accents(phone, personas, tree):  # noqa: F811
    period = make_period(name="Năm 2026")
    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    phone.goto(reverse("emulation:eligibility_results", args=[period.pk]))
    phone.locator("#f-unit_q").fill("van phong so noi")
    phone.locator("#f-unit_results").get_by_role("button", name="Văn phòng Sở Nội vụ (SNV-VP)").click()
    phone.get_by_role("button", name="Lọc", exact=True).click()
    phone.wait_for_url(f"**unit={tree.sub.pk}**")
    expect(phone.locator("#f-unit")).to_have_value(str(tree.sub.pk))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
