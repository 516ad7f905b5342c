"""Accounts: allauth in Vietnamese, no sign-up, rate-limited logins, password reset by e-mail, TOTP for some roles."""

import re
import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import enrol_totp, grant, make_person, make_user
from tests.units.test_i18n import allauth_entries, visible_texts
from units.models import Role, User

pytestmark = pytest.mark.django_db

PASSWORD = "mật-khẩu-Thử-1"  # the factories' default
HOME = reverse("home")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and used TOTP codes live in the cache: no test may see another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen_clock():
    """A TOTP code is valid for one 30-second window; the clock stands still so the window cannot roll over."""
    with time_machine.travel(time.time(), tick=False):
        yield


# --- helpers ------------------------------------------------------------------------------------------------


def _english_patterns() -> tuple[set[str], list[str]]:
    """allauth's English msgids as whole texts, and the longer fragments between placeholders and tags."""
    whole, fragments = set(), []
    for entry in allauth_entries():
        for msgid in filter(None, (entry["id"], entry["plural"])):
            text = re.sub(r"<[^>]+>", "\x00", msgid)
            parts = [" ".join(p.split()).strip(" :.") for p in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|\x00", text)]
            if len(parts) == 1:
                whole.add(parts[0])
            fragments += [p for p in parts if len(p.split()) >= 3]
    return whole, fragments


ENGLISH_WHOLE, ENGLISH_FRAGMENTS = _english_patterns()


def untranslated(html: str) -> list[str]:
    """Visible texts of a page that are still allauth's English."""
    found = []
    for text in visible_texts(html):
        bare = text.removesuffix("*").strip(" :.")
        if bare in ENGLISH_WHOLE or any(fragment in text for fragment in ENGLISH_FRAGMENTS):
            found.append(text)
    return found


def assert_vietnamese(response, *expected: str) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert untranslated(html) == []
    texts = " ".join(visible_texts(html))
    for phrase in expected:
        assert phrase in texts
    return html


def totp_code(user: User) -> str:
    secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
    return code_for(secret)


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10 ** len(code):0{len(code)}}"


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def reauthenticate(client, password: str = PASSWORD, url: str = reverse("account_reauthenticate")):
    response = client.post(url, {"password": password})
    assert response.status_code == 302
    return response


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def reset_link(message) -> str:
    return re.search(r"https?://\S+/password/reset/key/\S+/", message.body).group(0)


# --- every allauth page, in Vietnamese ----------------------------------------------------------------------


def test_the_untranslated_text_check_catches_english_allauth_pages(client):
    """The check used below does find allauth's English when the page is not translated."""
    client.post(reverse("set_language"), {"language": "en"})
    html = client.get(reverse("account_reset_password")).content.decode()
    assert "Password Reset" in untranslated(html)
    assert any("Forgotten your password?" in text for text in untranslated(html))


def anonymous_pages(client, personas):
    staff = personas.staff
    yield "login", client.get(reverse("account_login")), ["Đăng nhập", "Mật khẩu", "Quên mật khẩu?"]
    yield (
        "login with a wrong password",
        sign_in(client, staff.email, "sai-mật-khẩu"),
        ["Địa chỉ e-mail hoặc mật khẩu không đúng."],
    )
    yield "sign-up closed", client.get(reverse("account_signup")), ["Không mở đăng ký"]
    yield "password reset", client.get(reverse("account_reset_password")), ["Đặt lại mật khẩu"]
    yield (
        "password reset, bad address",
        client.post(reverse("account_reset_password"), {"email": "không-phải-e-mail"}),
        ["Đặt lại mật khẩu"],
    )
    yield "password reset sent", client.get(reverse("account_reset_password_done")), ["hộp thư rác"]
    client.post(reverse("account_reset_password"), {"email": staff.email})
    yield "new password form", client.get(reset_link(mail.outbox[-1]), follow=True), ["Mật khẩu mới"]
    bad = reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "hỏng-rồi"})
    yield "bad reset link", client.get(bad), ["Liên kết không hợp lệ"]
    yield "password reset done", client.get(reverse("account_reset_password_from_key_done")), ["Đổi mật khẩu"]
    yield "inactive account", client.get(reverse("account_inactive")), ["Tài khoản này đã bị vô hiệu hóa."]
    sign_in(client, personas.administrator.email)
    yield "TOTP step", client.get(reverse("mfa_authenticate")), ["Xác thực hai lớp", "mã khôi phục"]
    code = totp_code(personas.administrator)
    yield "TOTP step, wrong code", client.post(reverse("mfa_authenticate"), {"code": wrong(code)}), ["Mã không đúng."]


