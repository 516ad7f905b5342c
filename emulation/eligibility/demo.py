"""Demo records the title rules read (ratings, a few initiatives, one warning, one hold, earlier titles) and an
eligibility run for every demo period. Idempotent: records are matched by their natural keys, runs replace results."""

import datetime
import random

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from emulation.eligibility.engine import run_eligibility
from emulation.eligibility.models import EligibilityResult
from emulation.movements.models import Period
from emulation.pledges.models import Pledge, Registration
from emulation.titles.models import Title, TitleHistory
from evaluations.models import AnnualRating, DisciplineRecord, Initiative, InvestigationHold

SEED = 2025

# Share of people at each rating, best first: most do well, a few only complete or fail their tasks.
RATING_WEIGHTS = [("htxsnv", 18), ("httnv", 64), ("htnv", 14), ("khtnv", 4)]


def build_demo() -> dict[str, int]:
    rng = random.Random(SEED)
    with transaction.atomic():
        for period in (
            Period.objects.filter(registrations_exist(), pledges__isnull=False).distinct().order_by("starts_on")
        ):
            _records(period, rng)
        _history(rng)
    for period in Period.objects.filter(pledges__isnull=False).distinct():
        run_eligibility(period=period)
    return {
        "annual ratings": AnnualRating.objects.count(),
        "discipline records": DisciplineRecord.objects.count(),
        "initiatives": Initiative.objects.count(),
        "eligibility results": EligibilityResult.objects.count(),
    }


def registrations_exist():
    return Exists(Registration.objects.filter(pledge__period=OuterRef("pk")))


def _records(period: Period, rng: random.Random) -> None:
    year = period.ends_on.year
    registrations = list(Registration.objects.filter(pledge__period=period).select_related("person"))
    people = sorted({r.person for r in registrations}, key=lambda p: p.pk)
    levels, weights = zip(*RATING_WEIGHTS, strict=True)
    for person in people:
        rating = rng.choices(levels, weights)[0]
        AnnualRating.objects.get_or_create(person=person, year=year, defaults={"rating": rating, "source": "Demo"})
        if rng.random() < 0.06:
            Initiative.objects.get_or_create(
                person=person,
                title=f"Sáng kiến cải tiến quy trình tiếp nhận hồ sơ ({person.code})",
                defaults={
                    "level": "co_so",
                    "recognised_on": datetime.date(year, 10, 15),
                    "decision_number": f"{rng.randint(10, 99)}/QĐ-HĐSK",
                },
            )
    for pledge in Pledge.objects.filter(period=period):
        rating = "htxsnv" if rng.random() < 0.4 else "httnv"
        AnnualRating.objects.get_or_create(unit=pledge.unit, year=year, defaults={"rating": rating, "source": "Demo"})
    if people:
        _incidents(people, year)


def _incidents(people: list, year: int) -> None:
    """One warning in May (bars the person and their unit's TTLĐTT) and one hold opened in November, closed in
    January for past years, still open for the current one."""
    warned = people[len(people) // 3]
    DisciplineRecord.objects.get_or_create(
        person=warned,
        decided_on=datetime.date(year, 5, 12),
        defaults={
            "form": "canh_cao",
            "ends_on": datetime.date(year + 1, 5, 11),
            "decision_number": "27/QĐ-KL",
            "reason": "Vi phạm quy chế văn hóa công sở nhiều lần",
        },
    )
    held = people[len(people) // 2]
    InvestigationHold.objects.get_or_create(
        person=held,
        starts_on=datetime.date(year, 11, 2),
        defaults={
            "reason": "Đang xác minh đơn phản ánh",
            "ends_on": datetime.date(year + 1, 1, 20) if year < timezone.localdate().year else None,
            "outcome": "Không có vi phạm" if year < timezone.localdate().year else "",
        },
    )


def _history(rng: random.Random) -> None:
    """Earlier Chiến sĩ thi đua cơ sở titles of some registered people, so consecutive-year rules have data."""
    title = Title.objects.filter(code="CSTDCS").first()
    if title is None:
        return
    for registration in Registration.objects.filter(title=title).select_related("pledge__period", "person")[:40]:
        year = registration.pledge.period.ends_on.year
        for earlier in (year - 1, year - 2):
            if rng.random() < 0.7:
                TitleHistory.objects.get_or_create(person=registration.person, title=title, year=earlier)
