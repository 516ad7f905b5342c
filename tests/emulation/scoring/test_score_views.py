"""The unit's score page and score list: who may open them, what they explain, and a query count flat in lines."""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from emulation.models import Band, DeductionRule, PeriodStatus, SelfAssessment
from emulation.scoring.engine import compute_period
from evaluations.models import ItemOutcome, ViolationCategory, ViolationStatus
from tests.emulation.factories import make_criterion, make_movement, make_period, make_pledge, make_scheme
from tests.factories import make_bloc, make_submitted_inspection, make_violation, make_violation_type

D = Decimal
pytestmark = pytest.mark.django_db


def make_scored_period(movement, year, units_points, *, status=PeriodStatus.IN_PROGRESS):
    period = make_period(
        movement=movement,
        name=f"Năm {year}",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        status=status,
    )
    scheme = make_scheme(period, min_inspections=1)
    Band.objects.create(scheme=scheme, code="TOT", name="Tốt", min_total=D(8))
    criterion = make_criterion(scheme, name="Ban hành kế hoạch thi đua", max_points=D(10))
    for unit, (claimed, verified) in units_points.items():
        line = SelfAssessment(pledge=make_pledge(unit=unit, period=period), criterion=criterion)
        line.claimed_points = D(claimed)
        if verified:
            line.verified_points, line.verified_at, line.verification_reason = D(verified), timezone.now(), "Thiếu"
        line.save()
    make_bloc(period, list(units_points), name="Khối Tổng hợp")
    return period


@pytest.fixture
def world(tree):
    """2026: Sở Nội vụ claims 10, verified 9, one upheld violation (−0.5), one inspection → 8.5, rank 1;
    Sở Tài chính 8 but no inspection → flagged. Two earlier years of the same movement, one of another."""
    movement = make_movement()
    for year, points in ((2024, "6"), (2025, "7")):
        compute_period(period=make_scored_period(movement, year, {tree.home: (points, None)}))
    period = make_scored_period(movement, 2026, {tree.home: ("10", "9"), tree.other: ("8", None)})
    kind = make_violation_type(name="Không đeo thẻ công chức")
    DeductionRule.objects.create(scheme=period.scheme, violation_type=kind, points_per_occurrence=D("0.5"))
    violation = make_violation(
        unit=tree.home, type=kind, status=ViolationStatus.UPHELD, occurred_at=timezone.now().replace(year=2026)
    )
    inspection = make_submitted_inspection(
        tree.home, datetime.date(2026, 3, 3), [(ViolationCategory.BADGE, ItemOutcome.PASS)]
    )
    compute_period(period=period)
    compute_period(period=make_scored_period(make_movement(), 2026, {tree.home: ("3", None)}))
    return SimpleNamespace(period=period, violation=violation, inspection=inspection)


def detail_url(period, unit):
    return reverse("emulation:score_detail", args=[period.pk, unit.pk])


