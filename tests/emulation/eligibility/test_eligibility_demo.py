"""The demo province gets ratings, a warning, a hold and eligibility results with reasons, and loads twice alike."""

import pytest
from django.utils.module_loading import import_string

from emulation.models import EligibilityCheck, EligibilityResult
from evaluations.models import AnnualRating

pytestmark = pytest.mark.django_db


BUILDERS = ["units.demo.build_demo", "evaluations.inspections.demo.build_demo", "emulation.pledges.demo.build_demo"]


def load():
    for path in [*BUILDERS, "emulation.eligibility.demo.build_demo"]:
        import_string(path)()


def test_the_demo_has_eligibility_results_both_ways_and_loading_again_changes_nothing():
    load()
    counts = (AnnualRating.objects.count(), EligibilityResult.objects.count())
    assert EligibilityResult.objects.filter(met=True).exists()
    assert EligibilityResult.objects.filter(met=False).exists()
    warned = EligibilityCheck.objects.filter(kind="no_discipline", met=False).first()
    assert warned is not None and "Bị kỷ luật cảnh cáo ngày 12/05/" in warned.reason
    load()
    assert (AnnualRating.objects.count(), EligibilityResult.objects.count()) == counts