def signed_in_pages(client, personas):
    client.force_login(personas.staff)
    yield "sign out", client.get(reverse("account_logout")), ["Bạn có chắc muốn đăng xuất?"]
    yield "change password", client.get(reverse("account_change_password")), ["Mật khẩu hiện tại"]
    yield (
        "change password, wrong current one",
        client.post(reverse("account_change_password"), {"oldpassword": "sai", "password1": "x", "password2": "y"}),
        ["Vui lòng nhập mật khẩu hiện tại."],
    )
    yield "e-mail addresses", client.get(reverse("account_email")), ["Địa chỉ e-mail"]
    yield "confirm access", client.get(reverse("account_reauthenticate")), ["Xác nhận quyền truy cập"]
    yield "two-factor, none yet", client.get(reverse("mfa_index")), ["Chưa bật ứng dụng xác thực."]
    reauthenticate(client)
    yield "activate TOTP", client.get(reverse("mfa_activate_totp")), ["Kích hoạt ứng dụng xác thực", "Khóa bí mật"]
    yield (
        "activate TOTP, wrong code",
        client.post(reverse("mfa_activate_totp"), {"code": "000000x"}),
        ["Mã không đúng."],
    )
    provisioned = User.objects.create_user(email="moi@example.vn", password=None)
    client.force_login(provisioned)
    yield "set password", client.get(reverse("account_set_password")), ["Đặt mật khẩu"]

    admin = personas.administrator
    RecoveryCodes.activate(admin)
    client.force_login(admin)
    yield "two-factor, active", client.get(reverse("mfa_index")), ["Mã khôi phục", "Tắt"]
    yield "confirm access by code", client.get(reverse("mfa_reauthenticate")), ["Nhập mã xác thực:"]
    reauthenticate(client)
    yield "deactivate TOTP", client.get(reverse("mfa_deactivate_totp")), ["Tắt ứng dụng xác thực"]
    yield "recovery codes", client.get(reverse("mfa_view_recovery_codes")), ["Mã chưa dùng", "Tải mã xuống"]
    yield "new recovery codes", client.get(reverse("mfa_generate_recovery_codes")), ["Tạo mã"]


@pytest.mark.parametrize("pages", [anonymous_pages, signed_in_pages])
def test_every_allauth_page_is_in_vietnamese(client, personas, frozen_clock, pages):
    names = []
    for name, response, expected in pages(client, personas):
        try:
            assert_vietnamese(response, *expected)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from error
        names.append(name)
    assert len(names) >= 10


def test_the_password_reset_email_is_vietnamese(client, personas):
    client.post(reverse("account_reset_password"), {"email": personas.staff.email})
    message = mail.outbox[-1]
    assert message.to == [personas.staff.email]
    assert message.subject == "[Thi Đua] Đặt mật khẩu tài khoản"
    assert "Bấm vào liên kết dưới đây để đặt mật khẩu mới." in message.body
    assert "example.com" not in message.body
    for text in (message.subject, *message.body.splitlines()):
        assert not any(fragment in text for fragment in ENGLISH_FRAGMENTS), text
        assert text.strip(" :.!") not in ENGLISH_WHOLE, text


def test_a_reset_request_for_an_unknown_address_points_to_the_administrators(client, tree):
    client.post(reverse("account_reset_password"), {"email": "ai-do@example.vn"})
    body = mail.outbox[-1].body
    assert "hệ thống không có tài khoản nào như vậy" in body
    assert "liên hệ quản trị viên" in body
    assert "/accounts/signup/" not in body


# --- no public sign-up --------------------------------------------------------------------------------------


def test_nobody_can_sign_up(client, tree):
    before = User.objects.count()
    form = {"email": "tu-dang-ky@example.vn", "password1": "Mật-khẩu-dài-2026", "password2": "Mật-khẩu-dài-2026"}
    for response in (client.get(reverse("account_signup")), client.post(reverse("account_signup"), form)):
        assert_vietnamese(response, "Rất tiếc, hệ thống hiện không cho phép tự đăng ký tài khoản.")
    assert User.objects.count() == before
    assert not is_signed_in(client)


def test_the_login_page_does_not_invite_to_sign_up(client):
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("account_signup") not in html
    assert "Tài khoản do quản trị viên cấp" in html