def test_anonymous_users_are_sent_to_login(client, world, tree):
    for url in (detail_url(world.period, tree.home), reverse("emulation:unit_scores", args=[tree.home.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("persona", "own_unit", "other_unit"),
    [
        ("administrator", 200, 200),
        ("council_member", 200, 200),
        ("secretary", 200, 200),
        ("unit_head", 200, 404),
        ("clerk", 200, 404),
        ("staff", 200, 404),
        ("inspector", 404, 200),  # the inspector belongs to Sở Tài chính: own unit only
        ("outsider", 404, 200),  # head of Sở Tài chính
    ],
)
def test_who_may_open_a_score_page(login, personas, world, tree, persona, own_unit, other_unit):
    client = login(getattr(personas, persona))
    assert client.get(detail_url(world.period, tree.home)).status_code == own_unit
    assert client.get(detail_url(world.period, tree.other)).status_code == other_unit


def test_a_unit_head_sees_the_scores_of_units_below_but_staff_only_their_own(login, personas, tree):
    period = make_scored_period(make_movement(), 2026, {tree.sub: ("5", None)})
    compute_period(period=period)

    assert login(personas.unit_head).get(detail_url(period, tree.sub)).status_code == 200
    assert login(personas.staff).get(detail_url(period, tree.sub)).status_code == 404


def test_the_page_answers_why_the_unit_has_its_score(login, personas, world, tree):
    page = login(personas.unit_head).get(detail_url(world.period, tree.home)).content.decode()

    assert 'data-testid="total">8,5<' in page
    assert "Tốt" in page
    assert "1/2</span> trong Khối Tổng hợp" in page
    assert "Điểm thẩm định: Thiếu" in page
    assert "đã được thay" in page  # the claimed 10, replaced by the verified 9
    assert f'href="/inspections/violations/{world.violation.pk}/"' in page
    assert "Không đeo thẻ công chức ngày" in page
    assert "−0,5" in page
    assert (
        f'href="/emulation/pledges/{world.violation.unit.pledges.get(period=world.period).pk}/self-assessment/"' in page
    )


def test_a_flagged_unit_shows_why_it_is_not_ranked(login, personas, world, tree):
    page = login(personas.outsider).get(detail_url(world.period, tree.other)).content.decode()

    assert "Chưa đủ căn cứ" in page
    assert "0/1 lần kiểm tra — chưa xếp hạng" in page


def test_the_trend_chart_has_one_point_per_period_of_the_same_movement(login, personas, world, tree):
    page = login(personas.unit_head).get(detail_url(world.period, tree.home)).content.decode()

    chart = page.split('data-testid="trend"')[1].split("</svg>")[0]
    assert chart.count("<circle") == 3
    assert [year in chart for year in (">2024<", ">2025<", ">2026<")] == [True, True, True]
    assert "Năm 2026: 8,5" in chart
    coordinates = re.findall(r' c[xy]="([^"]*)"', chart)
    assert len(coordinates) == 6 and all(re.fullmatch(r"\d+\.\d", c) for c in coordinates)  # never "12,5"


def test_the_score_page_query_count_does_not_grow_with_breakdown_lines(login, personas, world, tree):
    client = login(personas.unit_head)
    url = detail_url(world.period, tree.home)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    kind = DeductionRule.objects.get().violation_type
    for day in range(1, 29):
        make_violation(unit=tree.home, type=kind, status=ViolationStatus.UPHELD,
                       occurred_at=timezone.now().replace(year=2026, month=5, day=day))  # fmt: skip
    compute_period(period=world.period)

    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()

    assert page.count('data-kind="deduction"') == 29
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_unit_score_list_links_every_visible_period(login, personas, world, tree):
    page = login(personas.staff).get(reverse("emulation:unit_scores", args=[tree.home.pk])).content.decode()

    assert page.count('href="/emulation/scores/') == 4
    assert detail_url(world.period, tree.home) in page


def test_the_unit_score_list_of_an_unreachable_unit_is_not_found(login, personas, world, tree):
    assert login(personas.outsider).get(reverse("emulation:unit_scores", args=[tree.home.pk])).status_code == 404
    assert login(personas.clerk).get(reverse("emulation:unit_scores", args=[tree.sub.pk])).status_code == 200


def test_the_score_permission_helper_returns_visible_scores_and_hides_the_rest(personas, world, tree):
    from django.http import Http404

    from emulation.scoring.permissions import get_score_for_user

    score = get_score_for_user(personas.clerk, unit_pk=tree.home.pk, period_pk=world.period.pk)
    assert (score.unit, score.period) == (tree.home, world.period)
    for user, unit in ((personas.clerk, tree.other), (personas.inspector, tree.home), (personas.staff, tree.sub)):
        with pytest.raises(Http404):
            get_score_for_user(user, unit_pk=unit.pk, period_pk=world.period.pk)
    with pytest.raises(Http404):  # a unit the head reaches, but not scored in that period
        get_score_for_user(personas.unit_head, unit_pk=tree.sub.pk, period_pk=world.period.pk)
