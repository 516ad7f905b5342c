"""The province dashboard: its numbers against hand-counted data, who may open it, what it shows, and its cost."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from emulation.models import Band, PeriodStatus, PledgeStatus
from emulation.rankings import dashboard
from evaluations.models import ViolationCategory, ViolationStatus
from tests.emulation.factories import make_movement, make_period, make_pledge, make_scheme
from tests.factories import make_bloc, make_score, make_unit, make_user_with_role, make_violation, make_violation_type
from units.models import Role

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


def make_year(movement, year, status):
    period = make_period(
        movement=movement,
        name=f"Năm {year}",
        status=status,
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        registration_deadline=at(year, 1, 31),
    )
    return period


@pytest.fixture
def world(tree):
    movement = make_movement(name="Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở")
    old, current = make_year(movement, 2024, PeriodStatus.FINALIZED), make_year(movement, 2025, PeriodStatus.REVIEW)
    justice, building = (
        make_unit(name="Sở Tư pháp", parent=tree.province),
        make_unit(name="Sở Xây dựng", parent=tree.province),
    )
    make_bloc(old, [tree.home, justice], name="Khối các sở 2024")
    make_bloc(current, [tree.home, justice, building], name="Khối các sở, ban, ngành")
    make_pledge(unit=tree.home, period=old, status=PledgeStatus.ACCEPTED)
    make_pledge(unit=justice, period=old, status=PledgeStatus.ACCEPTED)
    make_pledge(unit=tree.home, period=current, status=PledgeStatus.ACCEPTED)
    make_pledge(unit=justice, period=current, status=PledgeStatus.SUBMITTED, is_late=True)
    make_pledge(unit=building, period=current, status=PledgeStatus.DRAFT)
    make_pledge(unit=tree.other, period=current, status=PledgeStatus.SUBMITTED)  # not in a bloc: not expected
    badge, alcohol = make_violation_type(category=ViolationCategory.BADGE), make_violation_type(category="alcohol")
    dress = make_violation_type(category=ViolationCategory.DRESS)
    upheld = ViolationStatus.UPHELD
    make_violation(unit=tree.home, type=badge, occurred_at=at(2025, 3, 3), status=upheld)
    make_violation(unit=tree.sub, type=badge, occurred_at=at(2025, 3, 28), status=upheld)
    make_violation(unit=justice, type=alcohol, occurred_at=at(2025, 3, 12), status=upheld)
    make_violation(unit=tree.home, type=dress, occurred_at=at(2025, 7, 1), status=upheld)
    make_violation(unit=tree.home, type=dress, occurred_at=at(2025, 7, 2), status=ViolationStatus.DISMISSED)
    make_violation(unit=tree.home, type=dress, occurred_at=at(2025, 7, 3), status=ViolationStatus.RECORDED)
    make_violation(unit=tree.home, type=dress, occurred_at=at(2024, 7, 3), status=upheld)
    scheme = make_scheme(current, min_inspections=2)
    excellent = Band.objects.create(scheme=scheme, code="XS", name="Xuất sắc", min_total=Decimal("90"))
    good = Band.objects.create(scheme=scheme, code="T", name="Tốt", min_total=Decimal("80"))
    make_score(tree.home, current, total=Decimal("95"), band=excellent, rank=1, inspection_count=3)
    make_score(justice, current, total=Decimal("84.5"), band=good, rank=2, inspection_count=2)
    make_score(building, current, total=Decimal("91"), band=excellent, insufficient_evidence=True, inspection_count=1)
    make_score(make_unit(name="Sở Y tế", parent=tree.province), current, total=Decimal("62"))
    return SimpleNamespace(movement=movement, old=old, current=current, justice=justice, building=building)


# --- the numbers ----------------------------------------------------------------------------------------------------


def test_registration_by_deadline_counts_bloc_members_on_time_late_and_missing(personas, world):
    rows = dashboard.registration_by_deadline(personas.administrator, world.movement)
    assert [(r.period.name, r.expected, r.on_time, r.late, r.missing, r.on_time_rate) for r in rows] == [
        ("Năm 2024", 2, 2, 0, 0, 100.0),
        ("Năm 2025", 3, 1, 1, 1, 33.3),
    ]


def test_only_upheld_violations_of_the_period_count_by_category_and_month(personas, world):
    counts = dashboard.violations_by_category_and_month(personas.administrator, world.current)
    assert counts == {
        "Thẻ công chức": {datetime.date(2025, 3, 1): 2},
        "Rượu, bia": {datetime.date(2025, 3, 1): 1},
        "Trang phục": {datetime.date(2025, 7, 1): 1},
    }


def test_scores_are_counted_by_band_and_by_ten_point_bins(personas, world):
    assert dashboard.band_counts(personas.administrator, world.current) == [("Xuất sắc", 2), ("Tốt", 1), (None, 1)]
    bins = dashboard.total_bins(personas.administrator, world.current)
    assert bins == {Decimal(60): 1, Decimal(80): 1, Decimal(90): 2}


def test_flagged_units_are_counted_per_bloc_and_listed(personas, world):
    assert dashboard.flagged_by_bloc(personas.administrator, world.current) == [
        {"bloc__name": "Khối các sở, ban, ngành", "ranked": 2, "flagged": 1}
    ]
    assert [score.unit.name for score in dashboard.flagged_scores(personas.administrator, world.current)] == [
        "Sở Xây dựng"
    ]


def test_a_council_member_of_one_department_counts_only_its_units(tree, world):
    member = make_user_with_role(Role.COUNCIL_MEMBER, tree.home, email="hd-snv@example.vn")
    rows = dashboard.registration_by_deadline(member, world.movement)
    assert [(r.expected, r.on_time) for r in rows] == [(1, 1), (1, 1)]
    assert dashboard.violations_by_category_and_month(member, world.current) == {
        "Thẻ công chức": {datetime.date(2025, 3, 1): 2},
        "Trang phục": {datetime.date(2025, 7, 1): 1},
    }
    assert dashboard.band_counts(member, world.current) == [("Xuất sắc", 1)]


def test_the_default_period_is_the_latest_open_one_with_scores(world):
    from emulation.models import Period

    make_year(world.movement, 2026, PeriodStatus.REGISTRATION)  # newer, but nothing scored yet
    assert dashboard.default_period(Period.objects.all()) == world.current


# --- the page -------------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("emulation:dashboard"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["staff", "outsider", "clerk", "inspector", "unit_head"])
def test_only_the_council_and_administrators_open_the_dashboard(login, personas, world, persona):
    assert login(getattr(personas, persona)).get(reverse("emulation:dashboard")).status_code == 403


@pytest.mark.parametrize("persona", ["administrator", "council_member", "secretary"])
def test_council_and_administrators_see_the_dashboard(login, personas, world, persona):
    assert login(getattr(personas, persona)).get(reverse("emulation:dashboard")).status_code == 200


def test_the_dashboard_shows_five_charts_each_with_its_data_table(login, personas, world):
    response = login(personas.council_member).get(reverse("emulation:dashboard"), {"period": world.current.pk})
    page = response.content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 5
    assert page.count('<table class="table table-sm small mb-0" data-chart=') == 5
    assert '<div class="card-count" data-testid="on-time-rate">33,3%</div>' in page
    assert '<div class="card-count" data-testid="violations-total">4</div>' in page
    assert '<div class="card-count" data-testid="flagged-count">1</div>' in page
    assert '<td class="text-end">31/01/2025</td>' in page
    assert "Mới được kiểm tra 1 lần, cần tối thiểu 2 lần" in page
    assert "Rượu, bia" in page


def test_another_period_can_be_chosen(login, personas, world):
    response = login(personas.council_member).get(reverse("emulation:dashboard"), {"period": world.old.pk})
    assert response.context["period"] == world.old
    assert response.context["violations_total"] == 1


def test_an_unknown_period_is_not_found(login, personas, world):
    client = login(personas.council_member)
    assert client.get(reverse("emulation:dashboard"), {"period": 999999}).status_code == 404
    assert client.get(reverse("emulation:dashboard"), {"period": "x"}).status_code == 404


@pytest.mark.parametrize("units", [5, 40])
def test_dashboard_query_count_does_not_grow_with_units(login, personas, tree, units, django_assert_max_num_queries):
    period = make_year(make_movement(), 2025, PeriodStatus.REVIEW)
    members = [make_unit(name=f"Xã {i}", parent=tree.province) for i in range(units)]
    make_bloc(period, members)
    kind = make_violation_type()
    for i, unit in enumerate(members):
        make_pledge(unit=unit, period=period, status=PledgeStatus.SUBMITTED, is_late=bool(i % 2))
        make_violation(unit=unit, type=kind, occurred_at=at(2025, 1 + i % 12, 5), status=ViolationStatus.UPHELD)
        make_score(unit, period, total=Decimal(60 + i % 40), insufficient_evidence=not i % 5, rank=None)
    client = login(personas.administrator)
    with django_assert_max_num_queries(18):  # 16 measured
        assert client.get(reverse("emulation:dashboard")).status_code == 200
