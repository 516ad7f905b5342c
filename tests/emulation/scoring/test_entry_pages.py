"""Council points and bonus grants entered in the app: who reaches them, adding, changing and deleting (after a
confirmation) within the units administered, the Vietnamese refusals, the finalized period, and the recomputation."""

from decimal import Decimal

import pytest
from django.urls import reverse

from emulation.models import BonusGrant, ManualScore, PeriodStatus, Score
from tests.emulation.factories import make_criterion, make_period, make_scheme
from tests.factories import make_bloc, make_user_with_role
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme():
    return make_scheme(make_period(status=PeriodStatus.IN_PROGRESS))


@pytest.fixture
def criterion(scheme):
    return make_criterion(scheme, code="M1", name="Hội đồng đánh giá", method="manual_entry", source="manual")


@pytest.fixture
def rule(scheme):
    return scheme.bonus_rules.create(code="CO", description="Cờ thi đua cấp tỉnh", points=Decimal("5"))


@pytest.fixture
def asked(monkeypatch):
    """The recomputations asked through the outbox, as (unit id, period id)."""
    calls = []
    monkeypatch.setattr(
        "emulation.scoring.entries.views.enqueue", lambda task, *args: calls.append((task.name.split(".")[-1], args))
    )
    return calls


def test_anonymous_users_are_sent_to_the_login(client, tree, criterion, rule):
    entry = ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    grant = BonusGrant.objects.create(unit=tree.home, rule=rule)
    for url in (
        reverse("emulation:manual_score_edit", args=[entry.pk]),
        reverse("emulation:manual_score_delete", args=[entry.pk]),
        reverse("emulation:bonus_grant_edit", args=[grant.pk]),
        reverse("emulation:bonus_grant_delete", args=[grant.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("persona", ["unit_head", "secretary", "council_member", "inspector", "outsider"])
def test_other_roles_are_refused_and_change_nothing(login, personas, tree, criterion, rule, persona):
    client = login(getattr(personas, persona))
    entry = ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    grant = BonusGrant.objects.create(unit=tree.home, rule=rule)
    assert client.post(reverse("emulation:manual_score_delete", args=[entry.pk])).status_code == 403
    assert client.post(reverse("emulation:bonus_grant_delete", args=[grant.pk])).status_code == 403
    response = client.post(reverse("emulation:manual_score_edit", args=[entry.pk]), {"points": "9"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.points == Decimal("3") and BonusGrant.objects.filter(pk=grant.pk).exists()


def test_an_administrator_of_another_branch_neither_sees_nor_enters_for_the_unit(login, tree, criterion, rule):
    admin = make_user_with_role(Role.ADMINISTRATOR, tree.other, email="admin-stc@example.vn")
    client = login(admin)
    entry = ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    assert client.get(reverse("emulation:manual_score_edit", args=[entry.pk])).status_code == 404
    assert client.post(reverse("emulation:manual_score_delete", args=[entry.pk])).status_code == 404
    assert "Sở Nội vụ" not in client.get(reverse("emulation:manual_score_list")).content.decode()
    response = client.post(reverse("emulation:bonus_grant_create"), {"unit": tree.home.pk, "rule": rule.pk})
    assert "unit" in response.context["form"].errors and not BonusGrant.objects.exists()


def test_council_points_are_added_changed_and_deleted_each_recomputing_the_unit(
    login, personas, tree, criterion, asked
):
    client = login(personas.administrator)
    data = {"unit": tree.home.pk, "criterion": criterion.pk, "points": "7.5", "note": "Biên bản họp 03/2026"}
    assert client.post(reverse("emulation:manual_score_create"), data).status_code == 302
    entry = ManualScore.objects.get()
    assert (entry.points, entry.entered_by) == (Decimal("7.5"), personas.administrator)
    period_id = criterion.group.scheme.period_id
    assert asked == [("recompute_unit_in_period", (tree.home.pk, period_id))]
    page = client.get(reverse("emulation:manual_score_list")).content.decode()
    assert "Sở Nội vụ" in page and ("7,5" in page or "7.5" in page)

    asked.clear()
    data |= {"unit": tree.other.pk, "points": "8"}
    client.post(reverse("emulation:manual_score_edit", args=[entry.pk]), data)
    entry.refresh_from_db()
    assert (entry.unit, entry.points) == (tree.other, Decimal("8"))
    assert asked == [  # the unit it left and the unit it went to
        ("recompute_unit_in_period", (tree.home.pk, period_id)),
        ("recompute_unit_in_period", (tree.other.pk, period_id)),
    ]

    asked.clear()
    url = reverse("emulation:manual_score_delete", args=[entry.pk])
    assert 'data-testid="confirm-question"' in client.get(url).content.decode()
    assert ManualScore.objects.exists()  # asking deletes nothing
    client.post(url)
    assert not ManualScore.objects.exists()
    assert asked == [("recompute_unit_in_period", (tree.other.pk, period_id))]


def test_council_points_are_checked_against_the_criterion_and_entered_once(login, personas, tree, criterion, asked):
    client = login(personas.administrator)
    url = reverse("emulation:manual_score_create")
    response = client.post(url, {"unit": tree.home.pk, "criterion": criterion.pk, "points": "11"})
    assert "Điểm phải từ 0 đến 10" in response.context["form"].errors["points"][0]
    ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    response = client.post(url, {"unit": tree.home.pk, "criterion": criterion.pk, "points": "4"})
    assert "đã có điểm Hội đồng chấm cho tiêu chí này" in response.context["form"].errors["criterion"][0]
    assert ManualScore.objects.get().points == Decimal("3") and asked == []


def test_the_change_reaches_the_unit_s_score_through_the_outbox(
    login, personas, tree, criterion, django_capture_on_commit_callbacks
):
    """Without the stub: after the commit the outbox runs the existing task and the score shows the council's points."""
    period = criterion.group.scheme.period
    make_bloc(period, [tree.home])
    client = login(personas.administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("emulation:manual_score_create"), {"unit": tree.home.pk, "criterion": criterion.pk, "points": "6"}
        )
    assert Score.objects.get(unit=tree.home, period=period).criteria_points == Decimal("6")
    entry = ManualScore.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("emulation:manual_score_delete", args=[entry.pk]))
    assert Score.objects.get(unit=tree.home, period=period).criteria_points == Decimal("0")


def test_bonus_grants_are_added_refused_twice_and_deleted(login, personas, tree, rule, asked):
    client = login(personas.administrator)
    data = {"unit": tree.home.pk, "rule": rule.pk, "note": "QĐ 45/QĐ-UBND tặng Cờ thi đua"}
    assert client.post(reverse("emulation:bonus_grant_create"), data).status_code == 302
    grant = BonusGrant.objects.get()
    assert grant.granted_by == personas.administrator
    assert "Cờ thi đua cấp tỉnh" in client.get(reverse("emulation:bonus_grant_list")).content.decode()
    response = client.post(reverse("emulation:bonus_grant_create"), data)
    assert "đã được ghi nhận điểm thưởng này" in response.context["form"].errors["rule"][0]
    client.post(reverse("emulation:bonus_grant_edit", args=[grant.pk]), data | {"note": "QĐ 46"})
    grant.refresh_from_db()
    assert grant.note == "QĐ 46"
    client.post(reverse("emulation:bonus_grant_delete", args=[grant.pk]))
    assert not BonusGrant.objects.exists()
    assert [args for _name, args in asked] == [(tree.home.pk, rule.scheme.period_id)] * 3


def test_a_finalized_period_s_entries_are_read_only_and_not_offered(login, personas, tree, scheme, criterion, rule):
    client = login(personas.administrator)
    entry = ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    grant = BonusGrant.objects.create(unit=tree.home, rule=rule)
    scheme.period.status = PeriodStatus.FINALIZED
    scheme.period.save()
    response = client.post(reverse("emulation:manual_score_edit", args=[entry.pk]), {"points": "9"}, follow=True)
    assert "Kỳ thi đua đã kết thúc" in response.content.decode()
    client.post(reverse("emulation:bonus_grant_delete", args=[grant.pk]))
    entry.refresh_from_db()
    assert entry.points == Decimal("3") and BonusGrant.objects.filter(pk=grant.pk).exists()
    form = client.get(reverse("emulation:manual_score_create")).context["form"]
    assert criterion not in form.fields["criterion"].queryset
    assert rule not in client.get(reverse("emulation:bonus_grant_create")).context["form"].fields["rule"].queryset


def test_the_lists_filter_by_period_and_search_and_export_what_they_show(login, personas, tree, criterion, rule):
    client = login(personas.administrator)
    ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    other_criterion = make_criterion(make_scheme(make_period(name="Năm 2027")), code="Z9")
    ManualScore.objects.create(unit=tree.other, criterion=other_criterion, points=Decimal("4"))
    url = reverse("emulation:manual_score_list")
    period = criterion.group.scheme.period_id
    assert len(client.get(url, {"period": period}).context["table"].rows) == 1
    assert len(client.get(url, {"q": "tài chính"}).context["table"].rows) == 1
    exported = client.get(url, {"q": "Z9", "_export": "csv"}).getvalue().decode("utf-8-sig")
    assert "Sở Tài chính" in exported and "Sở Nội vụ" not in exported and "Thao tác" not in exported
    BonusGrant.objects.create(unit=tree.home, rule=rule)
    grants = client.get(reverse("emulation:bonus_grant_list"), {"q": "CO", "period": rule.scheme.period_id})
    assert len(grants.context["table"].rows) == 1


def test_moving_an_entry_to_another_period_s_criterion_recomputes_both_periods(login, personas, tree, criterion, asked):
    entry = ManualScore.objects.create(unit=tree.home, criterion=criterion, points=Decimal("3"))
    later = make_criterion(make_scheme(make_period(name="Năm 2027")), code="N1")
    data = {"unit": tree.home.pk, "criterion": later.pk, "points": "3"}
    login(personas.administrator).post(reverse("emulation:manual_score_edit", args=[entry.pk]), data)
    periods = [args[1] for _name, args in asked]
    assert periods == [criterion.group.scheme.period_id, later.group.scheme.period_id]
