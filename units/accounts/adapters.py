from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import gettext as _


class ProvisionedAccountAdapter(DefaultAccountAdapter):
    """Accounts are created by administrators; nobody signs themselves up."""

    def is_open_for_signup(self, request):
        return False

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