# --- signing in ---------------------------------------------------------------------------------------------


def test_signing_in_with_email_and_a_password_with_diacritics(client, tree):
    user = make_user(email="tra.nguyen@example.vn", password="Mật-khẩu-Đắk-Nông-2026")
    response = sign_in(client, "Tra.Nguyen@Example.vn", "Mật-khẩu-Đắk-Nông-2026")
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Đăng nhập thành công" in client.get(HOME).content.decode()


def test_a_wrong_password_is_refused_in_vietnamese(client, personas):
    response = sign_in(client, personas.staff.email, "mật-khẩu-thử-1")  # wrong case
    assert_vietnamese(response, "Địa chỉ e-mail hoặc mật khẩu không đúng.")
    assert not is_signed_in(client)


def failures_before_lockout() -> int:
    """The tightest of the configured login_failed rates, e.g. "10/m/ip,5/5m/key" → 5."""
    rates = settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")
    return min(int(rate.split("/")[0]) for rate in rates)


def test_the_right_password_still_works_just_before_the_limit(client, personas):
    for _ in range(failures_before_lockout() - 1):
        sign_in(client, personas.staff.email, "sai")
    assert sign_in(client, personas.staff.email).status_code == 302
    assert is_signed_in(client)


def test_after_too_many_failures_even_the_right_password_is_refused(client, personas):
    for _ in range(failures_before_lockout()):
        assert sign_in(client, personas.staff.email, "sai").status_code == 200
    response = sign_in(client, personas.staff.email)
    assert_vietnamese(response, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.")
    assert not is_signed_in(client)


def test_a_user_with_totp_must_pass_the_code_step(client, tree, frozen_clock):
    user = make_user()
    secret = enrol_totp(user)
    response = sign_in(client, user.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert not is_signed_in(client)
    assert client.get(HOME)["Location"].startswith(reverse("account_login"))

    code = code_for(secret)
    response = client.post(reverse("mfa_authenticate"), {"code": wrong(code)})
    assert_vietnamese(response, "Mã không đúng.")
    assert not is_signed_in(client)

    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(HOME).status_code == 200


def test_a_recovery_code_also_passes_the_code_step(client, tree):
    user = make_user()
    enrol_totp(user)
    code = RecoveryCodes.activate(user).get_unused_codes()[0]
    sign_in(client, user.email)
    assert client.post(reverse("mfa_authenticate"), {"code": code})["Location"] == HOME
    assert is_signed_in(client)


def test_the_admin_login_form_cannot_skip_the_totp_step(client, personas):
    response = client.get("/admin/login/?next=/admin/units/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2Funits%2F"


# --- two-factor required for administrators and the council -------------------------------------------------


ENROL_MESSAGE = "Vai trò của bạn bắt buộc dùng xác thực hai lớp."


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY])
def test_roles_that_need_totp_are_sent_to_enrol_from_any_app_page(login, tree, role):
    user = make_user()
    grant(user, role, tree.province)
    client = login(user)
    for page in (HOME, reverse("units:profile"), reverse("units:notifications"), reverse("units:units")):
        response = client.get(page)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp"), page
    response = client.get(HOME, follow=True)
    assert ENROL_MESSAGE in response.content.decode()


def test_a_superuser_without_a_role_must_enrol_too(login, tree):
    user = make_user(is_superuser=True, is_staff=True)
    assert login(user).get(HOME)["Location"] == reverse("mfa_activate_totp")


def test_an_htmx_request_is_redirected_as_a_whole_page(login, tree):
    user = make_user()
    grant(user, Role.COUNCIL_MEMBER, tree.province)
    response = login(user).get(reverse("units:notifications"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("mfa_activate_totp")


def test_account_pages_and_sign_out_stay_open_before_enrolment(login, tree):
    user = make_user()
    grant(user, Role.ADMINISTRATOR, tree.province)
    client = login(user)
    for name in ("account_change_password", "account_email", "mfa_index", "account_reauthenticate"):
        assert client.get(reverse(name)).status_code == 200, name
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert not is_signed_in(client)


@pytest.mark.parametrize("persona", ["staff", "unit_head", "clerk", "inspector"])
def test_other_roles_are_not_forced_to_enrol(login, personas, persona):
    assert login(getattr(personas, persona)).get(HOME).status_code == 200


def test_first_sign_in_enrols_totp_through_allauth_and_then_reaches_home(client, tree, frozen_clock):
    user = make_user(email="thu.ky@example.vn")
    grant(user, Role.COUNCIL_SECRETARY, tree.province)
    assert sign_in(client, user.email)["Location"] == HOME

    response = client.get(HOME, follow=True)  # → activation, without asking the password just typed again
    assert response.redirect_chain == [(reverse("mfa_activate_totp"), 302)]
    assert_vietnamese(response, ENROL_MESSAGE, "Kích hoạt ứng dụng xác thực")
    secret = response.context["form"].secret
    assert client.post(reverse("mfa_activate_totp"), {"code": wrong(code_for(secret))}).status_code == 200
    assert client.get(HOME).status_code == 302  # still not enrolled

    response = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    codes = RecoveryCodes(Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES))
    unused = codes.get_unused_codes()
    assert len(unused) == mfa_settings.RECOVERY_CODE_COUNT
    page = assert_vietnamese(client.get(reverse("mfa_view_recovery_codes")), "Mã chưa dùng", "Tải mã xuống")
    assert all(code in page for code in unused)
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download.content.decode().split() == unused

    assert client.get(HOME).status_code == 200


def test_an_invited_council_secretary_sets_a_password_and_can_enrol(login, personas, tree, frozen_clock):
    """The invitation is a password-reset e-mail, which leaves the address unverified; enrolment must still work."""
    person = make_person(unit=tree.province, full_name="Hoàng Văn Mới")
    login(personas.administrator).post(reverse("units:person_invite", args=[person.pk]), {"email": "moi@example.vn"})
    user = User.objects.get(email="moi@example.vn")
    grant(user, Role.COUNCIL_SECRETARY, tree.province)

    invitee = Client()
    page = invitee.get(reset_link(mail.outbox[-1]), follow=True)
    invitee.post(page.wsgi_request.path, {"password1": "Mật-khẩu-Hội-đồng-1", "password2": "Mật-khẩu-Hội-đồng-1"})
    assert EmailAddress.objects.filter(user=user, verified=False).exists()
    assert sign_in(invitee, user.email, "Mật-khẩu-Hội-đồng-1")["Location"] == HOME
    reauthenticate(invitee, "Mật-khẩu-Hội-đồng-1")
    secret = invitee.get(reverse("mfa_activate_totp")).context["form"].secret
    invitee.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert invitee.get(HOME).status_code == 200


# --- password reset and change ------------------------------------------------------------------------------


def test_password_reset_link_lets_the_user_set_a_password_and_sign_in(client, personas):
    staff = personas.staff
    response = client.post(reverse("account_reset_password"), {"email": staff.email})
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1

    response = client.get(reset_link(mail.outbox[0]), follow=True)
    assert_vietnamese(response, "Đổi mật khẩu", "Mật khẩu mới")
    new = "Mật-khẩu-mới-Gia-Nghĩa-2026"
    response = client.post(response.wsgi_request.path, {"password1": new, "password2": new})
    assert response["Location"] == reverse("account_reset_password_from_key_done")

    assert sign_in(client, staff.email, PASSWORD).status_code == 200  # the old one no longer works
    assert sign_in(client, staff.email, new)["Location"] == HOME
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_a_used_reset_link_is_refused(client, personas):
    client.post(reverse("account_reset_password"), {"email": personas.staff.email})
    link = reset_link(mail.outbox[0])
    page = client.get(link, follow=True)
    client.post(page.wsgi_request.path, {"password1": "Mật-khẩu-mới-2026", "password2": "Mật-khẩu-mới-2026"})
    assert_vietnamese(client.get(link, follow=True), "Liên kết không hợp lệ")


def test_changing_the_password_says_so_in_vietnamese(login, personas):
    client = login(personas.staff)
    new = "Mật-khẩu-khác-2026"
    response = client.post(
        reverse("account_change_password"), {"oldpassword": PASSWORD, "password1": new, "password2": new}, follow=True
    )
    assert "Đổi mật khẩu thành công." in response.content.decode()
    personas.staff.refresh_from_db()
    assert personas.staff.check_password(new)


def test_changing_the_password_is_confirmed_by_a_vietnamese_email(login, personas):
    client = login(personas.unit_head)
    mail.outbox.clear()
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "mật-khẩu-Thử-1", "password1": "Mật-khẩu-mới-2026!", "password2": "Mật-khẩu-mới-2026!"},
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["head@example.vn"]
    assert "Mật khẩu của bạn đã được thay đổi." in message.body
    assert "Password" not in message.subject
