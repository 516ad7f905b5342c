"""Building blocks for eligibility tests: a unit of N people with ratings, a submitted pledge, registrations."""

import datetime

from emulation.eligibility.engine import run_eligibility
from emulation.models import EligibilityResult, PledgeStatus, Registration, RuleSet, Title
from evaluations.models import AnnualRating, DisciplineRecord, Initiative
from tests.emulation.factories import make_pledge
from tests.factories import make_person, make_unit

YEAR = 2026  # the factory's period runs from 01/01/2026 to 31/12/2026


def title(code: str) -> Title:
    return Title.objects.get(code=code)


def national() -> RuleSet:
    return RuleSet.objects.get(code="QG-2024")


def make_team(period, size: int, *, rating: str = "httnv", unit_rating: str = "httnv", target=None, status=None):
    """A unit with `size` people all rated `rating`, its own rating, and a submitted pledge aiming at `target`;
    for a collective target every member registers for Lao động tiên tiến."""
    unit = make_unit()
    people = [make_person(unit=unit) for _ in range(size)]
    for person in people:
        AnnualRating.objects.create(person=person, year=YEAR, rating=rating)
    if unit_rating:
        AnnualRating.objects.create(unit=unit, year=YEAR, rating=unit_rating)
    pledge = make_pledge(
        unit=unit,
        period=period,
        status=status or PledgeStatus.SUBMITTED,
        target_title=title(target) if target else None,
    )
    if target:
        for person in people:
            register(pledge, person, "LDTT")
    return unit, people, pledge


def register(pledge, person, code: str) -> Registration:
    return Registration.objects.create(pledge=pledge, person=person, title=title(code))


def rate(person, rating: str) -> None:
    AnnualRating.objects.update_or_create(person=person, year=YEAR, defaults={"rating": rating})


def discipline(person, form: str, decided_on: datetime.date, ends_on=None) -> DisciplineRecord:
    return DisciplineRecord.objects.create(person=person, form=form, decided_on=decided_on, ends_on=ends_on)


def initiative(person, level: str = "co_so", on=datetime.date(YEAR, 6, 1)) -> Initiative:
    return Initiative.objects.create(person=person, title="Số hóa hồ sơ một cửa", level=level, recognised_on=on)


def result(period, *, person=None, unit=None, code: str, run: bool = True, rule_set=None) -> EligibilityResult:
    if run:
        run_eligibility(period=period, rule_set=rule_set)
    filters = {"person": person} if person else {"unit": unit, "person__isnull": True}
    return EligibilityResult.objects.get(period=period, title__code=code, **filters)


def reasons(res: EligibilityResult) -> str:
    return " | ".join(res.checks.values_list("reason", flat=True))


def failed(res: EligibilityResult) -> list[str]:
    return list(res.checks.filter(met=False).values_list("kind", flat=True))
