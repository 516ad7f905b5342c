"""Who may see and change KPI readings, appeals, corrective actions and standalone violations.

One helper per object type, returning the object or raising 404 (not visible) / 403 (visible, not allowed).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from evaluations.appeals.models import Appeal, Attachment, CorrectiveAction
from evaluations.inspections.models import Violation, inspection_ids_of
from units.models import Role
from units.permissions import has_role, is_administrator

CONTESTING_ROLES = (Role.UNIT_HEAD, Role.UNIT_CLERK)

REVIEWING_ROLES = (Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY)


def took_part_in(user, violation: Violation) -> bool:
    """The user recorded the violation or was on the team of its inspection."""
    return violation.recorded_by_id == user.pk or (
        violation.inspection_id is not None and violation.inspection_id in inspection_ids_of(user)
    )


def can_contest(user, violation: Violation) -> bool:
    """The unit head or clerk of the violation's unit, or the person named, may contest it."""
    if violation.person_id and violation.person.user_id == user.pk:
        return True
    return has_role(user, *CONTESTING_ROLES, unit=violation.unit)


def can_review(user, violation: Violation) -> bool:
    """An administrator or council secretary over the unit decides appeals, never one who recorded it."""
    return has_role(user, *REVIEWING_ROLES, unit=violation.unit) and not took_part_in(user, violation)


def can_confirm_actions(user, violation: Violation) -> bool:
    """The inspectors who recorded the violation, or an administrator over the unit, confirm corrective actions."""
    return took_part_in(user, violation) or is_administrator(user, unit=violation.unit)


def get_violation_to_contest(user, pk) -> Violation:
    violation = Violation.objects.for_user(user).select_related("unit", "person", "type").filter(pk=pk).first()
    if violation is None:
        raise Http404
    if not can_contest(user, violation):
        raise PermissionDenied
    return violation


def get_appeal_for_user(user, pk, *, decide: bool = False) -> Appeal:
    """An appeal of a violation the user sees; deciding it needs a reviewer who took no part in the violation."""
    appeal = (
        Appeal.objects.for_user(user)
        .select_related("violation__unit", "violation__type", "violation__person", "filed_by", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if appeal is None:
        raise Http404
    if decide and not can_review(user, appeal.violation):
        raise PermissionDenied
    return appeal


def is_action_owner(user, action: CorrectiveAction) -> bool:
    return action.owner_user_id == user.pk or (action.owner_person_id and action.owner_person.user_id == user.pk)


def get_corrective_action_for_user(user, pk, *, step: str = "") -> CorrectiveAction:
    """A corrective action the user sees. step "done": its owner or the unit's head or clerk;
    step "confirm": an inspector who recorded the violation or an administrator over the unit."""
    action = (
        CorrectiveAction.objects.for_user(user)
        .select_related("violation__unit", "violation__type", "owner_person", "owner_user")
        .filter(pk=pk)
        .first()
    )
    if action is None:
        raise Http404
    unit = action.violation.unit
    allowed = {
        "": True,
        "done": is_action_owner(user, action) or has_role(user, *CONTESTING_ROLES, unit=unit),
        "confirm": can_confirm_actions(user, action.violation),
    }[step]
    if not allowed:
        raise PermissionDenied
    return action


def get_attachment_for_user(user, pk) -> Attachment:
    """A file, for whoever may see its appeal or corrective action and the person named in the violation."""
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    if attachment.appeal_id:
        violation = get_appeal_for_user(user, attachment.appeal_id).violation
    else:
        violation = get_corrective_action_for_user(user, attachment.corrective_action_id).violation
    if not violation.names_person_to(user):
        raise PermissionDenied(_("Tệp của vi phạm này chỉ dành cho người có thẩm quyền."))
    return attachment
