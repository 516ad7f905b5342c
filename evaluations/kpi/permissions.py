"""Fetching a KPI reading for a user."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from evaluations.kpi.models import KpiReading
from units.permissions import is_administrator


def get_kpi_reading_for_user(user, pk, *, write: bool = False) -> KpiReading:
    """A reading of a unit the user reaches; changing it needs an administrator role over the unit."""
    reading = KpiReading.objects.for_user(user).select_related("unit", "indicator").filter(pk=pk).first()
    if reading is None:
        raise Http404
    if write and not is_administrator(user, unit=reading.unit):
        raise PermissionDenied
    return reading
