"""The demo ships the whole §2.3 checklist and believable, rule-abiding inspection history."""

import datetime
import operator

import pytest

from evaluations.inspections import demo
from evaluations.inspections.permissions import inspector_conflict
from evaluations.models import ChecklistItem, Inspection, InspectionStatus, StatusChange, Violation, ViolationType
from units import demo as units_demo

pytestmark = pytest.mark.django_db

SECTION_2_3 = [
    "DR-01",
    "DR-02",
    "DR-03",
    "ID-01",
    "ID-02",
    "CM-01",
    "CM-02",
    "CM-03",
    "CM-04",
    "CM-05",
    "CM-06",
    "DS-01",
    "DS-02",
    "DS-03",
    "AL-01",
    "AL-02",
    "AL-03",
    "SM-01",
    "OF-01",
    "OF-02",
    "OF-03",
    "OF-04",
    "GA-01",
    "FS-01",
]


@pytest.fixture
def demo_db(db):
    units_demo.build_demo()
    return demo.build_demo()


def test_the_whole_checklist_ships_with_types_and_legal_basis(demo_db):
    assert sorted(ChecklistItem.objects.values_list("code", flat=True)) == sorted(SECTION_2_3)
    assert not ChecklistItem.objects.filter(violation_type__isnull=True).exists()
    assert not ViolationType.objects.filter(legal_basis="").exists()
    assert set(ViolationType.objects.filter(sensitive=True).values_list("category", flat=True)) == {
        "alcohol",
        "conduct",
    }


def test_several_years_of_inspections_with_upheld_dismissed_and_open_violations(demo_db):
    years = {
        d.year for d in Inspection.objects.filter(status=InspectionStatus.SUBMITTED).values_list("date", flat=True)
    }
    assert len(years) >= 4
    statuses = set(Violation.objects.values_list("status", flat=True))
    assert {"upheld", "dismissed"} <= statuses
    assert Inspection.objects.filter(status=InspectionStatus.DRAFT).count() == 2
    assert StatusChange.objects.filter(to_status="upheld").count() == Violation.objects.upheld().count()


def test_every_department_and_district_is_inspected_most_years_a_few_are_short(demo_db):
    """Inspections of a division or commune count for its department or district (the scored units); each unit is
    inspected while it exists: Đắk Nông's until 30/06/2025, Lâm Đồng's (communes and wards too) from 01/07/2025."""
    answering = demo.answering_units()
    assert {unit.code[:3] for unit in answering} == {"DNO", "LDG"}
    submitted = Inspection.objects.filter(status=InspectionStatus.SUBMITTED).select_related("unit")
    submitted = [(inspection.unit, inspection.date) for inspection in submitted]
    assert min(day for _unit, day in submitted) >= demo.LAUNCH
    for unit, day in submitted:  # nobody inspects a unit before it opens or after it closes
        assert (unit.valid_from or day) <= day <= (unit.valid_to or day), (unit, day)
    for year in range(demo.FIRST_YEAR, demo.timezone.localdate().year + 1):
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        living = [unit for unit in answering if operator.le(*demo.life_in(unit, start, end))]
        paths = [unit.path for unit, day in submitted if day.year == year]
        counts = [sum(path.startswith(unit.path) for path in paths) for unit in living]
        assert 1 <= sum(count < 2 for count in counts) <= 5, year  # the flag still shows, for a few units only
        assert max(counts) <= 5, year
    failed = Violation.objects.filter(inspection__isnull=False)
    assert failed.filter(type__severity="minor").count() > 10 * failed.exclude(type__severity="minor").count() > 0


def test_nothing_is_inspected_ahead_of_today(demo_db):
    assert not Inspection.objects.filter(date__gt=demo.timezone.localdate()).exists()


def test_no_demo_inspector_inspects_their_own_branch(demo_db):
    for inspection in Inspection.objects.select_related("unit").prefetch_related("team")[:60]:
        for member in inspection.team.all():
            assert inspector_conflict(member, inspection.unit) is None


def test_running_the_demo_again_creates_nothing(demo_db):
    before = (Inspection.objects.count(), Violation.objects.count(), StatusChange.objects.count())
    demo.build_demo()
    assert (Inspection.objects.count(), Violation.objects.count(), StatusChange.objects.count()) == before
