"""The changes an act recorded ahead of its effective day leaves waiting, applied when the day comes.

Rules
-----
- An act recorded ahead changes nothing on the tree or on people until its effective day: each step is written as a
  pending change (a unit's new parent, a person's move or leave, a role that moves or ends), which the preview shows.
- On the day, `apply_due_moves` (hourly task) applies every pending change of the acts that have come due, act by act
  in one transaction each, and tells each person whose role moved or ended.
- A change is applied to things as they are on that day: a person who has left the old unit meanwhile is not moved; a
  role no longer held is not touched; a role the holder has meanwhile been given on the successor ends instead.
- A pending change undone before its day undoes nothing (nothing happened); nobody is told.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from units.models import Person, RoleAssignment
from units.notifications.services import notify
from units.reorganisation.models import ChangeKind, Reorganisation, ReorganisationChange, ReorganisationStatus

ROLE_CHANGES = (ChangeKind.MOVE_ROLE, ChangeKind.END_ROLE)


def day(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


def basis(record: Reorganisation) -> str:
    """The act's legal basis and effective day, as told to the people concerned."""
    return _("theo %(number)s ngày %(date)s, có hiệu lực từ %(day)s") % {
        "number": record.resolution_number,
        "date": day(record.resolution_date),
        "day": day(record.effective_on),
    }


def notify_role_changes(record: Reorganisation, changes) -> None:
    """Each person whose role moved or ended is told, with the act's basis and date."""
    for change in changes:
        if change.kind in ROLE_CHANGES and not change.pending:
            notify(users=[change.user], title=change.description, body=basis(record))


def role_text(kind: str, *, pending: bool) -> str:
    if kind == ChangeKind.MOVE_ROLE:
        if pending:
            return _("Vai trò %(role)s của %(user)s chuyển từ %(old)s sang %(new)s khi văn bản có hiệu lực (%(day)s).")
        return _("Vai trò %(role)s của %(user)s chuyển từ %(old)s sang %(new)s.")
    if pending:
        return _("Vai trò %(role)s của %(user)s tại %(old)s chấm dứt khi văn bản có hiệu lực (%(day)s).")
    return _("Vai trò %(role)s của %(user)s tại %(old)s chấm dứt.")


def apply_due_moves(today: datetime.date | None = None) -> int:
    """Apply the pending changes of every act that has taken effect by `today` (default: today); how many were."""
    today = today or timezone.localdate()
    due = Reorganisation.objects.filter(
        status=ReorganisationStatus.RECORDED, effective_on__lte=today, changes__pending=True
    ).distinct()
    applied = 0
    for record in due.order_by("effective_on", "pk"):
        with transaction.atomic():
            changes = record.changes.filter(pending=True).select_related("unit", "to_unit", "from_unit", "user")
            done = [change for change in changes.order_by("position") if APPLY[change.kind](change)]
            ReorganisationChange.objects.filter(pk__in=[change.pk for change in changes]).update(pending=False)
            for change in done:
                change.pending = False
            notify_role_changes(record, done)
            applied += len(done)
    return applied


def _apply_move_unit(change) -> bool:
    if change.unit is None or change.to_unit is None:
        return False
    change.unit.parent = change.to_unit
    change.unit.save()
    return True


def _apply_move_person(change) -> bool:
    person = Person.objects.filter(pk=change.person_id, unit=change.from_unit, active=True).first()
    if person is None or change.to_unit is None:
        return False
    person.unit = change.to_unit
    person.save(update_fields=["unit"])
    return True


def _apply_deactivate_person(change) -> bool:
    person = Person.objects.filter(pk=change.person_id, unit=change.from_unit, active=True).first()
    if person is None:
        return False
    person.active = False
    person.save(update_fields=["active"])
    return True


def _apply_role(change) -> bool:
    """Move the role to the successor, or end it when there is none or the holder already has it there."""
    assignment = RoleAssignment.objects.filter(user=change.user, role=change.role, unit=change.from_unit).first()
    if assignment is None or change.user is None:
        return False
    successor = change.to_unit
    held = successor and RoleAssignment.objects.filter(user=change.user, role=change.role, unit=successor).exists()
    kind = ChangeKind.MOVE_ROLE if successor is not None and not held else ChangeKind.END_ROLE
    if kind == ChangeKind.MOVE_ROLE:
        assignment.unit = successor
        assignment.save(update_fields=["unit"])
    else:
        assignment.delete()
    names = {"user": change.user, "role": assignment.get_role_display(), "old": change.from_unit, "new": successor}
    change.kind, change.description = kind, role_text(kind, pending=False) % names
    ReorganisationChange.objects.filter(pk=change.pk).update(kind=kind, description=change.description)
    return True


APPLY = {
    ChangeKind.MOVE_UNIT: _apply_move_unit,
    ChangeKind.MOVE_PERSON: _apply_move_person,
    ChangeKind.DEACTIVATE_PERSON: _apply_deactivate_person,
    ChangeKind.MOVE_ROLE: _apply_role,
    ChangeKind.END_ROLE: _apply_role,
}
