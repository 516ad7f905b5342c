"""What a unit head and an administrator do in a real browser, and how the pages fit a 390-px phone."""

import csv
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, pass_totp_step
from tests.factories import make_person
from units.models import Person

pytestmark = pytest.mark.e2e


def test_unit_head_logs_in_browses_filters_and_opens_a_unit(page, personas):
    log_in(page, "head@example.vn")
    expect(page.get_by_role("heading", name="Xin chào, Lê Thủ Trưởng")).to_be_visible()

    page.locator("#mainnav").get_by_role("button", name="Tổ chức").click()
    page.locator("#mainnav").get_by_role("link", name="Đơn vị", exact=True).click()
    expect(page.get_by_role("heading", name="Đơn vị")).to_be_visible()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)

    page.locator("summary", has_text="Bộ lọc").click()
    page.get_by_label("Tên hoặc mã").fill("Văn phòng")
    page.get_by_role("button", name="Lọc", exact=True).click()
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name="Văn phòng Sở Nội vụ").click()
    expect(page.get_by_role("heading", name="Văn phòng Sở Nội vụ")).to_be_visible()
    expect(page.get_by_role("link", name="Sở Nội vụ", exact=True)).to_be_visible()


def test_administrator_passes_the_totp_step_and_exports_the_filtered_people(page, personas, tree, tmp_path):
    make_person(unit=tree.other, full_name="Trương Thị Hương Giang")
    log_in(page, "admin@example.vn")
    expect(page).to_have_url(re.compile("/accounts/2fa/authenticate/"))
    pass_totp_step(page, personas.administrator)
    expect(page.get_by_role("heading", name="Xin chào, Trần Quản Trị")).to_be_visible()

    page.goto(reverse("units:people"))
    page.locator("summary", has_text="Bộ lọc").click()
    page.get_by_label("Họ tên hoặc mã").fill("Hương")
    page.get_by_role("button", name="Lọc", exact=True).click()
    expect(page.locator("table tbody tr")).to_have_count(2)
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất CSV").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)

    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    names = sorted(row[1] for row in rows[1:])
    assert names == ["Nguyễn Thị Hương Trà", "Trương Thị Hương Giang"]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_every_menu_page_fits_a_390_px_phone_and_the_menu_collapses(phone, personas, tree):
    phone.goto(reverse("account_login"))
    assert fits_the_screen(phone), "login page"
    log_in(phone, "admin@example.vn")
    pass_totp_step(phone, personas.administrator)

    menu_link = phone.locator("#mainnav").get_by_role("button", name="Tổ chức")
    expect(menu_link).to_be_hidden()
    phone.locator(".navbar-toggler").click()
    expect(menu_link).to_be_visible()

    menu = phone.eval_on_selector_all("#mainnav a[href^='/']", "links => links.map(a => a.getAttribute('href'))")
    person = Person.objects.get(user=personas.staff)
    pages = {reverse("units:unit_detail", args=[tree.home.pk]), reverse("units:person_detail", args=[person.pk])}
    pages |= {reverse("home"), reverse("units:unit_create"), reverse("units:person_create")}
    pages |= {href for href in menu if not href.startswith("/admin/")}
    too_wide = []
    for url in sorted(pages):
        assert phone.goto(url).ok, url
        if not fits_the_screen(phone):
            too_wide.append(url)
    assert not too_wide, f"wider than a 390-px screen: {too_wide}"
