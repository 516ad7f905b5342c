"""Recording a reorganisation act, previewing it, and undoing it before it takes effect.

Rules
-----
- An act is one of merge, split, rename, move or dissolve, on the basis of a resolution (number and date), effective
  on a day no earlier than the resolution. Only an administrator over every unit it touches records it.
- Merge, split, rename and dissolve close each old unit the day before the act takes effect; a merge, split or rename
  opens its new units on that day (a merge may instead go into an existing unit). Each old unit names its successor
  (the receiving unit); a split names every new unit (the first as `successor`, the others as further successors),
  and the history and the read access follow all of them.
- Units change parent, staff move or leave and roles move or end only on the effective day: an act recorded ahead
  writes them as pending changes (shown in the preview) and `pending.apply_due_moves` (hourly task) applies them, and
  tells the people concerned, when the day comes. An act dated today or earlier applies them at once.
- What the old unit held moves to its successor: its open sub-units, its active staff and its role assignments; a
  role the holder already has on the successor ends instead. Everyone whose role moves or ends is told when it does.
  A dissolved unit without a receiving unit hands its sub-units to its own parent; its staff leave, its roles end.
- Past records are never touched: scores, decisions, awards and certificates keep the unit they were made for.
- All of it or nothing: any invalid part refuses the whole act. The preview runs the same steps and rolls back.
- A recorded act is undone, all of it, only before its effective day.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from units.models import Person, Role, RoleAssignment, Unit, User
from units.notifications.services import notify
from units.permissions import is_administrator
from units.reorganisation.models import (
    ChangeKind,
    Reorganisation,
    ReorganisationChange,
    ReorganisationKind,
    ReorganisationStatus,
)
from units.reorganisation.pending import notify_role_changes, role_text

CLOSING = {ReorganisationKind.MERGE, ReorganisationKind.SPLIT, ReorganisationKind.RENAME, ReorganisationKind.DISSOLVE}


@dataclass
class NewUnit:
    code: str
    name: str


@dataclass
class Act:
    """What the administrator asks for, before it is checked."""

    kind: str
    resolution_number: str
    resolution_date: datetime.date
    effective_on: datetime.date
    sources: list = field(default_factory=list)
    new_units: list = field(default_factory=list)  # [NewUnit]
    target: Unit | None = None  # merge: existing receiving unit; move: new parent; dissolve: receiving unit
    parent: Unit | None = None  # parent of the new units (default: the first old unit's parent)
    note: str = ""


def day(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


def check_act(*, act: Act, by: User) -> None:
    """Refuse an act that is incomplete, touches units the user does not administer, or closes a closed unit."""
    errors = _shape_errors(act) + _unit_errors(act, by)
    if errors:
        raise ValidationError(errors)


def _shape_errors(act: Act) -> list[str]:
    errors = []
    if not act.resolution_number.strip():
        errors.append(_("Cần số nghị quyết (quyết định) làm căn cứ."))
    if act.resolution_date > act.effective_on:
        errors.append(_("Ngày có hiệu lực không được trước ngày ban hành nghị quyết."))
    count, new = len(act.sources), len(act.new_units)
    wanted = {
        ReorganisationKind.MERGE: count >= 1 and (new == 1) != (act.target is not None),
        ReorganisationKind.SPLIT: count == 1 and new >= 2 and act.target is None,
        ReorganisationKind.RENAME: count == 1 and new == 1 and act.target is None,
        ReorganisationKind.MOVE: count >= 1 and new == 0 and act.target is not None,
        ReorganisationKind.DISSOLVE: count >= 1 and new == 0,
    }
    if not wanted[act.kind]:
        errors.append(_shape_message(act.kind))
    codes = [item.code.strip() for item in act.new_units]
    if any(not item.code.strip() or not item.name.strip() for item in act.new_units):
        errors.append(_("Mỗi đơn vị mới cần mã và tên."))
    taken = Unit.objects.filter(code__in=codes).values_list("code", flat=True)
    for code in sorted(set(taken) | {code for code in codes if codes.count(code) > 1}):
        errors.append(_("Mã đơn vị %(code)s đã được dùng.") % {"code": code})
    return errors


def _shape_message(kind: str) -> str:
    return {
        ReorganisationKind.MERGE: _("Sáp nhập: chọn các đơn vị cũ và một đơn vị tiếp nhận (có sẵn hoặc mới)."),
        ReorganisationKind.SPLIT: _("Chia tách: chọn một đơn vị cũ và ít nhất hai đơn vị mới."),
        ReorganisationKind.RENAME: _("Đổi tên: chọn một đơn vị và ghi mã, tên mới."),
        ReorganisationKind.MOVE: _("Chuyển: chọn các đơn vị và đơn vị cấp trên mới."),
        ReorganisationKind.DISSOLVE: _("Giải thể: chọn các đơn vị giải thể (không lập đơn vị mới)."),
    }[kind]


def _unit_errors(act: Act, by: User) -> list[str]:
    errors = []
    touched = act.sources + [unit for unit in (act.target, act.parent) if unit is not None]
    if not all(is_administrator(by, unit=unit) for unit in touched):
        errors.append(_("Bạn không quản trị tất cả các đơn vị liên quan."))
    for unit in act.sources:
        if unit.valid_to is not None and unit.valid_to < act.effective_on:
            text = _("%(unit)s đã chấm dứt hoạt động từ %(day)s.")
            errors.append(text % {"unit": unit.name, "day": day(unit.valid_to)})
        if unit.valid_from is not None and unit.valid_from >= act.effective_on:
            errors.append(_("%(unit)s chưa hoạt động trước ngày có hiệu lực.") % {"unit": unit.name})
        if any(other != unit and unit.is_within(other) for other in act.sources):
            errors.append(_("%(unit)s nằm trong một đơn vị khác của cùng văn bản.") % {"unit": unit.name})
        if act.target is not None and act.target.is_within(unit):
            errors.append(_("Đơn vị tiếp nhận không được nằm trong %(unit)s.") % {"unit": unit.name})
    return errors


def record_reorganisation(*, act: Act, by: User) -> Reorganisation:
    """Check and apply the whole act in one transaction; the people whose roles move or end are told."""
    check_act(act=act, by=by)
    with transaction.atomic():
        record = Reorganisation.objects.create(
            kind=act.kind,
            resolution_number=act.resolution_number.strip(),
            resolution_date=act.resolution_date,
            effective_on=act.effective_on,
            note=act.note,
            recorded_by=by,
        )
        _Applier(record, act).run()
    return record


def preview_reorganisation(*, act: Act, by: User) -> list[ReorganisationChange]:
    """Exactly what recording the act would change, computed by applying it and rolling back."""
    check_act(act=act, by=by)
    with transaction.atomic():
        record = Reorganisation.objects.create(
            kind=act.kind, resolution_number=act.resolution_number, resolution_date=act.resolution_date,
            effective_on=act.effective_on, recorded_by=by,
        )  # fmt: skip
        changes = _Applier(record, act).run()
        transaction.set_rollback(True)
    return changes


class _Applier:
    """Applies one checked act, writing a change row per step (in the order they must be undone backwards)."""

    def __init__(self, record: Reorganisation, act: Act):
        self.record, self.act, self.changes = record, act, []
        self.closing_day = act.effective_on - datetime.timedelta(days=1)
        self.pending = act.effective_on > timezone.localdate()

    def run(self) -> list[ReorganisationChange]:
        new_units = [self._open(item) for item in self.act.new_units]
        if self.act.kind == ReorganisationKind.MOVE:
            for unit in self.act.sources:
                self._move_unit(unit, self.act.target)
        else:
            successor = self.act.target or (new_units[0] if new_units else None)
            further = new_units[1:] if self.act.kind == ReorganisationKind.SPLIT else []
            for unit in self.act.sources:
                self._close(unit, successor, further)
        notify_role_changes(self.record, self.changes)
        return self.changes

    def _log(self, kind: str, description: str, **fields) -> ReorganisationChange:
        change = ReorganisationChange.objects.create(
            reorganisation=self.record, position=len(self.changes), kind=kind, description=description, **fields
        )
        self.changes.append(change)
        return change

    def _open(self, item: NewUnit) -> Unit:
        first = self.act.sources[0]
        parent = self.act.parent or first.parent
        unit = Unit.objects.create(
            code=item.code.strip(), name=item.name.strip(), level=first.level, kind=first.kind, parent=parent,
            valid_from=self.act.effective_on,
        )  # fmt: skip
        text = _("Thành lập %(unit)s (mã %(code)s) thuộc %(parent)s, từ %(day)s.")
        self._log(ChangeKind.OPEN_UNIT, text % {"unit": unit.name, "code": unit.code, "parent": parent or "—",
                                                "day": day(self.act.effective_on)}, unit=unit)  # fmt: skip
        return unit

    def _close(self, unit: Unit, successor: Unit | None, further: list[Unit]) -> None:
        previous = {"valid_to": unit.valid_to and unit.valid_to.isoformat(), "successor": unit.successor_id,
                    "further_successors": sorted(unit.further_successors.values_list("pk", flat=True))}  # fmt: skip
        unit.valid_to, unit.successor = self.closing_day, successor
        unit.save(update_fields=["valid_to", "successor"])
        unit.further_successors.set(further)
        text = _("%(unit)s chấm dứt hoạt động sau ngày %(day)s; đơn vị kế thừa: %(successor)s.")
        heirs = ", ".join(item.name for item in [successor, *further] if item is not None)
        names = {"unit": unit.name, "day": day(self.closing_day), "successor": heirs or _("không có")}
        self._log(ChangeKind.CLOSE_UNIT, text % names, unit=unit, to_unit=successor, previous=previous)
        receiver = successor or unit.parent
        open_children = unit.children.filter(valid_to__isnull=True) | unit.children.filter(
            valid_to__gte=self.act.effective_on
        )
        for child in open_children.order_by("name"):
            if receiver is not None:
                self._move_unit(child, receiver)
        self._move_people(unit, successor)
        self._move_roles(unit, successor)

    def _move_unit(self, unit: Unit, parent: Unit) -> None:
        old, pending = unit.parent, self.pending
        if not pending:
            unit.parent = parent
            unit.save()
        text = _("%(unit)s chuyển từ %(old)s sang trực thuộc %(new)s.")
        if pending:
            text = _("%(unit)s chuyển từ %(old)s sang trực thuộc %(new)s khi văn bản có hiệu lực.")
        self._log(ChangeKind.MOVE_UNIT, text % {"unit": unit.name, "old": old or "—", "new": parent.name},
                  unit=unit, from_unit=old, to_unit=parent, pending=pending)  # fmt: skip

    def _move_people(self, unit: Unit, successor: Unit | None) -> None:
        when = {"day": day(self.act.effective_on)}
        for person in Person.objects.filter(unit=unit, active=True).order_by("full_name"):
            names = {**when, "person": person.full_name, "old": unit.name}
            if successor is not None:
                if not self.pending:
                    person.unit = successor
                    person.save(update_fields=["unit"])
                text = _("%(person)s chuyển từ %(old)s sang %(new)s.")
                if self.pending:
                    text = _("%(person)s chuyển từ %(old)s sang %(new)s khi văn bản có hiệu lực (%(day)s).")
                self._log(ChangeKind.MOVE_PERSON, text % {**names, "new": successor.name}, person=person,
                          from_unit=unit, to_unit=successor, pending=self.pending)  # fmt: skip
            else:
                if not self.pending:
                    person.active = False
                    person.save(update_fields=["active"])
                text = _("%(person)s thôi công tác tại %(old)s (đơn vị giải thể).")
                if self.pending:
                    text = _("%(person)s thôi công tác tại %(old)s khi văn bản có hiệu lực (%(day)s; đơn vị giải thể).")
                self._log(ChangeKind.DEACTIVATE_PERSON, text % names, person=person, from_unit=unit,
                          pending=self.pending)  # fmt: skip

    def _move_roles(self, unit: Unit, successor: Unit | None) -> None:
        for assignment in RoleAssignment.objects.filter(unit=unit).select_related("user").order_by("role", "pk"):
            names = {"user": assignment.user, "role": assignment.get_role_display(), "old": unit.name,
                     "new": successor and successor.name, "day": day(self.act.effective_on)}  # fmt: skip
            fields = {"user": assignment.user, "role": assignment.role, "from_unit": unit, "to_unit": successor,
                      "pending": self.pending}  # fmt: skip
            held = successor and RoleAssignment.objects.filter(user=assignment.user, role=assignment.role,
                                                               unit=successor).exists()  # fmt: skip
            kind = ChangeKind.MOVE_ROLE if successor is not None and not held else ChangeKind.END_ROLE
            if not self.pending and kind == ChangeKind.MOVE_ROLE:
                assignment.unit = successor
                assignment.save(update_fields=["unit"])
            elif not self.pending:
                assignment.delete()
            self._log(kind, role_text(kind, pending=self.pending) % names, **fields)


def reverse_reorganisation(*, reorganisation: Reorganisation, by: User) -> Reorganisation:
    """Undo every change of a recorded act, newest first, only before its effective day; those concerned are told."""
    with transaction.atomic():
        record = Reorganisation.objects.select_for_update().get(pk=reorganisation.pk)
        if not record.is_reversible:
            raise ValidationError(_("Chỉ hủy bỏ được văn bản sắp xếp chưa có hiệu lực."))
        units = [change.unit for change in record.changes.select_related("unit") if change.unit is not None]
        if not all(is_administrator(by, unit=unit) for unit in units):
            raise ValidationError(_("Bạn không quản trị tất cả các đơn vị liên quan."))
        for change in record.changes.select_related("unit", "person", "user").order_by("-position"):
            UNDO[change.kind](change)
        record.status, record.reversed_by, record.reversed_at = ReorganisationStatus.REVERSED, by, timezone.now()
        record.save(update_fields=["status", "reversed_by", "reversed_at"])
    return record


def _undo_open(change):
    try:
        with transaction.atomic():
            change.unit.delete()
    except ProtectedError as error:
        text = _("%(unit)s đã có dữ liệu riêng; không hủy bỏ được văn bản sắp xếp.") % {"unit": change.unit.name}
        raise ValidationError(text) from error


def _undo_close(change):
    previous = change.previous
    unit = change.unit
    unit.valid_to = previous["valid_to"] and datetime.date.fromisoformat(previous["valid_to"])
    unit.successor_id = previous["successor"]
    unit.save(update_fields=["valid_to", "successor"])
    unit.further_successors.set(previous.get("further_successors", []))


def _undo_move_unit(change):
    if change.pending:
        return  # the unit never moved
    change.unit.parent = change.from_unit
    change.unit.save()


def _undo_move_person(change):
    if change.pending:
        return
    Person.objects.filter(pk=change.person_id).update(unit=change.from_unit)


def _undo_deactivate_person(change):
    if change.pending:
        return
    Person.objects.filter(pk=change.person_id).update(active=True)


def _undo_move_role(change):
    if change.pending:
        return  # the role never moved; nobody was told
    RoleAssignment.objects.filter(user=change.user, role=change.role, unit=change.to_unit).update(unit=change.from_unit)
    _tell_restored(change)


def _undo_end_role(change):
    if change.pending:
        return
    RoleAssignment.objects.get_or_create(user=change.user, role=change.role, unit=change.from_unit)
    _tell_restored(change)


def _tell_restored(change):
    text = _("Văn bản sắp xếp %(number)s đã được hủy bỏ: vai trò %(role)s của bạn tại %(unit)s được giữ nguyên.")
    names = {"number": change.reorganisation.resolution_number, "role": Role(change.role).label,
             "unit": change.from_unit}  # fmt: skip
    notify(users=[change.user], title=text % names)


UNDO = {
    ChangeKind.OPEN_UNIT: _undo_open,
    ChangeKind.CLOSE_UNIT: _undo_close,
    ChangeKind.MOVE_UNIT: _undo_move_unit,
    ChangeKind.MOVE_PERSON: _undo_move_person,
    ChangeKind.DEACTIVATE_PERSON: _undo_deactivate_person,
    ChangeKind.MOVE_ROLE: _undo_move_role,
    ChangeKind.END_ROLE: _undo_end_role,
}
