"""Every error page is Vietnamese, inside the site's layout, and says what to do next."""

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.test import Client, override_settings
from django.urls import path

from config.urls import urlpatterns as project_urls


def _forbidden(request):
    raise PermissionDenied


def _bad(request):
    raise BadRequest


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("test-errors/403/", _forbidden),
    path("test-errors/400/", _bad),
    path("test-errors/500/", _broken),
    *project_urls,
]


def _assert_vietnamese_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert heading in html
    assert "Về trang chủ" in html  # what to do next
    assert 'class="navbar' in html  # the site's layout, not Django's bare page
    assert "Not Found" not in html and "Server Error" not in html


@pytest.mark.django_db
def test_a_forged_verification_link_shows_a_vietnamese_not_found_page(client):
    response = client.get("/verify/forged-token-123/")
    _assert_vietnamese_page(response, 404, "Không tìm thấy trang")
    assert "mã QR" in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_refused_action_shows_a_vietnamese_forbidden_page(client):
    _assert_vietnamese_page(client.get("/test-errors/403/"), 403, "Không có quyền truy cập")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_malformed_request_shows_a_vietnamese_bad_request_page(client):
    _assert_vietnamese_page(client.get("/test-errors/400/"), 400, "Yêu cầu không hợp lệ")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_shows_a_vietnamese_server_error_page_without_a_request_context(personas):
    client = Client(raise_request_exception=False)
    client.force_login(personas.staff)
    _assert_vietnamese_page(client.get("/test-errors/500/"), 500, "Lỗi hệ thống")


@pytest.mark.django_db
def test_too_many_verifications_show_the_vietnamese_rate_limit_page(client, settings):
    settings.VERIFY_RATE_LIMIT_PER_MINUTE = 0
    _assert_vietnamese_page(client.get("/verify/anything/"), 429, "Quá nhiều yêu cầu")
