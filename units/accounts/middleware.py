from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from units.permissions import role_paths


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Vietnamese unless the user chose English with the language switch (remembered in a cookie).

    The browser's Accept-Language is ignored on purpose: many office computers run an English browser, and
    everyone should still see the Vietnamese interface first.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class RequireTwoFactorMiddleware:
    """Holders of the roles in MFA_REQUIRED_ROLES (and superusers) must enrol TOTP before using anything but the
    account pages; and nobody signs in through the admin's own login form, which would skip the TOTP step."""

    allowed_prefixes = ("/accounts/", "/i18n/", "/static/", "/verify/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == reverse("admin:login"):
            query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
            return redirect(f"{reverse('account_login')}?{query}")
        user = request.user
        if (
            user.is_authenticated
            and not request.path_info.startswith(self.allowed_prefixes)
            and self.needs_enrolment(user)
        ):
            return self.ask_to_enrol(request)
        return self.get_response(request)

    @staticmethod
    def needs_enrolment(user) -> bool:
        required = set(settings.MFA_REQUIRED_ROLES)
        must = user.is_superuser or any(role in required for role, _path in role_paths(user))
        return must and not user.authenticator_set.filter(type="totp").exists()

    @staticmethod
    def ask_to_enrol(request):
        url = reverse("mfa_activate_totp")
        if getattr(request, "htmx", False):  # a fragment request would swap the whole activation page into a table
            return HttpResponseClientRedirect(url)
        messages.warning(
            request,
            _(
                "Vai trò của bạn bắt buộc dùng xác thực hai lớp. Hãy thêm tài khoản vào ứng dụng xác thực trên "
                "điện thoại (chạm “Mở bằng ứng dụng xác thực”, hoặc quét mã QR từ máy tính) rồi nhập mã 6 chữ số "
                "để kích hoạt trước khi tiếp tục."
            ),
        )
        return redirect(url)
