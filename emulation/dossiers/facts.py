"""What a dossier document says, read from the records of one nomination — never retyped.

Rules
-----
- The nominee: full Vietnamese name, position, category (cán bộ, công chức, viên chức, người lao động), unit; or the
  collective's name. The title or award form, the period and its year.
- The achievement report (Mẫu số 05) lists the yearly ratings of the last three years up to the period's year, the
  titles held (awards in force and titles from paper decisions), the recognised initiatives, the unit's score in the
  period, and — as the law asks — discipline and administrative sanctions of the period's year.
- The council's vote: the last sealed ballot of the nomination (agree, disagree, base, percentage, threshold, outcome).
"""

from django.db.models import Q
from django.utils import timezone

from emulation.council.models.ballots import Ballot
from emulation.council.models.nominations import Nomination
from emulation.decisions.models import Award
from emulation.scoring.models import Score
from emulation.titles.models import TitleHistory
from evaluations.records.models import AdministrativeSanction, AnnualRating, DisciplineRecord, Initiative

RATING_YEARS = 3


def _d(value) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _held(nomination: Nomination, year: int) -> list[dict]:
    subject = Q(person=nomination.person) if nomination.person_id else Q(person__isnull=True, unit=nomination.unit)
    awards = Award.objects.in_force().filter(subject, year__lte=year).select_related("title", "award_form", "decision")
    rows = [{"year": a.year, "name": a.what.name, "decision": str(a.decision)} for a in awards]
    history = TitleHistory.objects.filter(subject, year__lte=year, revoked_on__isnull=True).select_related("title")
    rows += [{"year": h.year, "name": h.title.name, "decision": h.decision_number} for h in history]
    return sorted(rows, key=lambda row: (row["year"], row["name"]), reverse=True)


def _ratings(nomination: Nomination, year: int) -> list[dict]:
    subject = Q(person=nomination.person) if nomination.person_id else Q(person__isnull=True, unit=nomination.unit)
    rows = AnnualRating.objects.filter(subject, year__gt=year - RATING_YEARS, year__lte=year).order_by("-year")
    return [{"year": r.year, "rating": r.get_rating_display(), "source": r.source} for r in rows]


def _person_records(nomination: Nomination, year: int) -> dict:
    if not nomination.person_id:
        return {"initiatives": [], "disciplines": [], "sanctions": []}
    person = nomination.person
    initiatives = Initiative.objects.filter(person=person, recognised_on__year__lte=year).order_by("-recognised_on")
    disciplines = DisciplineRecord.objects.filter(person=person, decided_on__year=year)
    sanctions = AdministrativeSanction.objects.filter(person=person, decided_on__year=year)
    return {
        "initiatives": [
            {"title": i.title, "level": i.get_level_display(), "day": _d(i.recognised_on), "number": i.decision_number}
            for i in initiatives
        ],
        "disciplines": [
            {"form": d.get_form_display(), "day": _d(d.decided_on), "number": d.decision_number} for d in disciplines
        ],
        "sanctions": [{"text": s.description, "day": _d(s.decided_on), "number": s.decision_number} for s in sanctions],
    }


def vote(nomination: Nomination) -> dict | None:
    """The last sealed ballot of the nomination, in figures."""
    ballot = Ballot.objects.filter(nomination=nomination, sealed_at__isnull=False).order_by("-sealed_at", "-pk").first()
    if ballot is None:
        return None
    return {
        "agree": ballot.agree_count,
        "disagree": ballot.disagree_count,
        "base": ballot.base_count,
        "pct": f"{ballot.agree_pct:.2f}".rstrip("0").rstrip(".").replace(".", ","),
        "threshold": f"{ballot.threshold_pct:.2f}".rstrip("0").rstrip(".").replace(".", ","),
        "outcome": ballot.get_outcome_display(),
        "secret": ballot.secret,
        "session_date": _d(ballot.session.date),
        "council": ballot.session.council.name,
    }


def nominee(nomination: Nomination) -> dict:
    person = nomination.person
    return {
        "name": person.full_name if person else nomination.unit.name,
        "is_person": bool(person),
        "position": person.position if person else "",
        "category": person.get_category_display() if person else "",
        "unit": nomination.unit.name,
        "target": nomination.target.name,
    }


def dossier_facts(nomination: Nomination) -> dict:
    """Everything the documents of one nomination print, as plain values (for docxtpl and for the PDF template)."""
    year = nomination.period.ends_on.year
    score = Score.objects.filter(unit=nomination.unit, period=nomination.period).select_related("band").first()
    return {
        "nominee": nominee(nomination),
        "period": nomination.period.name,
        "year": year,
        "proposed_on": _d(timezone.localtime(nomination.proposed_at)),
        "achievement": nomination.achievement_report,
        "ratings": _ratings(nomination, year),
        "held": _held(nomination, year),
        "score": {"total": f"{score.total:.2f}".replace(".", ","), "band": score.band.name if score.band else ""}
        if score
        else None,
        "vote": vote(nomination),
        **_person_records(nomination, year),
    }


def short_list(nominations) -> list[dict]:
    """Danh sách trích ngang: one line per nomination (name, position, unit, title or form, vote)."""
    return [{**nominee(n), "vote": vote(n)} for n in nominations]
