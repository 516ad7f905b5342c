"""Every model registered in the Django admin opens its list (and its add form where adding is allowed)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import enrol_totp, make_user

pytestmark = pytest.mark.django_db


def test_every_admin_list_opens_for_a_superuser(client, personas):
    superuser = make_user(email="root@example.vn", is_superuser=True, is_staff=True)
    enrol_totp(superuser)
    client.force_login(superuser)
    broken = []
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        urls = [reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")]
        if model_admin.has_add_permission(_request(superuser)):
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        broken += [url for url in urls if client.get(url).status_code != 200]
    assert not broken


def test_staff_without_admin_rights_cannot_open_the_admin(client, personas):
    client.force_login(personas.unit_head)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request
