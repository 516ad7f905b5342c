"""The demo province gets signed decisions for its last finalized years, one revoked award, and loads twice alike."""

import pytest
from django.utils.module_loading import import_string

from emulation.models import Award, AwardStatus, Decision, DecisionStatus

pytestmark = pytest.mark.django_db

BUILDERS = [
    "units.demo.build_demo",
    "evaluations.inspections.demo.build_demo",
    "emulation.pledges.demo.build_demo",
    "emulation.eligibility.demo.build_demo",
    "emulation.decisions.demo.build_demo",
]


def load():
    for path in BUILDERS:
        import_string(path)()


def test_the_demo_has_department_and_provincial_decisions_one_revoked_award_and_loads_twice_alike(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        load()
    provincial = Decision.objects.filter(number="15/QĐ-UBND", status=DecisionStatus.SIGNED)
    assert provincial.count() == 2  # one per finalized year shown
    assert Award.objects.filter(decision__in=provincial, award_form__code="BK_TINH").exists()
    assert Award.objects.filter(decision__number="10/QĐ-SNV", title__code="LDTT").count() > 3
    revoked = Award.objects.get(status=AwardStatus.REVOKED)
    assert revoked.revocation.number == "3/QĐ-SNV" and "khiển trách" in revoked.revocation.reason
    counts = (Decision.objects.count(), Award.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        load()
    assert (Decision.objects.count(), Award.objects.count()) == counts
