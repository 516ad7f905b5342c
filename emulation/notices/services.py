"""What the public notice page shows — only what is meant to be public.

Rules
-----
- Under consultation: a nomination vetted by the council's secretary (vetted, on the agenda or being voted) for a
  title or form whose consultation rule is in force on the vetting date; the window runs from the vetting date for
  the rule's number of days (calendar or working days; the opening day is not counted). It shows the nominee's
  name, unit and the title or form — never the report, the vetting notes, the eligibility result, contact details
  or votes.
- Decisions: signed (not drafts, not annulled) decisions the body issued, with the recipients whose award is still
  in force: name, unit, title or form — never amounts, achievements or personal details.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from emulation.council.models.nominations import Nomination, NominationStatus
from emulation.decisions.models import Award, Decision, DecisionStatus
from emulation.notices.models import ConsultationRule
from units.models import Level, Unit

UNDER_CONSULTATION = [NominationStatus.VETTED, NominationStatus.ON_AGENDA, NominationStatus.VOTING]


@dataclass
class Consultation:
    name: str
    unit: str
    target: str
    opens: datetime.date
    closes: datetime.date


def _rule_for(nomination: Nomination, on: datetime.date) -> ConsultationRule | None:
    thing = {"title_id": nomination.title_id} if nomination.title_id else {"award_form_id": nomination.award_form_id}
    return ConsultationRule.objects.in_force(on).filter(**thing).order_by("-effective_from").first()


def consultations(body: Unit) -> list[Consultation]:
    """Nominations of the body's subtree now published for public comment, with their window."""
    nominations = Nomination.objects.filter(
        status__in=UNDER_CONSULTATION, vetted_at__isnull=False, unit__path__startswith=body.path
    ).select_related("person", "unit", "title", "award_form")
    found = []
    for nomination in nominations.order_by("vetted_at", "pk"):
        opens = timezone.localdate(nomination.vetted_at)
        rule = _rule_for(nomination, opens)
        if rule is None:
            continue
        found.append(
            Consultation(
                name=nomination.person.full_name if nomination.person_id else nomination.unit.name,
                unit=nomination.unit.name,
                target=nomination.target.name,
                opens=opens,
                closes=rule.closes(opens),
            )
        )
    return found


def published_decisions(body: Unit | None = None):
    """Signed decisions (issued by `body`), newest first."""
    decisions = Decision.objects.filter(status=DecisionStatus.SIGNED).select_related("unit", "authority")
    if body is not None:
        decisions = decisions.filter(unit=body)
    return decisions.order_by("-decided_on", "-pk")


def public_recipients(decision: Decision) -> list[dict]:
    """Recipients whose award is in force: name, unit, title or form."""
    awards = Award.objects.in_force().filter(decision=decision).select_related("person__unit", "unit", "title")
    awards = awards.select_related("award_form").order_by("unit__path", "person__full_name", "pk")
    return [
        {"name": a.person.full_name if a.person_id else a.unit.name, "unit": a.recipient_unit.name, "what": a.what.name}
        for a in awards
    ]


def public_bodies():
    """Bodies listed on the index: those that issued a signed decision, have a council, or are provinces."""
    issuing = Decision.objects.filter(status=DecisionStatus.SIGNED).values("unit_id")
    condition = Q(pk__in=issuing) | Q(councils__isnull=False) | Q(level=Level.PROVINCE)
    return Unit.objects.filter(condition).distinct().order_by("path")
