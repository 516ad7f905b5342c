"""Who may see and change what in `evaluations`: one helper per object type, returning it or raising 404/403.

Who plans: an administrator over the unit plans inspections; the inspection lead (the team member named lead)
may also change the plan of their own draft. Who logs: only the team members of a draft inspection tick items
and record violations. A submitted inspection is read-only for everyone, through every view.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from evaluations.inspections.models import Evidence, Inspection, Violation
from units.models import Person, Role, Unit
from units.permissions import acting_role_paths, has_role, is_administrator

LOCKED = _("Cuộc kiểm tra đã nộp nên chỉ còn xem, không sửa được.")


def can_plan_inspections(user) -> bool:
    return is_administrator(user)


def can_browse_inspections(user) -> bool:
    return has_role(
        user,
        Role.ADMINISTRATOR,
        Role.INSPECTOR,
        Role.UNIT_HEAD,
        Role.UNIT_CLERK,
        Role.COUNCIL_MEMBER,
        Role.COUNCIL_SECRETARY,
    )


def inspector_conflict(user, unit: Unit) -> str | None:
    """Why `user` may not inspect `unit`: they belong to it, to a unit above it, or to a unit below it."""
    person = Person.objects.filter(user=user).select_related("unit").first()
    if person is None:
        return None
    own = person.unit
    if own.pk == unit.pk:
        reason = _("%(name)s công tác tại chính đơn vị %(unit)s.")
    elif own.is_within(unit):
        reason = _("%(name)s công tác tại %(own)s, đơn vị trực thuộc %(unit)s.")
    elif unit.is_within(own):
        reason = _("%(name)s công tác tại %(own)s, đơn vị cấp trên của %(unit)s.")
    else:
        return None
    return reason % {"name": user.get_full_name(), "own": own.name, "unit": unit.name}


def is_on_team(user, inspection: Inspection) -> bool:
    return inspection.team.filter(pk=user.pk).exists()


def get_inspection_for_user(user, pk, *, write: bool = False) -> Inspection:
    """The inspection if visible; writing (ticking, recording violations, submitting) needs a team member of
    a draft inspection who holds the inspector role over the unit."""
    inspection = Inspection.objects.for_user(user).filter(pk=pk).select_related("unit", "lead").first()
    if inspection is None:
        raise Http404
    if write:
        if not (is_on_team(user, inspection) and has_role(user, Role.INSPECTOR, unit=inspection.unit)):
            raise PermissionDenied(_("Chỉ thành viên đoàn kiểm tra được ghi kết quả."))
        if not inspection.is_draft:
            raise PermissionDenied(LOCKED)
    return inspection


def get_inspection_plan_for_user(user, pk) -> Inspection:
    """A draft inspection whose plan the user may change: an administrator over its unit, or its lead."""
    inspection = get_inspection_for_user(user, pk)
    if not (is_administrator(user, unit=inspection.unit) or inspection.lead_id == user.pk):
        raise PermissionDenied(_("Chỉ quản trị hoặc trưởng đoàn được sửa kế hoạch kiểm tra."))
    if not inspection.is_draft:
        raise PermissionDenied(LOCKED)
    return inspection


def get_violation_for_user(user, pk, *, write: bool = False) -> Violation:
    """The violation if visible; changing it (adding photos) needs a team member of its draft inspection."""
    violation = (
        Violation.objects.for_user(user)
        .filter(pk=pk)
        .select_related("unit", "person", "type", "inspection", "recorded_by")
        .first()
    )
    if violation is None:
        raise Http404
    if write:
        if violation.inspection is None:
            raise PermissionDenied(_("Vi phạm ghi nhận theo văn bản không thêm ảnh tại đây."))
        get_inspection_for_user(user, violation.inspection_id, write=True)
    return violation


def get_evidence_for_user(user, pk) -> Evidence:
    """A photo, for whoever may see its violation and the person in it (photos of a sensitive violation can
    identify the person, so they follow the same rule as the name)."""
    evidence = Evidence.objects.filter(pk=pk).select_related("violation").first()
    if evidence is None:
        raise Http404
    violation = get_violation_for_user(user, evidence.violation_id)
    if not violation.names_person_to(user):
        raise PermissionDenied(_("Ảnh của vi phạm này chỉ dành cho người có thẩm quyền."))
    return evidence


def can_record_standalone(user, unit: Unit | None = None) -> bool:
    """Administrators, and inspectors for units they do not belong to, record violations outside inspections."""
    if is_administrator(user, unit=unit):
        return True
    return has_role(user, Role.INSPECTOR, unit=unit) and (unit is None or inspector_conflict(user, unit) is None)


def standalone_units(user):
    """Units the user may record a standalone violation for (a form's choices; the view re-checks the unit)."""
    reach = Q(pk__in=[])
    for role, path in acting_role_paths(user):
        if role in {Role.ADMINISTRATOR, Role.INSPECTOR}:
            reach |= Q(path__startswith=path)
    units = Unit.objects.filter(reach) if not user.is_superuser else Unit.objects.all()
    if is_administrator(user):
        return units
    own = Person.objects.filter(user=user).select_related("unit").first()
    if own is not None:
        units = units.exclude(path__startswith=own.unit.path).exclude(pk__in=own.unit.ancestor_ids())
    return units
