"""Who may record yearly ratings and discipline, and fetching one record for a user."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from evaluations.records.models import RECORD_WRITER_ROLES
from units.models import Role, Unit
from units.permissions import acting_role_paths, has_role


def record_writer_paths(user) -> list[str]:
    """Unit paths below which the user records: administrators anywhere below them, heads and clerks their unit."""
    return [path for role, path in acting_role_paths(user) if role in RECORD_WRITER_ROLES]


def can_record_for(user, unit: Unit) -> bool:
    return has_role(user, Role.ADMINISTRATOR, Role.UNIT_HEAD, Role.UNIT_CLERK, unit=unit)


def get_record_for_user(user, model, pk, *, write: bool = False):
    """A person's (or unit's) record if the user reads it; changing it needs a writer role over its unit."""
    record = model.objects.for_user(user).filter(pk=pk).first()
    if record is None:
        raise Http404
    unit = record.person.unit if getattr(record, "person_id", None) else record.unit
    if write and not can_record_for(user, unit):
        raise PermissionDenied(_("Bạn không được sửa hồ sơ của đơn vị này."))
    return record
