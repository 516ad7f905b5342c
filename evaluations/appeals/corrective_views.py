"""Corrective actions (require, report done, confirm, reopen) and violations recorded outside an inspection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.appeals import corrective
from evaluations.appeals.forms import ActionDoneForm, CorrectiveActionForm, ReopenForm, StandaloneViolationForm
from evaluations.appeals.models import ActionStatus, CorrectiveAction
from evaluations.appeals.permissions import can_confirm_actions, get_corrective_action_for_user, is_action_owner
from evaluations.appeals.views import with_owner_labels
from evaluations.history import StatusChange
from evaluations.inspections import standalone
from evaluations.inspections.permissions import (
    can_record_standalone,
    get_violation_for_user,
    inspector_conflict,
    standalone_units,
)
from evaluations.inspections.services import unit_contacts
from units.models import Role
from units.permissions import has_role


@login_required
@require_http_methods(["GET", "POST"])
def corrective_create(request, pk):
    violation = get_violation_for_user(request.user, pk)
    if not can_confirm_actions(request.user, violation):
        raise PermissionDenied
    form = CorrectiveActionForm(request.POST or None, unit=violation.unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        owner_user = None if data["owner_code"] else first_contact(violation)
        try:
            action = corrective.require_action(
                violation=violation,
                by=request.user,
                description=data["description"],
                due_date=data["due_date"],
                owner_person=data["owner_code"],
                owner_user=owner_user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã yêu cầu khắc phục."))
            return redirect("evaluations:corrective_detail", pk=action.pk)
    return render(request, "evaluations/appeals/corrective_form.html", {"form": form, "violation": violation})


def first_contact(violation):
    """Without a named person, the unit head (or, failing one, the clerk) owns the action."""
    heads = [u for u in unit_contacts(violation.unit) if has_role(u, Role.UNIT_HEAD, unit=violation.unit)]
    return (heads or unit_contacts(violation.unit) or [None])[0]


@login_required
@require_GET
def corrective_detail(request, pk):
    action = get_corrective_action_for_user(request.user, pk)
    violation = action.violation
    action.shown_owner = action.owner_label_for(request.user)
    unit_side = is_action_owner(request.user, action) or has_role(
        request.user, Role.UNIT_HEAD, Role.UNIT_CLERK, unit=violation.unit
    )
    context = {
        "action": action,
        "violation": violation,
        "attachments": action.attachments.all() if violation.names_person_to(request.user) else [],
        "history": StatusChange.objects.for_object(action),
        "can_mark_done": action.is_unfinished and unit_side,
        "can_confirm": action.status == ActionStatus.DONE and can_confirm_actions(request.user, violation),
        "done_form": ActionDoneForm(),
        "reopen_form": ReopenForm(),
    }
    return render(request, "evaluations/appeals/corrective_detail.html", context)


def _apply(request, pk, service, **kwargs):
    try:
        service(by=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    return True


@login_required
@require_POST
def corrective_done(request, pk):
    action = get_corrective_action_for_user(request.user, pk, step="done")
    form = ActionDoneForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    elif _apply(request, pk, corrective.mark_action_done, action=action, **form.cleaned_data):
        messages.success(request, _("Đã báo hoàn thành khắc phục; chờ kiểm tra viên xác nhận."))
    return redirect("evaluations:corrective_detail", pk=pk)


@login_required
@require_POST
def corrective_confirm(request, pk):
    action = get_corrective_action_for_user(request.user, pk, step="confirm")
    if _apply(request, pk, corrective.confirm_action, action=action):
        messages.success(request, _("Đã xác nhận kết quả khắc phục."))
    return redirect("evaluations:corrective_detail", pk=pk)


@login_required
@require_POST
def corrective_reopen(request, pk):
    action = get_corrective_action_for_user(request.user, pk, step="confirm")
    form = ReopenForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if _apply(request, pk, corrective.reopen_action, action=action, reason=reason):
        messages.success(request, _("Đã yêu cầu khắc phục lại."))
    return redirect("evaluations:corrective_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def standalone_create(request):
    if not can_record_standalone(request.user):
        raise PermissionDenied
    form = StandaloneViolationForm(request.POST or None, request.FILES or None, units=standalone_units(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not can_record_standalone(request.user, data["unit"]):
            form.add_error(
                "unit", inspector_conflict(request.user, data["unit"]) or _("Không có quyền với đơn vị này.")
            )
            return render(request, "evaluations/appeals/standalone_violation_form.html", {"form": form}, status=403)
        violation, created = standalone.record_standalone_violation(by=request.user, token=data.pop("token"), **data)
        if created:
            messages.success(request, _("Đã ghi nhận vi phạm và thông báo cho đơn vị."))
        return redirect("evaluations:violation_detail", pk=violation.pk)
    return render(request, "evaluations/appeals/standalone_violation_form.html", {"form": form})


@login_required
@require_GET
def corrective_list(request):
    """Corrective actions the user sees: unfinished first, by due date."""
    actions = (
        CorrectiveAction.objects.for_user(request.user)
        .select_related("violation__unit", "violation__type", "violation__person", "owner_person", "owner_user")
        .order_by(F("confirmed_at").asc(nulls_first=True), "due_date")[:200]
    )
    actions = with_owner_labels(actions, request.user)
    return render(
        request, "evaluations/appeals/corrective_list.html", {"actions": actions, "today": timezone.localdate()}
    )
