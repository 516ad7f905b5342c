"""Who sees and does what in the council and its nominations; one helper per object type (object, or 404/403).

- A council, its sessions and ballots are visible only to its members (any term) and its secretary: a member of
  one council gets a 404 for another council's sessions. Running a session (open, attendance, ballots, closing)
  is the council secretary's.
- A nomination is visible to the proposing side (head, clerk, administrator over its unit), to the nominee, and to
  the councils whose scope holds its unit. The unit head (or an administrator) proposes and edits it while it is
  with them; the secretary of a council whose scope holds it vets it, returns it and places it on an agenda.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.council.models.ballots import Ballot
from emulation.council.models.council import Council, Session
from emulation.council.models.nominations import Nomination
from units.models import Role, Unit
from units.permissions import has_role


def is_secretary(user, council: Council) -> bool:
    return user.is_authenticated and (user.is_superuser or council.secretary_id == user.pk)


def secretary_councils(user):
    if user.is_authenticated and user.is_superuser:
        return Council.objects.all()
    return Council.objects.filter(secretary_id=user.pk) if user.is_authenticated else Council.objects.none()


def get_council_for_user(user, pk) -> Council:
    council = Council.objects.for_user(user).select_related("scope", "secretary").filter(pk=pk).first()
    if council is None:
        raise Http404
    return council


def get_session_for_user(user, pk, *, manage: bool = False) -> Session:
    """A session of a council the user sits on or serves; managing it needs its secretary."""
    session = Session.objects.for_user(user).select_related("council__scope", "council__secretary").filter(pk=pk)
    session = session.first()
    if session is None:
        raise Http404
    if manage and not is_secretary(user, session.council):
        raise PermissionDenied
    return session


def get_ballot_for_user(user, pk, *, manage: bool = False) -> Ballot:
    """A ballot of a session the user may see; managing it needs the council secretary."""
    sessions = Session.objects.for_user(user)
    ballot = Ballot.objects.filter(pk=pk, session__in=sessions).select_related(
        "session__council", "nomination__person", "nomination__unit", "nomination__title", "nomination__award_form"
    )
    ballot = ballot.first()
    if ballot is None:
        raise Http404
    if manage and not is_secretary(user, ballot.session.council):
        raise PermissionDenied
    return ballot


def can_propose(user, unit: Unit) -> bool:
    """The unit's head proposes (an administrator over it may too)."""
    return has_role(user, Role.UNIT_HEAD, Role.ADMINISTRATOR, unit=unit)


def can_vet(user, nomination: Nomination) -> bool:
    return secretary_councils(user).filter(scope_id__in=nomination.unit.ancestor_ids()).exists()


NOMINATION_ACTIONS = {"edit", "vet"}


def get_nomination_for_user(user, pk, *, action: str | None = None) -> Nomination:
    """A nomination the user may see; `edit` needs the proposing side, `vet` a secretary of a council over it."""
    nominations = Nomination.objects.for_user(user).select_related(
        "period__movement", "person__unit", "unit", "title", "award_form", "proposed_by", "session__council"
    )
    nomination = nominations.filter(pk=pk).first()
    if nomination is None:
        raise Http404
    allowed = {
        None: True,
        "edit": can_propose(user, nomination.unit),
        "vet": can_vet(user, nomination),
    }[action]
    if not allowed:
        raise PermissionDenied
    return nomination
