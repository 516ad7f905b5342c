"""Who may prepare, submit and review a pledge, and fetching a pledge or a registration for a user."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.pledges.models import Pledge, Registration
from units.models import Person, Role, Unit
from units.permissions import has_role, is_administrator


def can_prepare_pledge(user, unit: Unit) -> bool:
    """The unit's head or clerk prepares the pledge (and an administrator may help)."""
    return has_role(user, Role.UNIT_HEAD, Role.UNIT_CLERK, Role.ADMINISTRATOR, unit=unit)


def can_submit_pledge(user, unit: Unit) -> bool:
    """Only the unit's head submits."""
    return has_role(user, Role.UNIT_HEAD, unit=unit)


def can_review_pledge(user, pledge: Pledge, *, after_deadline: bool) -> bool:
    """An administrator reviews; before the deadline the head of a superior unit may too (never their own unit)."""
    if is_administrator(user, unit=pledge.unit):
        return True
    parent = pledge.unit.parent
    return not after_deadline and parent is not None and has_role(user, Role.UNIT_HEAD, unit=parent)


def belongs_to(user, unit: Unit) -> bool:
    person = Person.objects.filter(user=user).select_related("unit").first()
    return person is not None and person.unit.is_within(unit)


PLEDGE_ACTIONS = {"prepare", "submit", "review"}


def get_pledge_for_user(user, pk, *, action: str | None = None) -> Pledge:
    """A pledge the user can see; `action` (prepare / submit / review) must also be allowed."""
    pledge = Pledge.objects.for_user(user).select_related("unit__parent", "period__movement").filter(pk=pk).first()
    if pledge is None:
        raise Http404
    allowed = {
        None: True,
        "prepare": can_prepare_pledge(user, pledge.unit),
        "submit": can_submit_pledge(user, pledge.unit),
        "review": can_review_pledge(user, pledge, after_deadline=False),
    }[action]
    if not allowed:
        raise PermissionDenied
    return pledge


def get_registration_for_user(user, pk) -> Registration:
    """A registration: the person's own, or one of a pledge the user can see."""
    registration = Registration.objects.select_related("pledge", "person", "title").filter(pk=pk).first()
    if registration is None:
        raise Http404
    own = registration.person.user_id == user.pk
    if not own and not Pledge.objects.for_user(user).filter(pk=registration.pledge_id).exists():
        raise Http404
    return registration
