"""Corrective actions: required by the inspector, done by the unit with evidence, confirmed (or reopened) by the
inspector. Open → done → confirmed; done → reopened → done → …; every step is kept in the history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.appeals.attachments import store_attachments
from evaluations.appeals.models import ActionStatus, CorrectiveAction
from evaluations.history import record_status_change
from evaluations.inspections.models import Violation, ViolationStatus
from evaluations.inspections.services import unit_contacts
from units.notifications.services import notify
from units.uploads import CleanPhoto

TRANSITIONS = {
    ActionStatus.OPEN: {ActionStatus.DONE},
    ActionStatus.REOPENED: {ActionStatus.DONE},
    ActionStatus.DONE: {ActionStatus.CONFIRMED, ActionStatus.REOPENED},
    ActionStatus.CONFIRMED: set(),
}


def _move(action: CorrectiveAction, to_status: str, by, reason: str = "") -> None:
    """Apply one allowed transition and record it; an illegal one is refused with a clear message."""
    if to_status not in TRANSITIONS[ActionStatus(action.status)]:
        raise ValidationError(
            _("Không thể chuyển biện pháp khắc phục từ “%(from)s” sang “%(to)s”.")
            % {"from": action.get_status_display(), "to": ActionStatus(to_status).label}
        )
    from_status, action.status = action.status, to_status
    action.save()
    record_status_change(obj=action, by=by, from_status=from_status, to_status=to_status, reason=reason)


def _tell(users, action: CorrectiveAction, title: str) -> None:
    users = {u.pk: u for u in users if u is not None}
    link = reverse("evaluations:corrective_detail", args=[action.pk])
    notify(users=list(users.values()), title=title, body=action.description, link=link)


@transaction.atomic
def require_action(
    *, violation: Violation, by, description: str, due_date, owner_person=None, owner_user=None
) -> CorrectiveAction:
    """A violation that still stands can require an action with an owner and a due date not in the past."""
    if violation.status == ViolationStatus.DISMISSED:
        raise ValidationError(_("Vi phạm đã bị hủy bỏ nên không cần khắc phục."))
    if owner_person is None and owner_user is None:
        raise ValidationError(_("Hãy chọn người chịu trách nhiệm."))
    if owner_person is not None and not owner_person.unit.is_within(violation.unit):
        raise ValidationError(_("Người chịu trách nhiệm phải thuộc đơn vị vi phạm."))
    if due_date < timezone.localdate():
        raise ValidationError(_("Hạn hoàn thành không được ở trong quá khứ."))
    action = CorrectiveAction.objects.create(
        violation=violation,
        description=description.strip(),
        owner_person=owner_person,
        owner_user=owner_user,
        due_date=due_date,
        created_by=by,
    )
    record_status_change(obj=action, by=by, to_status=ActionStatus.OPEN)
    title = _("Yêu cầu khắc phục trước ngày %(date)s") % {"date": due_date.strftime("%d/%m/%Y")}
    _tell([*action.owner_users(), *unit_contacts(violation.unit)], action, title)
    return action


@transaction.atomic
def mark_action_done(*, action: CorrectiveAction, by, note: str, files: list[CleanPhoto] = ()) -> CorrectiveAction:
    """The unit reports the action done, saying what was done, with evidence; the inspector is asked to confirm."""
    action = CorrectiveAction.objects.select_for_update(of=("self",)).select_related("violation").get(pk=action.pk)
    if not note.strip():
        raise ValidationError(_("Hãy mô tả kết quả khắc phục."))
    action.completion_note, action.done_at = note.strip(), timezone.now()
    _move(action, ActionStatus.DONE, by, reason=action.completion_note)
    store_attachments(files=list(files), by=by, action=action)
    _tell([action.violation.recorded_by], action, _("Đơn vị báo đã khắc phục, cần xác nhận"))
    return action


@transaction.atomic
def confirm_action(*, action: CorrectiveAction, by) -> CorrectiveAction:
    """The inspector confirms the reported result."""
    action = CorrectiveAction.objects.select_for_update().get(pk=action.pk)
    action.confirmed_by, action.confirmed_at = by, timezone.now()
    _move(action, ActionStatus.CONFIRMED, by)
    _tell(action.owner_users(), action, _("Kết quả khắc phục đã được xác nhận"))
    return action


@transaction.atomic
def reopen_action(*, action: CorrectiveAction, by, reason: str) -> CorrectiveAction:
    """The inspector finds the result insufficient and says why; the owner must act again."""
    action = (
        CorrectiveAction.objects.select_for_update(of=("self",)).select_related("violation__unit").get(pk=action.pk)
    )
    if not reason.strip():
        raise ValidationError(_("Hãy nêu lý do yêu cầu khắc phục lại."))
    _move(action, ActionStatus.REOPENED, by, reason=reason.strip())
    _tell([*action.owner_users(), *unit_contacts(action.violation.unit)], action, _("Yêu cầu khắc phục lại"))
    return action
