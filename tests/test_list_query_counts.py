"""The list pages read a fixed number of queries whatever the number of rows: 3 rows or 30 (one page of 50) cost the
same, for a council member (the whole province in scope) and a unit head. A query per row (a lazy foreign key, a
permission asked row by row) would show here as a count that grows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from emulation.models import Nomination, NominationStatus
from evaluations.models import InspectionStatus
from tests.emulation.factories import make_period, make_title
from tests.factories import make_inspection, make_person, make_unit, make_violation

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, secure=True)
    assert response.status_code == 200
    return len(captured)


def add_inspections(tree, personas, count):
    for k in range(count):
        unit = make_unit(parent=tree.home if k % 2 else tree.other)
        inspection = make_inspection(unit=unit, lead=personas.inspector, date=datetime.date.today())
        inspection.status = InspectionStatus.SUBMITTED
        inspection.save()
        make_violation(inspection=inspection, person=make_person(unit=unit))


def add_nominations(tree, personas, period, title, count):
    for _k in range(count):
        Nomination.objects.create(
            period=period, title=title, unit=make_unit(parent=tree.home), proposed_by=personas.unit_head,
            achievement_report="Hoàn thành xuất sắc nhiệm vụ.", status=NominationStatus.PROPOSED,
        )  # fmt: skip


PAGES = ["evaluations:inspections", "evaluations:violations", "emulation:nominations", "units:units"]


@pytest.mark.parametrize("who", ["council_member", "unit_head"])
def test_the_list_pages_cost_the_same_queries_for_3_or_30_rows(login, tree, personas, who):
    period, title = make_period(), make_title()
    add_inspections(tree, personas, 3)
    add_nominations(tree, personas, period, title, 3)
    client = login(getattr(personas, who))
    urls = [reverse(name) for name in PAGES] + [reverse("units:units") + "?q=%C4%90%C6%A1n+v%E1%BB%8B"]
    few = {url: queries(client, url) for url in urls}
    add_inspections(tree, personas, 27)
    add_nominations(tree, personas, period, title, 27)
    many = {url: queries(client, url) for url in urls}
    assert many == few
    page = client.get(reverse("evaluations:violations"), secure=True)
    assert len(page.context["table"].page.object_list) >= 14  # the rows were there to be counted (in scope: 14 or 30)


def test_a_page_with_a_table_counts_the_unread_notifications_once(login, tree, personas):
    """django-tables2 renders its table with the request again; the top bar's figures are not read a second time."""
    add_inspections(tree, personas, 2)
    with CaptureQueriesContext(connection) as captured:
        page = login(personas.council_member).get(reverse("evaluations:violations"), secure=True)
    assert page.status_code == 200 and "table" in page.context
    assert sum('"units_notification"' in query["sql"] for query in captured) == 1
