"""On a 390-px phone: an administrator revokes an award through its form, and the unit head reads the awards
register and the award page showing the annulling decision — nothing wider than the screen."""

import datetime

import pytest
from django.urls import reverse

from emulation.decisions.services import draft_decision, sign_decision
from emulation.models import Authority, AuthorityPower, Title, TitleLevel, TitleScope
from tests.e2e.conftest import browser, log_in, pass_totp_step, phone  # noqa: F401  (fixtures)
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.factories import make_period
from tests.factories import make_person
from units.models import Level

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture
def award(tree, personas):
    # Own catalogue rows: a transactional test cannot count on the seeded ones.
    title = Title.objects.create(
        code="E2E-CSTD", name="Chiến sĩ thi đua cấp tỉnh", scope=TitleScope.INDIVIDUAL, level=TitleLevel.PROVINCE
    )
    chair = Authority.objects.create(
        code="E2E-CT", name="Chủ tịch UBND tỉnh", unit_level=Level.PROVINCE, effective_from=datetime.date(2024, 1, 1)
    )
    AuthorityPower.objects.create(
        authority=chair, title=title, legal_basis="Luật TĐKT 2022, Điều 22", effective_from=datetime.date(2024, 1, 1)
    )
    decision = draft_decision(by=personas.secretary, unit=tree.province, authority=chair, period=make_period())
    person = make_person(unit=tree.sub, full_name="Nguyễn Văn An", position="Chuyên viên Văn phòng Sở Nội vụ")
    awarded = add_eligible(decision=decision, by=personas.secretary, person=person, title=title)
    sign_decision(
        decision=decision,
        by=personas.administrator,
        number="15/QĐ-UBND",
        decided_on=datetime.date(2027, 1, 15),
        signer_name="Hồ Văn Mười",
        signer_position="Chủ tịch UBND tỉnh",
    )
    return awarded


def test_revoking_on_a_phone_and_reading_the_register(phone, personas, award):  # noqa: F811
    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    phone.goto(reverse("emulation:award_revoke", args=[award.pk]))
    assert fits_the_screen(phone)
    phone.get_by_label("Lý do thu hồi, hủy bỏ").fill("Kê khai thành tích không trung thực")
    phone.get_by_label("Số quyết định hủy bỏ").fill("40/QĐ-UBND")
    phone.get_by_label("Ngày quyết định hủy bỏ").fill("2027-04-01")
    assert "Thu hồi khen thưởng không hoàn tác được" in phone.locator("[data-testid=stakes]").inner_text()
    phone.get_by_label("Tôi đã kiểm tra").check()
    phone.get_by_role("button", name="Lưu").click()
    phone.wait_for_url(f"**{reverse('emulation:award_detail', args=[award.pk])}")
    assert (
        "Quyết định hủy bỏ số 40/QĐ-UBND ngày 01/04/2027"
        in phone.locator("[data-testid=award-revocation]").inner_text()
    )
    assert fits_the_screen(phone)
    phone.context.clear_cookies()
    log_in(phone, personas.unit_head.email)
    phone.goto(reverse("emulation:awards"))
    assert "Nguyễn Văn An" in phone.content() and fits_the_screen(phone)
    assert "1 đã thu hồi" in phone.locator("[data-testid=revoked-count]").inner_text()
    phone.get_by_role("link", name="Nguyễn Văn An").click()
    assert "Kê khai thành tích không trung thực" in phone.content() and fits_the_screen(phone)
