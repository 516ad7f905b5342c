"""Violation pages: recording one at an inspection, the list and record pages, and the checked photo files."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.history import StatusChange
from evaluations.inspections import violations as services
from evaluations.inspections.filters import ViolationFilter
from evaluations.inspections.forms import MultiplePhotoField, SubmitForm, ViolationForm, search_staff
from evaluations.inspections.models import EvidenceStatus, Violation
from evaluations.inspections.permissions import (
    can_browse_inspections,
    get_evidence_for_user,
    get_inspection_for_user,
    get_violation_for_user,
    is_on_team,
)
from evaluations.inspections.tables import ViolationTable
from evaluations.inspections.views import conduct_context
from units.listing.exports import table_page
from units.models import Role, Unit
from units.permissions import has_role


@login_required
@require_GET
def person_search(request, pk):
    """htmx: up to a few of the unit's staff whose name matches what the inspector typed."""
    inspection = get_inspection_for_user(request.user, pk, write=True)
    people = search_staff(inspection.unit, request.GET.get("q", ""))
    return render(request, "evaluations/inspections/inspection_conduct.html#people", {"people": people})


@login_required
@require_http_methods(["GET", "POST"])
def violation_create(request, pk):
    """Record a violation at a draft inspection, photos included; the same form sent twice makes one record."""
    if request.method == "POST" and (replayed := replayed_violation(request)):
        messages.info(request, _("Vi phạm này đã được ghi nhận trước đó."))
        return redirect(reverse("evaluations:inspection_conduct", args=[pk]) + f"?recorded={replayed.pk}")
    inspection = get_inspection_for_user(request.user, pk, write=True)
    form = ViolationForm(request.POST or None, request.FILES or None, unit=inspection.unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        violation, created = services.record_violation(
            by=request.user,
            token=data["token"],
            photos=data["photos"],
            inspection=inspection,
            unit=inspection.unit,
            person=data["person"],
            type=data["type"],
            occurred_at=data["occurred_at"],
            description=data["description"],
        )
        messages.success(request, _("Đã ghi nhận vi phạm.") if created else _("Vi phạm này đã được ghi nhận trước đó."))
        return redirect(reverse("evaluations:inspection_conduct", args=[pk]) + f"?recorded={violation.pk}")
    status = 400 if request.method == "POST" else 200
    context = conduct_context(request, inspection, SubmitForm(initial={"token": ""}), violation_form=form)
    return render(request, "evaluations/inspections/inspection_conduct.html", context, status=status)


def replayed_violation(request) -> Violation | None:
    """The violation an earlier POST of this very form created, if any (a malformed token is no replay)."""
    try:
        token = uuid.UUID(request.POST.get("token", ""))
    except ValueError:
        return None
    return Violation.objects.for_user(request.user).filter(client_token=token, recorded_by=request.user).first()


@login_required
@require_GET
def violation_list(request):
    if not (can_browse_inspections(request.user) or has_role(request.user, Role.STAFF)):
        raise PermissionDenied
    violations = Violation.objects.for_user(request.user).select_related("unit", "type", "person", "inspection")
    filterset = ViolationFilter(request.GET, queryset=violations, units=Unit.objects.for_user(request.user))
    totals = filterset.qs.order_by().values("unit__name").annotate(count=Count("pk")).order_by("-count")[:10]
    return table_page(
        request,
        table=ViolationTable(filterset.qs, user=request.user),
        filterset=filterset,
        template="evaluations/inspections/violation_list.html",
        export_name="vi-pham",
        extra={"totals": totals},
    )


@login_required
@require_GET
def violation_detail(request, pk):
    """The violation; its photos alone when htmx asks again while some are still being processed."""
    violation = get_violation_for_user(request.user, pk)
    names = violation.names_person_to(request.user)
    evidence = list(violation.evidence.all()) if names else []
    pending = any(photo.status == EvidenceStatus.PROCESSING for photo in evidence)
    if request.htmx:
        context = {"photos": evidence, "pending": pending, "violation": violation}
        return render(request, "evaluations/includes/evidence.html", context)
    context = {
        "violation": violation,
        "person_label": violation.person_label_for(request.user),
        "evidence": evidence,
        "photos_pending": pending,
        "photos_hidden": not names and violation.evidence.exists(),
        "history": StatusChange.objects.for_object(violation),
        "can_add_photos": can_add_photos(request.user, violation),
        "photo_field": MultiplePhotoField(required=True).widget.render("photos", None),
    }
    return render(request, "evaluations/inspections/violation_detail.html", context)


def can_add_photos(user, violation) -> bool:
    inspection = violation.inspection
    return inspection is not None and inspection.is_draft and is_on_team(user, inspection)


@login_required
@require_POST
def violation_add_photos(request, pk):
    """More photos for a violation of a draft inspection; one bad file refuses them all, nothing half-saved."""
    violation = get_violation_for_user(request.user, pk, write=True)
    try:
        photos = MultiplePhotoField(required=True).clean(request.FILES.getlist("photos"))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        services.attach_photos(violation=violation, photos=photos, by=request.user)
        messages.success(request, _("Đã thêm %(n)s ảnh.") % {"n": len(photos)})
    return redirect("evaluations:violation_detail", pk=pk)


def file_response(field, content_type: str) -> FileResponse:
    response = FileResponse(field.open("rb"), content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_GET
def evidence_file(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    if evidence.status != EvidenceStatus.READY:  # the bytes as received (metadata and all) are never served
        raise Http404
    return file_response(evidence.image, evidence.content_type)


@login_required
@require_GET
def evidence_thumbnail(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    if evidence.status != EvidenceStatus.READY:
        raise Http404
    return file_response(evidence.thumbnail, "image/jpeg")
