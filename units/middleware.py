from django.conf import settings
from django.shortcuts import redirect

from units.permissions import role_paths


class RequireTwoFactorMiddleware:
    """Holders of the roles in MFA_REQUIRED_ROLES must enrol TOTP before using anything but the account pages."""

    allowed_prefixes = ("/accounts/", "/i18n/", "/static/", "/verify/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not request.path.startswith(self.allowed_prefixes) and self.needs_enrolment(user):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def needs_enrolment(user) -> bool:
        required = set(settings.MFA_REQUIRED_ROLES)
        must = user.is_superuser or any(role in required for role, _ in role_paths(user))
        return must and not user.authenticator_set.filter(type="totp").exists()
