"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check must be relaxed here,
and only here.
"""

import os
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.urls import reverse

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


class _Chromium:
    """One Playwright driver and browser per process: a second sync_playwright() in the same thread fails, and test
    modules elsewhere import these fixtures (which registers them a second time)."""

    playwright = None
    browser = None
    users = 0


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: /usr/bin/chromium is missing")
        pytest.skip("no /usr/bin/chromium: browser tests skipped")
    if _Chromium.browser is None:
        from playwright.sync_api import sync_playwright

        _Chromium.playwright = sync_playwright().start()
        _Chromium.browser = _Chromium.playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    _Chromium.users += 1
    yield _Chromium.browser
    _Chromium.users -= 1
    if _Chromium.users == 0:
        _Chromium.browser.close()
        _Chromium.playwright.stop()
        _Chromium.browser = _Chromium.playwright = None


def csp_violations(page) -> list[str]:
    """What the browser refused under the Content-Security-Policy (an inline script, an eval…), as it reports it."""
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    return violations


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    refused = csp_violations(page)
    yield page
    context.close()
    assert refused == [], refused


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    refused = csp_violations(page)
    yield page
    context.close()
    assert refused == [], refused


def log_in(page, email: str, password: str = "mật-khẩu-Thử-1") -> None:
    """Through the real login form; lands wherever the app sends the user next."""
    page.goto(reverse("account_login"))
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: reverse("account_login") not in url)


def pass_totp_step(page, user) -> None:
    """Answer the second login step with the code the user's authenticator app would show."""
    code = page.locator("input[name=code]")
    code.fill(current_totp_code(user))
    code.press("Enter")
    page.wait_for_url(lambda url: "/accounts/2fa/" not in url)


def current_totp_code(user) -> str:
    """The code the user's authenticator app would show now, from the stored TOTP secret."""
    secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
