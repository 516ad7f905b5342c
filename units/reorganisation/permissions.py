"""Who may see and change reorganisation acts: administrators over every unit the act touched."""

from django.http import Http404

from units.models import Unit
from units.permissions import require_administrator
from units.reorganisation.models import Reorganisation


def get_reorganisation_for_user(user, pk) -> Reorganisation:
    """The act, for an administrator who reaches every unit it touched (others: 403 or 404)."""
    require_administrator(user)
    record = Reorganisation.objects.filter(pk=pk).first()
    if record is None:
        raise Http404
    touched = {change.unit_id for change in record.changes.all() if change.unit_id}
    if Unit.objects.for_user(user).filter(pk__in=touched).count() != len(touched):
        raise Http404
    return record
