"""The demo's signed decisions have fixed amounts, and each issuing body gets a fund for the year with a remainder."""

import pytest
from django.utils.module_loading import import_string

from emulation.models import AwardAmount, Decision, DecisionStatus, RewardFund
from emulation.rewards.fund import ledger

pytestmark = pytest.mark.django_db

BUILDERS = [
    "units.demo.build_demo",
    "evaluations.inspections.demo.build_demo",
    "emulation.pledges.demo.build_demo",
    "emulation.eligibility.demo.build_demo",
    "emulation.decisions.demo.build_demo",
    "emulation.rewards.demo.build_demo",
]


def test_the_demo_funds_cover_their_decisions_and_load_twice_alike(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for path in BUILDERS:
            import_string(path)()
    signed = Decision.objects.exclude(status=DecisionStatus.DRAFT)
    assert AwardAmount.objects.filter(award__decision__in=signed).count() == sum(d.awards.count() for d in signed)
    books = [ledger(fund) for fund in RewardFund.objects.all()]
    assert books and all(book.lines and 0 < book.remainder <= book.fund.budget for book in books)
    budgets = sorted(RewardFund.objects.values_list("budget", flat=True))
    import_string(BUILDERS[-1])()
    assert sorted(RewardFund.objects.values_list("budget", flat=True)) == budgets
