"""On a 390-px phone a council secretary's first login enrols TOTP: no second password prompt, the otpauth:// link
and the secret beside the QR code, the recovery codes, then on to the home page — with no serious axe finding."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.axe import serious_findings
from tests.e2e.conftest import browser, log_in, phone  # noqa: F401  (fixtures)
from tests.factories import grant, make_user
from tests.units.test_accounts import code_for
from units.models import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_secretary_enrols_totp_on_a_phone_and_lands_on_home(phone, tree):  # noqa: F811
    user = make_user(email="thu.ky@example.vn", full_name="Hoàng Thư Ký")
    grant(user, Role.COUNCIL_SECRETARY, tree.province)
    log_in(phone, user.email)
    phone.goto(reverse("home"))
    expect(phone).to_have_url(re.compile(reverse("mfa_activate_totp") + "$"))  # not the password again
    expect(phone.get_by_label("Mật khẩu")).to_have_count(0)

    link = phone.get_by_role("link", name="Mở bằng ứng dụng xác thực")
    expect(link).to_be_visible()
    assert link.get_attribute("href").startswith("otpauth://totp/")
    secret = phone.locator("#authenticator_secret").input_value()
    assert f"secret={secret}" in link.get_attribute("href")
    expect(phone.get_by_role("button", name="Sao chép")).to_be_visible()
    findings = serious_findings(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    phone.locator("input[name=code]").fill(code_for(secret))
    phone.get_by_role("button", name="Kích hoạt").click()
    expect(phone).to_have_url(re.compile(reverse("mfa_view_recovery_codes") + "$"))
    expect(phone.locator("#recovery_codes")).to_be_visible()
    findings += serious_findings(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("link", name="Tôi đã lưu mã — tiếp tục").click()
    expect(phone.get_by_role("heading", name="Xin chào, Hoàng Thư Ký")).to_be_visible()
    assert not findings, findings
