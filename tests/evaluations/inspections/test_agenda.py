"""The inspection list opens on today's inspections and the coming ones, then every inspection; on a phone both the
sections and the list read as cards that fit the screen."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.models import InspectionStatus
from tests.e2e.conftest import browser, log_in, phone  # noqa: F401  (fixtures)
from tests.factories import make_inspection, make_unit, make_violation, make_violation_type

pytestmark = pytest.mark.django_db
URL = reverse("evaluations:inspections")


@pytest.fixture
def days(personas, tree):
    today = timezone.localdate()
    unit = lambda name: make_unit(name=name, parent=tree.home)  # noqa: E731
    lead = personas.inspector
    return {
        "today": make_inspection(unit=unit("Phòng Hôm Nay"), date=today, lead=lead),
        "tomorrow": make_inspection(unit=unit("Phòng Ngày Mai"), date=today + timedelta(days=1), lead=lead),
        "past": make_inspection(unit=unit("Phòng Tháng Trước"), date=today - timedelta(days=30), lead=lead),
        "far": make_inspection(unit=unit("Phòng Năm Sau"), date=today + timedelta(days=90), lead=lead),
        "done": make_inspection(
            unit=unit("Phòng Đã Nộp"), date=today + timedelta(days=2), lead=lead, status=InspectionStatus.SUBMITTED
        ),
    }


def section(response, name: str) -> list[str]:
    return [i.unit.name for i in response.context[name]]


def test_an_inspector_opens_on_today_then_the_coming_drafts(login, personas, days):
    response = login(personas.inspector).get(URL)
    assert section(response, "today") == ["Phòng Hôm Nay"]
    assert section(response, "upcoming") == ["Phòng Ngày Mai"]  # not 90 days away, not already submitted
    html = response.content.decode()
    assert html.index("Hôm nay") < html.index("Sắp tới") < html.index("Tất cả cuộc kiểm tra")
    conduct = reverse("evaluations:inspection_conduct", args=[days["today"].pk])
    assert f'href="{conduct}">Mở phiếu kiểm tra</a>' in html
    assert "Phòng Tháng Trước" in html  # still in the full list below


def test_an_administrator_off_the_team_sees_the_sections_without_the_checklist_button(login, personas, days):
    response = login(personas.administrator).get(URL)
    assert section(response, "today") == ["Phòng Hôm Nay"]
    assert "Mở phiếu kiểm tra" not in response.content.decode()


def test_a_filtered_or_sorted_list_shows_no_sections(login, personas, days):
    response = login(personas.inspector).get(URL, {"sort": "date"})
    assert "today" not in response.context and "Sắp tới" not in response.content.decode()


def test_an_empty_day_says_so(login, personas, tree):
    html = login(personas.inspector).get(URL).content.decode()
    assert "Hôm nay không có cuộc kiểm tra nào." in html and "Không có cuộc kiểm tra nào trong 30 ngày tới." in html


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_lists_are_cards_with_labelled_cells(phone, personas, days, tree):  # noqa: F811
    log_in(phone, personas.inspector.email)
    phone.goto(URL)
    today = phone.locator("[data-testid=today]")
    assert (
        "Phòng Hôm Nay" in today.inner_text()
        and "Phòng Ngày Mai" in phone.locator("[data-testid=upcoming]").inner_text()
    )
    assert phone.locator("table thead").bounding_box()["height"] <= 1  # headings read by screen readers only
    first = phone.locator("table.table-cards tbody tr").first
    assert first.evaluate("row => getComputedStyle(row).display") == "block"
    cell = first.locator("td").nth(1)
    assert cell.get_attribute("data-label") == "Đơn vị"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    make_violation(
        type=make_violation_type(name="Không đeo thẻ công chức"), unit=tree.home, recorded_by=personas.inspector
    )
    phone.goto(reverse("evaluations:violations"))
    card = phone.locator("table.table-cards tbody tr").first
    assert card.locator("td[data-label='Loại vi phạm']").inner_text() == "Không đeo thẻ công chức"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
