"""History follows the successor: a merged unit's scores, ranks, titles and awards show on its successor's pages,
marked as theirs; the trend runs across the merger; nobody outside the successor chain sees them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from emulation.models import Title, TitleHistory
from tests.emulation.factories import make_movement, make_period
from tests.factories import make_award, make_decision, make_score, make_unit, make_user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def merger(tree):
    """Sở Tài chính (2024 score, TTLĐTT 2023, a 2024 award) merged on 01/07/2025 into Sở Tài chính mới (2025 score)."""
    new = make_unit(code="STC-MOI", name="Sở Tài chính mới", parent=tree.province, valid_from=datetime.date(2025, 7, 1))
    tree.other.valid_to, tree.other.successor = datetime.date(2025, 6, 30), new
    tree.other.save()
    movement = make_movement()
    old_period = make_period(movement=movement, name="Năm 2024", starts_on=datetime.date(2024, 1, 1),
                             ends_on=datetime.date(2024, 12, 31))  # fmt: skip
    new_period = make_period(movement=movement, name="Năm 2025", starts_on=datetime.date(2025, 1, 1),
                             ends_on=datetime.date(2025, 12, 31))  # fmt: skip
    make_score(tree.other, old_period, total=Decimal("91.5"), rank=1)
    make_score(new, new_period, total=Decimal("84"), rank=2)
    TitleHistory.objects.create(title=Title.objects.get(code="TTLDTT"), unit=tree.other, year=2023,
                                decision_number="45/QĐ-STC")  # fmt: skip
    make_award(make_decision(status="signed", unit=tree.province, number="77/QĐ-UBND"), unit=tree.other,
               title=Title.objects.get(code="TTLDXS"))  # fmt: skip
    return new, old_period, new_period


def test_the_successors_score_list_shows_the_predecessors_scores_and_titles_marked_as_theirs(login, tree, merger):
    new, _, _ = merger
    head = make_user_with_role("unit_head", new)

    page = login(head).get(reverse("emulation:unit_scores", args=[new.pk])).content.decode()

    assert "91,5" in page or "91.5" in page
    assert "của Sở Tài chính (đơn vị tiền thân)" in page
    assert "Tập thể lao động tiên tiến" in page and "45/QĐ-STC" in page
    assert "77/QĐ-UBND" in page


def test_the_trend_chart_runs_across_the_merger(login, tree, merger):
    new, _, new_period = merger
    head = make_user_with_role("unit_head", new)

    page = login(head).get(reverse("emulation:score_detail", args=[new_period.pk, new.pk])).content.decode()

    assert page.count("<circle") == 2
    assert "Năm 2024 — của Sở Tài chính (đơn vị tiền thân)" in page


def test_the_predecessors_own_score_page_opens_for_the_successors_head(login, tree, merger):
    new, old_period, _ = merger
    head = make_user_with_role("unit_head", new)
    assert login(head).get(reverse("emulation:score_detail", args=[old_period.pk, tree.other.pk])).status_code == 200


def test_a_head_outside_the_chain_sees_none_of_it(login, personas, tree, merger):
    new, old_period, _ = merger
    client = login(personas.unit_head)
    assert client.get(reverse("emulation:score_detail", args=[old_period.pk, tree.other.pk])).status_code == 404
    assert client.get(reverse("emulation:unit_scores", args=[new.pk])).status_code == 404


def test_the_unit_page_links_to_the_history(login, personas, merger):
    new, _, _ = merger
    page = login(personas.administrator).get(reverse("units:unit_detail", args=[new.pk])).content.decode()
    assert reverse("emulation:unit_scores", args=[new.pk]) in page
    assert "Sở Tài chính" in page
