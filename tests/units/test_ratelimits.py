"""Rate limits that hold behind a proxy: the client is the address our trusted proxies saw, counters live in the
shared cache, and failed logins lock an account out only for the address that failed."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests.units.test_accounts import PASSWORD, failures_before_lockout, is_signed_in
from units.accounts.ratelimits import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


def from_address(client, address: str, *, proxy: str = PROXY):
    """Requests arriving through our proxy at `proxy`, which appends the address it saw to X-Forwarded-For."""
    client.defaults.update(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {address}")
    return client


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_without_trusted_proxies_the_client_is_the_socket_address_and_a_forged_header_is_ignored(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "203.0.113.9"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_client_is_the_address_that_proxy_saw(rf):
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"  # the forged leftmost entry is not believed


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1, VERIFY_RATE_LIMIT_PER_MINUTE=3)
def test_one_scanner_behind_the_proxy_does_not_use_up_the_verify_limit_of_the_others(client):
    scanner = from_address(client, "198.51.100.66")
    codes = [scanner.get("/verify/unknown-token/").status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    neighbour = from_address(client, "198.51.100.7")
    assert neighbour.get("/verify/unknown-token/").status_code == 404


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_failed_logins_from_one_address_do_not_lock_the_account_out_elsewhere(client, personas):
    attacker = from_address(client, "198.51.100.66")
    for _ in range(failures_before_lockout()):
        sign_in(attacker, personas.staff.email, "sai")
    assert "quá nhiều lần" in sign_in(attacker, personas.staff.email).content.decode()
    owner = from_address(client, "198.51.100.7")
    assert sign_in(owner, personas.staff.email).status_code == 302
    assert is_signed_in(owner)


@pytest.mark.parametrize(
    ("url", "backend"),
    [("", "LocMemCache"), ("redis://127.0.0.1:6379/11", "RedisCache")],
)
def test_the_cache_is_redis_when_cache_url_is_set(monkeypatch, url, backend):
    import importlib

    import config.settings as project_settings

    monkeypatch.setenv("CACHE_URL", url)
    try:
        assert importlib.reload(project_settings).CACHES["default"]["BACKEND"].endswith(backend)
    finally:
        monkeypatch.delenv("CACHE_URL")
        importlib.reload(project_settings)
