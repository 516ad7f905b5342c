"""Eligibility pages: access for every view, running, filtering, and the reasons a user reads."""

import datetime

import pytest
from django.urls import reverse

from emulation.eligibility.engine import run_eligibility
from emulation.models import EligibilityResult, PledgeStatus
from evaluations.models import AnnualRating, DisciplineRecord
from tests.emulation.eligibility.helpers import register, title
from tests.emulation.factories import make_period, make_pledge
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tree, personas):
    """Two people of Sở Nội vụ registered for LĐTT (one rated too low) and one of Sở Tài chính."""
    period = make_period()
    pledge = make_pledge(unit=tree.home, period=period, status=PledgeStatus.SUBMITTED)
    good = make_person(unit=tree.home, full_name="Hà Thị Tốt")
    low = make_person(unit=tree.home, full_name="Lý Văn Thấp")
    AnnualRating.objects.create(person=good, year=2026, rating="httnv")
    AnnualRating.objects.create(person=low, year=2026, rating="htnv")
    DisciplineRecord.objects.create(person=low, form="khien_trach", decided_on=datetime.date(2026, 5, 12))
    register(pledge, good, "LDTT")
    register(pledge, low, "LDTT")
    elsewhere = make_pledge(unit=tree.other, period=period, status=PledgeStatus.SUBMITTED)
    far = make_person(unit=tree.other, full_name="Trịnh Văn Xa")
    register(elsewhere, far, "LDTT")
    run_eligibility(period=period)
    return period, EligibilityResult.objects.get(person=low), EligibilityResult.objects.get(person=far)


def urls(period, result):
    return [
        reverse("emulation:eligibility_results", args=[period.pk]),
        reverse("emulation:eligibility_detail", args=[result.pk]),
    ]


def test_anonymous_is_sent_to_login_from_every_eligibility_page(client, setup):
    period, low, _ = setup
    for url in [*urls(period, low), reverse("emulation:eligibility_run", args=[period.pk])]:
        response = client.post(url) if url.endswith("/run/") else client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_an_outsider_sees_neither_the_period_results_of_others_nor_their_detail(setup, personas, login):
    period, low, far = setup
    client = login(personas.outsider)
    page = client.get(reverse("emulation:eligibility_results", args=[period.pk])).content.decode()
    assert "Lý Văn Thấp" not in page and "Trịnh Văn Xa" in page
    assert client.get(reverse("emulation:eligibility_detail", args=[low.pk])).status_code == 404


def test_a_unit_head_sees_the_units_people_with_every_reason(setup, personas, login):
    period, low, _ = setup
    client = login(personas.unit_head)
    page = client.get(reverse("emulation:eligibility_results", args=[period.pk])).content.decode()
    assert "Hà Thị Tốt" in page and "Lý Văn Thấp" in page and "Trịnh Văn Xa" not in page
    detail = client.get(reverse("emulation:eligibility_detail", args=[low.pk])).content.decode()
    assert "Chưa đủ điều kiện" in detail
    assert "Bị kỷ luật khiển trách ngày 12/05/2026 — không đủ điều kiện Lao động tiên tiến" in detail
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 24 khoản 1 điểm a" in detail


def test_staff_read_their_own_result_only(setup, personas, login):
    period, low, _ = setup
    pledge = low.person.registrations.get().pledge
    register(pledge, personas.staff.person, "LDTT")
    run_eligibility(period=period)
    own = EligibilityResult.objects.get(person=personas.staff.person)
    low = EligibilityResult.objects.get(person=low.person)
    client = login(personas.staff)
    assert client.get(reverse("emulation:eligibility_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("emulation:eligibility_detail", args=[low.pk])).status_code == 404
    assert client.get(reverse("emulation:eligibility_results", args=[period.pk])).status_code == 404


def test_filters_narrow_the_results_by_outcome_title_and_unit(setup, personas, login, tree):
    period, _, _ = setup
    client = login(personas.administrator)
    url = reverse("emulation:eligibility_results", args=[period.pk])
    not_met = client.get(url, {"met": "no"}).content.decode()
    assert "Lý Văn Thấp" in not_met and "Hà Thị Tốt" not in not_met
    by_unit = client.get(url, {"unit": tree.other.pk}).content.decode()
    assert "Trịnh Văn Xa" in by_unit and "Hà Thị Tốt" not in by_unit
    by_title = client.get(url, {"title": title("TTLDTT").pk}).content.decode()
    assert "Chưa có kết quả xét điều kiện" in by_title


def test_only_administrators_run_the_engine(setup, personas, login):
    period, _, _ = setup
    url = reverse("emulation:eligibility_run", args=[period.pk])
    assert login(personas.unit_head).post(url).status_code == 403
    EligibilityResult.objects.all().delete()
    response = login(personas.administrator).post(url, follow=True)
    assert "Đã xét điều kiện cho 3 đối tượng." in response.content.decode()
    assert EligibilityResult.objects.filter(period=period, met=True).count() == 1  # the other has no rating


def test_the_index_counts_only_the_results_the_user_reads(setup, personas, login, client):
    period, _, _ = setup
    url = reverse("emulation:eligibility")
    assert "login" in client.get(url).url
    assert login(personas.staff).get(url).status_code == 403
    page = login(personas.unit_head).get(url).content.decode()
    assert period.name in page
    assert "1 đủ điều kiện" in page and "1 chưa đủ" in page  # Sở Nội vụ only: one met, one reprimanded
