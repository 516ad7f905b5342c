"""Emulation blocs of a period: members ranked together, a leader and a deputy chosen among them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation.movements.models import Bloc, BlocMembership, Period
from emulation.permissions import can_configure
from units.models import Unit, User


@transaction.atomic
def save_bloc(*, period: Period, bloc: Bloc | None, by: User, name: str, kind: str, members, leader, deputy) -> Bloc:
    """Create or change a bloc; the leader and deputy are members, and a unit sits in one bloc per period."""
    if not can_configure(by):
        raise PermissionDenied
    if period.is_read_only:
        raise ValidationError(_("Kỳ thi đua đã kết thúc; muốn sửa phải mở lại."))
    members = list(members)
    if any(unit is not None and unit not in members for unit in (leader, deputy)):
        raise ValidationError(_("Trưởng khối và phó khối phải là thành viên của khối."))
    taken = BlocMembership.objects.filter(period=period, unit__in=members)
    if bloc is not None:
        taken = taken.exclude(bloc=bloc)
    if taken.exists():
        names = ", ".join(sorted(m.unit.name for m in taken.select_related("unit")))
        raise ValidationError(_("Đã thuộc khối khác trong kỳ này: %(names)s.") % {"names": names})
    bloc = bloc or Bloc(period=period)
    bloc.name, bloc.kind, bloc.leader, bloc.deputy = name, kind, leader, deputy
    bloc.save()
    _set_members(bloc, members)
    return bloc


def _set_members(bloc: Bloc, members: list[Unit]) -> None:
    bloc.memberships.exclude(unit__in=members).delete()
    present = set(bloc.memberships.values_list("unit_id", flat=True))
    BlocMembership.objects.bulk_create(
        [BlocMembership(bloc=bloc, unit=unit, period_id=bloc.period_id) for unit in members if unit.pk not in present]
    )
