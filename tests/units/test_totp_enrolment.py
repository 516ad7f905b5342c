"""Enrolling TOTP on a phone: the password is asked once (at login), the otpauth:// link and the secret are offered
beside the QR code, and the recovery-codes page leads on to the home page."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

from tests.factories import enrol_totp, grant, make_user
from tests.units.test_accounts import code_for, totp_code
from units.models import Role

pytestmark = pytest.mark.django_db
PASSWORD = "mật-khẩu-Thử-1"
ACTIVATE = reverse("mfa_activate_totp")


def signed_in_secretary(client, tree):
    user = make_user(email="thu.ky@example.vn", password=PASSWORD)
    grant(user, Role.COUNCIL_SECRETARY, tree.province)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    return user


def test_the_activation_page_right_after_login_offers_the_link_and_the_secret(client, tree):
    signed_in_secretary(client, tree)
    response = client.get(ACTIVATE)
    assert response.status_code == 200
    secret = response.context["form"].secret
    link = urlsplit(response.context["totp_url"])
    assert link.scheme == "otpauth" and parse_qs(link.query)["secret"] == [secret]
    html = response.content.decode()
    assert f'href="{response.context["totp_url"]}"'.replace("&", "&amp;") in html
    assert "Mở bằng ứng dụng xác thực" in html
    assert (
        f'id="authenticator_secret" value="{secret}" readonly' in html and 'data-copy="#authenticator_secret"' in html
    )


def test_a_login_older_than_the_timeout_asks_for_the_password_again(client, tree):
    signed_in_secretary(client, tree)
    with time_machine.travel(time.time() + 301):
        response = client.get(ACTIVATE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))


def test_turning_totp_off_still_asks_for_the_password_right_after_login(client, tree):
    user = make_user(email="thu.ky@example.vn", password=PASSWORD)
    grant(user, Role.COUNCIL_SECRETARY, tree.province)
    with time_machine.travel(time.time() - 3600):
        enrol_totp(user)  # in an earlier session
    with time_machine.travel(time.time(), tick=False):
        client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
        client.post(reverse("mfa_authenticate"), {"code": totp_code(user)})
        assert client.get(reverse("home")).status_code == 200
        response = client.get(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]


def test_recovery_codes_right_after_enrolment_ask_no_password(client, tree):
    user = signed_in_secretary(client, tree)
    with time_machine.travel(time.time(), tick=False):
        secret = client.get(ACTIVATE).context["form"].secret
        response = client.post(ACTIVATE, {"code": code_for(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    page = client.get(reverse("mfa_view_recovery_codes"))
    assert page.status_code == 200 and user.authenticator_set.count() == 2
    assert client.get(reverse("home")).status_code == 200


def test_the_recovery_codes_page_leads_on_to_home(login, personas):
    RecoveryCodes.activate(personas.administrator)
    client = login(personas.administrator)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    html = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert f'href="{reverse("home")}" data-testid="codes-saved">Tôi đã lưu mã — tiếp tục</a>' in html


def test_outside_a_request_allauths_own_rule_applies():
    from units.accounts.adapters import ProvisionedAccountAdapter

    assert ProvisionedAccountAdapter().is_reauthentication_required(app="allauth.mfa") is True
