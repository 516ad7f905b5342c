"""Administrators of the province maintain the checklist, the violation types and the appeal window."""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import AppealPolicy, ChecklistItem, ViolationType
from tests.factories import make_user_with_role
from units.models import Role

pytestmark = pytest.mark.django_db


def urls(catalogue):
    return [
        reverse("evaluations:catalogue"),
        reverse("evaluations:catalogue_add", args=["item"]),
        reverse("evaluations:catalogue_edit", args=["item", catalogue.id01.pk]),
        reverse("evaluations:catalogue_add", args=["type"]),
        reverse("evaluations:catalogue_edit", args=["type", catalogue.badge_type.pk]),
        reverse("evaluations:catalogue_add", args=["policy"]),
    ]


def test_anonymous_is_sent_to_login(client, catalogue):
    for url in urls(catalogue):
        assert client.get(url)["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["unit_head", "clerk", "inspector", "council_member", "staff", "outsider"])
def test_other_roles_may_not_touch_the_catalogue(login, personas, catalogue, persona):
    client = login(getattr(personas, persona))
    for url in urls(catalogue):
        assert client.get(url).status_code == 403, url


def test_a_department_administrator_may_not_change_province_wide_rules(login, tree, catalogue):
    local_admin = make_user_with_role(Role.ADMINISTRATOR, tree.home)
    assert login(local_admin).get(reverse("evaluations:catalogue")).status_code == 403


def test_the_province_administrator_sees_every_item_with_its_type(login, personas, catalogue):
    html = login(personas.administrator).get(reverse("evaluations:catalogue")).content.decode()
    assert "ID-01" in html and "AL-01" in html and "VT-AL" in html and "nhạy cảm" in html


def test_the_administrator_adds_an_item_and_edits_a_violation_type(login, personas, catalogue):
    client = login(personas.administrator)
    data = {
        "code": "OF-05",
        "category": "office",
        "text": "Không phơi quần áo trong công sở",
        "position": 30,
        "active": "on",
        "violation_type": catalogue.badge_type.pk,
    }
    assert client.post(reverse("evaluations:catalogue_add", args=["item"]), data).status_code == 302
    assert ChecklistItem.objects.get(code="OF-05").violation_type == catalogue.badge_type
    edit = {
        "code": "VT-ID",
        "name": "Không đeo thẻ",
        "category": "badge",
        "severity": "serious",
        "default_deduction": "1,5",
        "legal_basis": "Chỉ thị 26/CT-TTg",
        "bars_person_titles": "on",
        "active": "on",
    }
    response = client.post(reverse("evaluations:catalogue_edit", args=["type", catalogue.badge_type.pk]), edit)
    assert response.status_code == 302
    changed = ViolationType.objects.get(pk=catalogue.badge_type.pk)
    assert (changed.severity, str(changed.default_deduction), changed.bars_person_titles) == ("serious", "1.50", True)


def test_a_new_appeal_window_applies_from_its_date(login, personas, catalogue):
    client = login(personas.administrator)
    assert AppealPolicy.objects.current().appeal_window_days == 7  # the default when nothing is recorded
    data = {"appeal_window_days": 10, "effective_from": "2025-01-01", "legal_basis": "QĐ 12/2025/QĐ-UBND"}
    assert client.post(reverse("evaluations:catalogue_add", args=["policy"]), data).status_code == 302
    assert AppealPolicy.objects.current().appeal_window_days == 10
    assert AppealPolicy.objects.current(on=datetime.date(2024, 6, 1)).appeal_window_days == 7
    refused = client.post(reverse("evaluations:catalogue_add", args=["policy"]), {**data, "appeal_window_days": 0})
    assert refused.status_code == 200 and AppealPolicy.objects.count() == 1
