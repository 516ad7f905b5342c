"""Self-assessment pages: the unit claims points with evidence; a verifier confirms or adjusts each line."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from emulation.assessments.forms import ClaimForm, VerifyForm
from emulation.assessments.permissions import can_verify_anything, can_verify_unit, get_self_assessment_for_user
from emulation.assessments.services import claim_points, self_assessed_criteria, verify_line
from emulation.movements.models import PeriodStatus
from emulation.pledges.models import SelfAssessment
from emulation.pledges.permissions import can_prepare_pledge, get_pledge_for_user


@login_required
@require_GET
def self_assessment(request, pk):
    pledge = get_pledge_for_user(request.user, pk)
    lines = {line.criterion_id: line for line in pledge.self_assessments.select_related("verifier")}
    rows = [(criterion, lines.get(criterion.pk)) for criterion in self_assessed_criteria(pledge)]
    context = {
        "pledge": pledge,
        "rows": rows,
        "can_claim": pledge.period.accepts_self_assessment and can_prepare_pledge(request.user, pledge.unit),
        "can_verify": can_verify_unit(request.user, pledge.unit, pledge.period),
        "claimed": sum(line.claimed_points for line in lines.values()),
        "verified": sum(line.verified_points or 0 for line in lines.values()),
    }
    return render(request, "emulation/assessments/self_assessment.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment_claim(request, pk, criterion_pk):
    pledge = get_pledge_for_user(request.user, pk, action="prepare")
    criterion = get_object_or_404(self_assessed_criteria(pledge), pk=criterion_pk)
    line = pledge.self_assessments.filter(criterion=criterion).first()
    initial = {"points": line.claimed_points, "note": line.note} if line else {}
    form = ClaimForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim_points(
                pledge=pledge,
                criterion=criterion,
                points=data["points"],
                note=data["note"],
                evidence=data["evidence"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu điểm tự chấm."))
            return redirect("emulation:self_assessment", pk=pledge.pk)
    context = {"form": form, "pledge": pledge, "criterion": criterion, "line": line}
    return render(request, "emulation/assessments/self_assessment_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment_verify(request, pk):
    line = get_self_assessment_for_user(request.user, pk, verify=True)
    initial = {"points": line.verified_points if line.is_verified else line.claimed_points}
    form = VerifyForm(request.POST or None, initial={**initial, "reason": line.verification_reason})
    if request.method == "POST" and form.is_valid():
        try:
            verify_line(line=line, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã thẩm định %(code)s.") % {"code": line.criterion.code})
            return redirect("emulation:self_assessment", pk=line.pledge_id)
    context = {"form": form, "pledge": line.pledge, "criterion": line.criterion, "line": line}
    return render(request, "emulation/assessments/self_assessment_form.html", context)


@login_required
@require_GET
def self_assessment_evidence(request, pk):
    line = get_self_assessment_for_user(request.user, pk)
    if not line.evidence:
        raise Http404
    return FileResponse(line.evidence.open("rb"), as_attachment=True, filename=line.evidence.name.rsplit("/", 1)[-1])


@login_required
@require_GET
def verification_queue(request):
    """Pledges with self-assessment lines the user may verify and has not yet, in periods still being scored."""
    if not can_verify_anything(request.user):
        raise PermissionDenied
    lines = SelfAssessment.objects.verifiable_by(request.user).pending()
    rows = (
        lines.filter(pledge__period__status=PeriodStatus.IN_PROGRESS)
        .values("pledge", "pledge__unit__name", "pledge__period__name", "pledge__period__movement__name")
        .annotate(pending=Count("pk", distinct=True))
        .order_by("pledge__period__movement__name", "pledge__unit__name")
    )
    return render(request, "emulation/assessments/verification_queue.html", {"rows": rows})
