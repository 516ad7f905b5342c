"""Appeals: contest a violation, read and decide an appeal, the appeal queue, the violation's appeal panel,
the staff's own violations, and the files attached to appeals and corrective actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.appeals import services as appeals
from evaluations.appeals.forms import AppealForm, DecisionForm
from evaluations.appeals.models import Appeal, AppealStatus
from evaluations.appeals.permissions import (
    can_confirm_actions,
    can_contest,
    can_review,
    get_appeal_for_user,
    get_attachment_for_user,
    get_violation_to_contest,
)
from evaluations.history import StatusChange
from evaluations.inspections.models import Violation
from evaluations.inspections.permissions import get_violation_for_user
from evaluations.inspections.violation_views import file_response


@login_required
@require_http_methods(["GET", "POST"])
def appeal_create(request, pk):
    violation = get_violation_to_contest(request.user, pk)
    problems = appeals.contest_problems(violation)
    form = AppealForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not problems and form.is_valid():
        try:
            appeal = appeals.contest_violation(
                violation=violation,
                by=request.user,
                reason=form.cleaned_data["reason"],
                files=form.cleaned_data["files"],
            )
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, _("Đã gửi khiếu nại. Người có thẩm quyền sẽ xem xét và trả lời."))
            return redirect("evaluations:appeal_detail", pk=appeal.pk)
    context = {"violation": violation, "form": form, "problems": problems}
    status = 409 if problems and request.method == "POST" else 200
    return render(request, "evaluations/appeals/appeal_form.html", context, status=status)


@login_required
@require_GET
def appeal_detail(request, pk):
    appeal = get_appeal_for_user(request.user, pk)
    violation = appeal.violation
    names = violation.names_person_to(request.user)
    context = {
        "appeal": appeal,
        "violation": violation,
        "person_label": violation.person_label_for(request.user),
        "attachments": appeal.attachments.all() if names else [],
        "history": StatusChange.objects.for_object(appeal),
        "can_decide": appeal.is_pending and can_review(request.user, violation),
        "form": DecisionForm(),
    }
    return render(request, "evaluations/appeals/appeal_detail.html", context)


@login_required
@require_POST
def appeal_decide(request, pk):
    appeal = get_appeal_for_user(request.user, pk, decide=True)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            appeals.decide_appeal(appeal=appeal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Đã ghi quyết định: %(o)s.") % {"o": AppealStatus(form.cleaned_data["outcome"]).label}
            )
    else:
        messages.error(request, _("Hãy chọn kết luận và nêu lý do."))
    return redirect("evaluations:appeal_detail", pk=pk)


@login_required
@require_GET
def appeal_list(request):
    """Appeals of the violations the user sees; pending ones first."""
    status = request.GET.get("status", "")
    items = Appeal.objects.for_user(request.user).select_related("violation__unit", "violation__type", "filed_by")
    if status in AppealStatus.values:
        items = items.filter(status=status)
    items = items.order_by("-status", "-filed_at")[:200]
    context = {"appeals": items, "status": status, "statuses": AppealStatus.choices}
    return render(request, "evaluations/appeals/appeal_list.html", context)


def with_owner_labels(actions, user) -> list:
    """Each action with `shown_owner`: the owner's name as this user may see it."""
    actions = list(actions)
    for action in actions:
        action.shown_owner = action.owner_label_for(user)
    return actions


@login_required
@require_GET
def violation_panel(request, pk):
    """The appeals and corrective actions of a violation, for the violation's page (loaded by htmx)."""
    violation = get_violation_for_user(request.user, pk)
    context = {
        "violation": violation,
        "appeals": violation.appeals.select_related("filed_by", "decided_by"),
        "actions": with_owner_labels(
            violation.corrective_actions.select_related("owner_person", "owner_user"), request.user
        ),
        "can_contest": can_contest(request.user, violation) and not appeals.contest_problems(violation),
        "window_open": appeals.appeal_window_open(violation),
        "can_require": can_confirm_actions(request.user, violation) and violation.status != "dismissed",
    }
    return render(request, "evaluations/appeals/appeal_panel.html", context)


@login_required
@require_GET
def my_violations(request):
    """Violations recorded against the user themself, with the state of any appeal and corrective action."""
    violations = (
        Violation.objects.for_user(request.user)
        .filter(person__user=request.user)
        .select_related("unit", "type", "inspection")
        .prefetch_related("appeals", "corrective_actions")
    )
    return render(request, "evaluations/appeals/my_violations.html", {"violations": violations})


@login_required
@require_GET
def attachment_file(request, pk):
    attachment = get_attachment_for_user(request.user, pk)
    response = file_response(attachment.file, attachment.content_type)
    if not attachment.is_image:
        response["Content-Disposition"] = f'attachment; filename="minh-chung-{attachment.pk}.pdf"'
    return response


@login_required
@require_GET
def attachment_thumbnail(request, pk):
    attachment = get_attachment_for_user(request.user, pk)
    if not attachment.thumbnail:
        raise Http404
    return file_response(attachment.thumbnail, "image/jpeg")
