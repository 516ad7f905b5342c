"""One privacy rule everywhere: a unit clerk walks every page and export that renders a sensitive violation or the
record of the person who committed it, and never reads the person's name beside the violation.

Pages about the violation may show the unit and the type, never the person; pages about the person (eligibility,
nominations) may show the person, never the violation's type or description. The unit head, whom the rule allows,
reads both on the same pages: the walk can fail."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from emulation.council import nominations as nomination_services
from emulation.eligibility.engine import run_eligibility
from emulation.models import EligibilityResult, PledgeStatus
from evaluations.models import AnnualRating, Appeal, CorrectiveAction, ViolationStatus
from tests.emulation.council.helpers import make_nomination
from tests.emulation.eligibility.helpers import register, title
from tests.emulation.factories import make_period, make_pledge
from tests.factories import make_person, make_violation, make_violation_type

pytestmark = pytest.mark.django_db

NAME = "Trịnh Văn Uống"
SECRET = "Say rượu trong giờ tiếp dân"
TYPE = "Uống rượu bia giờ làm việc"


@pytest.fixture
def world(tree, personas):
    """An upheld sensitive violation of a person of Sở Nội vụ, who registered for LĐTT and was nominated."""
    period = make_period()
    person = make_person(unit=tree.home, full_name=NAME)
    AnnualRating.objects.create(person=person, year=2026, rating="httnv")
    kind = make_violation_type(name=TYPE, sensitive=True, bars_person_titles=True)
    violation = make_violation(
        unit=tree.home,
        person=person,
        type=kind,
        description=SECRET,
        status=ViolationStatus.UPHELD,
        occurred_at=timezone.make_aware(datetime.datetime(2026, 3, 12, 11, 45)),
    )
    Appeal.objects.create(violation=violation, reason="Không đồng ý", filed_by=personas.clerk)
    CorrectiveAction.objects.create(
        violation=violation, description="Kiểm điểm", owner_person=person, due_date=datetime.date(2026, 4, 1)
    )
    register(make_pledge(unit=tree.home, period=period, status=PledgeStatus.SUBMITTED), person, "LDTT")
    run_eligibility(period=period)
    nomination = make_nomination(person=person, period=period, title=title("LDTT"))
    nomination.eligibility_met, nomination.eligibility_summary = nomination_services.recheck_eligibility(nomination)
    nomination.save()
    result = EligibilityResult.objects.get(person=person)
    return violation, result, nomination, period


def violation_pages(violation):
    """Pages and exports about the violation: the unit and type show, the person must not."""
    return [
        reverse("evaluations:violations"),
        reverse("evaluations:violations") + "?_export=csv",
        reverse("evaluations:violations") + "?_export=xlsx",
        reverse("evaluations:violation_detail", args=[violation.pk]),
        reverse("evaluations:violation_panel", args=[violation.pk]),
        reverse("evaluations:appeals"),
        reverse("evaluations:appeal_detail", args=[violation.appeals.get().pk]),
        reverse("evaluations:corrective_list"),
        reverse("evaluations:corrective_detail", args=[violation.corrective_actions.get().pk]),
        reverse("home"),
        reverse("units:notifications"),
    ]


def person_pages(result, nomination, period):
    """Pages about the person: the person shows, the sensitive violation must not."""
    return [
        reverse("emulation:eligibility_results", args=[period.pk]),
        reverse("emulation:eligibility_detail", args=[result.pk]),
        reverse("emulation:nominations"),
        reverse("emulation:nomination_detail", args=[nomination.pk]),
    ]


def text_of(response) -> str:
    """The page or export as text (an XLSX export is read through its cells)."""
    assert response.status_code == 200, response
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io

        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
        return " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    return response.getvalue().decode("utf-8-sig")


def test_a_unit_clerk_never_reads_who_committed_a_sensitive_violation(world, login, personas):
    violation, result, nomination, period = world
    client = login(personas.clerk)
    for url in violation_pages(violation):
        assert NAME not in text_of(client.get(url)), url
    for url in person_pages(result, nomination, period):
        page = text_of(client.get(url))
        assert TYPE not in page and SECRET not in page and "12/03/2026" not in page, url
        assert reverse("evaluations:violation_detail", args=[violation.pk]) not in page, url


def test_the_unit_head_reads_the_person_and_the_violation_on_the_same_pages(world, login, personas):
    violation, result, nomination, period = world
    client = login(personas.unit_head)
    assert NAME in text_of(client.get(reverse("evaluations:violation_detail", args=[violation.pk])))
    detail = text_of(client.get(reverse("emulation:eligibility_detail", args=[result.pk])))
    assert NAME in detail and TYPE in detail and "12/03/2026" in detail


def test_the_clerk_is_told_a_sensitive_violation_bars_the_title_without_its_content(world, login, personas):
    _violation, result, _nomination, _period = world
    page = text_of(login(personas.clerk).get(reverse("emulation:eligibility_detail", args=[result.pk])))
    assert "nội dung được bảo mật" in page


def test_a_deleted_violation_leaves_its_private_reason_hidden_even_from_the_unit_head(world, personas):
    violation, result, _nomination, _period = world
    violation.delete()
    check = result.checks.get(private=True)
    assert check.private_violation is None
    assert check.names_violation_to(personas.unit_head) is False
