import datetime
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from django.conf import settings
from django.utils.translation import gettext as _


class ProvisionedAccountAdapter(DefaultAccountAdapter):
    """Accounts are created by administrators; nobody signs themselves up."""

    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Enrolling two-factor authentication (the activation, then the recovery codes) within minutes of a password
        login that had none does not ask for the password again; every other sensitive step still asks."""
        request = context.request
        if app == "allauth.mfa" and request is not None and request.user.is_authenticated:
            signed_in_at = password_login_time(request)
            # a float timestamp read back may round up a microsecond: an authenticator made with the login's own clock
            # reading must not count as made before it
            before = datetime.datetime.fromtimestamp(signed_in_at, tz=datetime.UTC) - datetime.timedelta(milliseconds=1)
            enrolling = not request.user.authenticator_set.filter(created_at__lt=before).exists()
            if time.time() - signed_in_at < account_settings.REAUTHENTICATION_TIMEOUT and enrolling:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def format_email_subject(self, subject) -> str:
        return f"[{_('Thi Đua')}] {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails greet from the application and its address, not from the Sites row ("example.com")."""
        site = SimpleNamespace(name=_("Thi Đua"), domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(template_prefix, email, {"current_site": site, **context})

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed logins are counted per account *and* client address: one address (a scanner, or everyone behind
        one proxy) cannot lock an account out for the others. allauth's per-address limit still applies."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{self.get_client_ip(request)}"


def password_login_time(request) -> float:
    """When this session signed in with the password (a Unix time; 0 when it did not)."""
    logins = [r["at"] for r in get_authentication_records(request, request.user) if r.get("method") == "password"]
    return logins[-1] if logins else 0.0
