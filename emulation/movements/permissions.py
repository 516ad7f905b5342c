"""Fetching a movement or a period for a user: everyone who browses reads, administrators configure."""

from django.http import Http404

from emulation.movements.models import Movement, Period
from emulation.permissions import require_configure
from units.permissions import can_browse_units


def get_movement_for_user(user, pk, *, write: bool = False) -> Movement:
    """Any user who browses units sees movements; changing them needs an administrator."""
    movement = Movement.objects.filter(pk=pk).first()
    if movement is None or not can_browse_units(user):
        raise Http404
    if write:
        require_configure(user)
    return movement


def get_period_for_user(user, pk, *, write: bool = False) -> Period:
    """Any user who browses units sees periods; changing them needs an administrator."""
    period = Period.objects.select_related("movement").filter(pk=pk).first()
    if period is None or not can_browse_units(user):
        raise Http404
    if write:
        require_configure(user)
    return period
