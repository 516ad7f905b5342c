"""Who may verify self-assessment lines, and fetching one line for a user."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.movements.models import Bloc, Period
from emulation.pledges.models import Pledge, SelfAssessment, led_unit_ids
from emulation.pledges.permissions import belongs_to
from units.models import Role, Unit
from units.permissions import has_role


def can_verify_unit(user, unit: Unit, period: Period) -> bool:
    """An inspector over the unit who is not its member, or the head of the leader unit of the unit's bloc."""
    if has_role(user, Role.INSPECTOR, unit=unit) and not belongs_to(user, unit):
        return True
    leaders = led_unit_ids(user)
    return (
        bool(leaders)
        and unit.pk not in leaders
        and (unit.bloc_memberships.filter(period=period, bloc__leader_id__in=leaders).exists())
    )


def can_verify_anything(user) -> bool:
    """Inspectors, and heads of a unit that leads a bloc, verify self-assessment lines."""
    if has_role(user, Role.INSPECTOR):
        return True
    leaders = led_unit_ids(user)
    return bool(leaders) and Bloc.objects.filter(leader_id__in=leaders).exists()


def get_self_assessment_for_user(user, pk, *, verify: bool = False) -> SelfAssessment:
    """A self-assessment line of a visible pledge; verifying needs the right to verify that unit."""
    line = SelfAssessment.objects.select_related("pledge__unit", "pledge__period", "criterion").filter(pk=pk).first()
    if line is None or not Pledge.objects.for_user(user).filter(pk=line.pledge_id).exists():
        raise Http404
    if verify and not can_verify_unit(user, line.pledge.unit, line.pledge.period):
        raise PermissionDenied
    return line
