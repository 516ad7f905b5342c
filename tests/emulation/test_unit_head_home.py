"""A unit head's home shows what concerns a unit head — the unit's score, band and rank, its nominations, violations
and corrective actions — and none of the council's or the inspectors' blocks."""

import datetime

import pytest
from django.urls import reverse

from emulation.council.models.nominations import NominationStatus
from emulation.scoring.engine import compute_period
from emulation.scoring.home import unit_standing_attention
from evaluations.models import ItemOutcome, ViolationCategory
from tests.emulation.council.helpers import make_nomination
from tests.emulation.factories import make_movement
from tests.emulation.scoring.test_score_views import make_scored_period
from tests.factories import grant, make_person, make_submitted_inspection, make_unit
from units.models import Role

pytestmark = pytest.mark.django_db
COUNCIL_OR_INSPECTOR = (
    "Phiếu chờ bạn biểu quyết",
    "Đề nghị khen thưởng chờ thẩm định",
    "Cuộc kiểm tra cần thực hiện",
    "Dòng tự chấm chờ thẩm định",
    "Khiếu nại chờ quyết định",
    "Cán bộ chưa có tài khoản",
)


def cards(client) -> dict[str, str]:
    return {item["label"]: str(item["count"]) for item in client.get(reverse("home")).context["items"]}


def test_a_unit_head_sees_the_units_score_rank_and_nominations_only(login, personas, tree):
    period = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9"), tree.other: ("8", None)})
    make_submitted_inspection(tree.home, datetime.date(2026, 3, 3), [(ViolationCategory.BADGE, ItemOutcome.PASS)])
    compute_period(period=period)
    make_nomination(person=make_person(unit=tree.sub), status=NominationStatus.VETTED)
    make_nomination(person=make_person(unit=tree.sub), status=NominationStatus.RETURNED)
    make_nomination(person=make_person(unit=tree.other), status=NominationStatus.PROPOSED)  # another unit's
    shown = cards(login(personas.unit_head))
    score = next(label for label in shown if label.startswith("Điểm thi đua Sở Nội vụ, Năm 2026"))
    assert "hạng 1/" in score and "Khối Tổng hợp" in score
    assert shown["Đề nghị khen thưởng đang xét"] == "2"
    assert shown["Đề nghị bị trả lại để bổ sung"] == "1"
    assert "Vi phạm còn trong hạn khiếu nại" in shown
    assert not [label for label in shown if label in COUNCIL_OR_INSPECTOR]
    html = login(personas.unit_head).get(reverse("home")).content.decode()
    assert reverse("emulation:score_detail", args=[period.pk, tree.home.pk]) in html


def test_a_unit_without_a_score_shows_no_score_card_and_others_see_none(login, personas, tree):
    assert unit_standing_attention(personas.unit_head) == []
    period = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9")})
    compute_period(period=period)
    for persona in (personas.inspector, personas.staff, personas.council_member):
        assert not [label for label in cards(login(persona)) if label.startswith("Điểm thi đua")]
    assert not [label for label in cards(login(personas.inspector)) if "Đề nghị khen thưởng đang" in label]


def test_a_head_of_several_units_sees_each_units_score(personas, tree):
    second = make_unit(name="Sở Xây dựng", code="SXD", parent=tree.province)
    grant(personas.unit_head, Role.UNIT_HEAD, second)
    period = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9"), second: ("7", "7")})
    compute_period(period=period)
    labels = [item["label"] for item in unit_standing_attention(personas.unit_head)]
    assert len(labels) == 2 and any("Sở Xây dựng" in label for label in labels)


def test_an_anonymous_visitor_has_no_unit_cards():
    from django.contrib.auth.models import AnonymousUser

    assert unit_standing_attention(AnonymousUser()) == []
