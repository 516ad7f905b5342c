"""On a 390-px phone: an administrator runs the eligibility engine and reads a result; a clerk records a discipline;
the catalogue page — nothing wider than the screen."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from emulation.models import PledgeStatus, Registration, Title
from emulation.titles.seed import seed_catalogue
from evaluations.models import AnnualRating, DisciplineRecord
from tests.e2e.conftest import browser, log_in, pass_totp_step, phone  # noqa: F401  (fixtures)
from tests.emulation.factories import make_period, make_pledge
from tests.factories import make_person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture
def period(tree):
    # A transactional test starts from an empty database: seed the titles and the national rules again.
    importlib.import_module("emulation.migrations.0004_seed_titles").seed(apps, None)
    seed_catalogue(apps)
    period = make_period(name="Năm 2026")
    pledge = make_pledge(unit=tree.home, period=period, status=PledgeStatus.SUBMITTED)
    person = make_person(unit=tree.home, full_name="Nguyễn Thị Minh Khai", code="NV-KHAI")
    AnnualRating.objects.create(person=person, year=2026, rating="httnv")
    DisciplineRecord.objects.create(person=person, form="khien_trach", decided_on=datetime.date(2026, 5, 12))
    Registration.objects.create(pledge=pledge, person=person, title=Title.objects.get(code="LDTT"))
    return period


def test_running_and_reading_eligibility_on_a_phone(phone, personas, period):  # noqa: F811
    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    phone.goto(reverse("emulation:eligibility_results", args=[period.pk]))
    phone.get_by_role("button", name="Xét điều kiện").click()
    phone.get_by_role("link", name="Nguyễn Thị Minh Khai").wait_for()
    assert fits_the_screen(phone)
    phone.get_by_role("link", name="Nguyễn Thị Minh Khai").click()
    checks = phone.locator("[data-testid=checks]").inner_text()
    assert "Bị kỷ luật khiển trách ngày 12/05/2026 — không đủ điều kiện Lao động tiên tiến" in checks
    assert fits_the_screen(phone)
    phone.goto(reverse("emulation:title_catalogue"))
    assert "Chủ tịch UBND xã, phường, đặc khu" in phone.content() and fits_the_screen(phone)


def test_a_clerk_records_a_discipline_on_a_phone(phone, personas, period):  # noqa: F811
    log_in(phone, personas.clerk.email)
    phone.goto(reverse("evaluations:record_create", args=["disciplines"]))
    assert fits_the_screen(phone)
    phone.locator("#id_person_q").fill("Minh Khai")  # the searchable picker: typed, then tapped
    phone.locator("#id_person_results button", has_text="Nguyễn Thị Minh Khai").click()
    phone.get_by_label("Hình thức kỷ luật").select_option(label="Cảnh cáo")
    phone.get_by_label("Ngày quyết định").fill("03/09/2026")
    phone.get_by_role("button", name="Lưu").click()
    phone.wait_for_url(f"**{reverse('evaluations:records', args=['disciplines'])}")
    assert "03/09/2026" in phone.locator("[data-testid=records]").inner_text() and fits_the_screen(phone)
