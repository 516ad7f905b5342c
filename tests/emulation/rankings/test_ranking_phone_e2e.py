"""On a 390-px phone the ranking keeps its deciding columns — rank, unit, total, band — on screen."""

import pytest
from django.urls import reverse

from emulation.scoring.engine import compute_period
from tests.e2e.conftest import browser, log_in, phone  # noqa: F401  (fixtures)
from tests.emulation.factories import make_movement
from tests.emulation.scoring.test_score_views import make_scored_period

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_score_column_is_on_screen_on_a_phone(phone, personas, tree):  # noqa: F811
    period = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9"), tree.other: ("8", None)})
    compute_period(period=period)
    log_in(phone, personas.unit_head.email)
    phone.goto(reverse("emulation:ranking") + f"?period={period.pk}")
    table = phone.get_by_test_id("ranking")
    header = table.get_by_role("columnheader", name="Tổng điểm")
    box = header.bounding_box()
    assert box and box["x"] + box["width"] <= 390, box
    assert not table.get_by_role("columnheader", name="Khối/cụm").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
