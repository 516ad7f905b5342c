import pytest

from emulation.models import Period, PeriodStatus, Pledge, PledgeStatus, ScoringScheme
from emulation.pledges import demo
from units.demo import build_demo as build_units

pytestmark = pytest.mark.django_db


def test_demo_has_finalized_years_a_current_year_in_progress_and_is_idempotent():
    build_units()
    first = demo.build_demo()
    assert first["movements"] == 2 and first["pledges"] > 400 and first["staff registrations"] > 3000
    current = Period.objects.filter(starts_on__year=demo.CURRENT_YEAR)
    assert set(current.values_list("status", flat=True)) == {PeriodStatus.IN_PROGRESS}
    assert Period.objects.filter(status=PeriodStatus.FINALIZED).count() == 7 + 5
    for scheme in ScoringScheme.objects.prefetch_related("groups"):
        assert sum(group.max_points for group in scheme.groups.all()) == 100
    this_year = Pledge.objects.filter(period__in=current)
    assert {PledgeStatus.DRAFT, PledgeStatus.SUBMITTED, PledgeStatus.RETURNED, PledgeStatus.ACCEPTED} <= set(
        this_year.values_list("status", flat=True)
    )
    assert demo.build_demo() == first
