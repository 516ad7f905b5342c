"""An administrator on a 390-px phone configures without the Django admin: from the Quản trị menu to a council, a
member found by typing part of the name in the picker, then removed after the confirmation page; a bonus grant for
a unit found by name."""

from decimal import Decimal

import pytest
from django.urls import reverse

from emulation.models import BonusGrant, CouncilMember, PeriodStatus
from tests.e2e.conftest import log_in, pass_totp_step, phone  # noqa: F401  (fixture)
from tests.emulation.council.helpers import make_council
from tests.emulation.factories import make_period, make_scheme
from tests.factories import make_person, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def pick(page, field: str, typed: str, label_part: str) -> None:
    page.locator(f"#id_{field}_q").fill(typed)
    page.locator(f"#id_{field}_results button", has_text=label_part).click()


def test_a_member_is_picked_by_name_added_and_removed_on_a_phone(phone, personas, tree):  # noqa: F811
    council = make_council(tree.province, size=0, secretary=personas.secretary, name="Hội đồng TĐKT tỉnh")
    make_person(unit=tree.home, full_name="Quách Thị Hội Viên", user=make_user(full_name="Quách Thị Hội Viên"))
    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    menu = phone.locator("nav a.dropdown-item", has_text="Hội đồng và thành viên")
    assert menu.get_attribute("href") == reverse("emulation:council_manage_list")

    phone.goto(reverse("emulation:council_manage_list"))
    phone.get_by_role("link", name="Hội đồng TĐKT tỉnh").click()
    phone.get_by_role("link", name="Thêm thành viên").click()
    pick(phone, "person", "hội viên", "Quách Thị Hội Viên")
    phone.get_by_label("Chức danh").select_option(label="Phó Chủ tịch Hội đồng")
    phone.get_by_role("button", name="Lưu").click()
    seats = phone.get_by_test_id("seats")
    assert "Quách Thị Hội Viên" in seats.inner_text() and "Phó Chủ tịch Hội đồng" in seats.inner_text()

    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing off-screen on the phone
    phone.get_by_role("link", name="Xóa Quách Thị Hội Viên").click()
    assert "Quách Thị Hội Viên" in phone.get_by_test_id("confirm-question").inner_text()
    phone.get_by_role("button", name="Xác nhận xóa").click()
    assert "Hội đồng chưa có thành viên." in phone.get_by_test_id("seats").inner_text()
    assert not CouncilMember.objects.filter(council=council).exists()


def test_a_bonus_grant_is_given_to_a_unit_found_by_name(page, personas, tree):
    scheme = make_scheme(make_period(status=PeriodStatus.IN_PROGRESS))
    rule = scheme.bonus_rules.create(code="CO", description="Cờ thi đua cấp tỉnh", points=Decimal("5"))
    log_in(page, personas.administrator.email)
    pass_totp_step(page, personas.administrator)
    page.goto(reverse("emulation:bonus_grant_create"))
    pick(page, "unit", "tài chính", "Sở Tài chính")
    page.get_by_label("Điểm thưởng").select_option(value=str(rule.pk))
    page.get_by_label("Căn cứ").fill("QĐ 45/QĐ-UBND ngày 02/12/2026")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã lưu điểm thưởng" in page.content()
    assert BonusGrant.objects.get().unit == tree.other
