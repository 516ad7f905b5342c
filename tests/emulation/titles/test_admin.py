import pytest
from django.urls import reverse

from emulation.models import PeriodStatus
from tests.emulation.factories import make_criterion, make_period, make_scheme
from tests.factories import enrol_totp, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    user = make_user(is_staff=True, is_superuser=True)
    enrol_totp(user)
    client.force_login(user)
    return client


def test_scheme_is_edited_with_its_rules_inline(superuser_client):
    scheme = make_scheme(make_period())
    make_criterion(scheme, name="Tổ chức phát động phong trào")
    page = superuser_client.get(reverse("admin:emulation_scoringscheme_change", args=[scheme.pk])).content.decode()
    for inline in ("nhóm tiêu chí", "quy tắc trừ điểm", "điểm thưởng", "mức xếp loại", "điều kiện loại trừ"):
        assert inline in page.lower(), inline
    group = scheme.groups.get()
    assert superuser_client.get(reverse("admin:emulation_criteriongroup_change", args=[group.pk])).status_code == 200


def test_a_finalized_periods_scheme_is_read_only_in_the_admin(superuser_client):
    scheme = make_scheme(make_period(status=PeriodStatus.FINALIZED))
    url = reverse("admin:emulation_scoringscheme_change", args=[scheme.pk])
    response = superuser_client.post(url, {"name": "Đổi tên", "max_total": "100", "bonus_cap": "10"})
    scheme.refresh_from_db()
    assert scheme.name != "Đổi tên"
    assert response.status_code == 403
