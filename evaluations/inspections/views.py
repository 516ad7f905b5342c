"""Inspection pages: the list, planning, the read-only record, and the phone form the team fills in."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.catalogue.models import ChecklistItem
from evaluations.history import StatusChange
from evaluations.inspections import services
from evaluations.inspections.agenda import agenda
from evaluations.inspections.filters import InspectionFilter
from evaluations.inspections.forms import (
    InspectionPlanForm,
    ItemResultForm,
    SubmitForm,
    ViolationForm,
    checklist_by_category,
    inspectors,
)
from evaluations.inspections.models import Inspection, Violation
from evaluations.inspections.permissions import (
    can_browse_inspections,
    can_plan_inspections,
    get_inspection_for_user,
    get_inspection_plan_for_user,
    is_on_team,
)
from evaluations.inspections.tables import InspectionTable
from units.listing.exports import table_page
from units.models import Role, Unit, administered_unit_ids
from units.permissions import has_role
from units.search.pickers import search_users


def violation_count():
    """Each inspection's violations, counted for the rows shown (a subquery the page's count query leaves out),
    not by grouping every inspection of the user's scope with its violations."""
    counted = Violation.objects.filter(inspection=OuterRef("pk")).order_by().values("inspection")
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)


@login_required
@require_GET
def inspection_list(request):
    if not can_browse_inspections(request.user):
        raise PermissionDenied
    inspections = Inspection.objects.for_user(request.user).select_related("unit", "lead")
    inspections = inspections.annotate(violation_count=violation_count())
    filterset = InspectionFilter(request.GET, queryset=inspections, units=Unit.objects.for_user(request.user))
    return table_page(
        request,
        table=InspectionTable(filterset.qs),
        filterset=filterset,
        template="evaluations/inspections/inspection_list.html",
        export_name="cuoc-kiem-tra",
        extra={
            "can_plan": can_plan_inspections(request.user),
            **({} if request.GET else agenda(inspections, user=request.user)),
        },
    )


def plan_arguments(form) -> dict:
    data = form.cleaned_data
    keys = ("unit", "date", "kind", "lead", "team", "notes")
    return {key: data[key] for key in keys}


@login_required
@require_http_methods(["GET", "POST"])
def inspection_plan(request, pk=None):
    """Plan a new inspection (administrator), or change a draft's plan (administrator or its lead)."""
    inspection = get_inspection_plan_for_user(request.user, pk) if pk else None
    if inspection is None and not can_plan_inspections(request.user):
        raise PermissionDenied
    units = (
        Unit.objects.filter(pk__in=administered_unit_ids(request.user))
        if inspection is None
        else Unit.objects.for_user(request.user)
    )
    initial = plan_initial(inspection)
    form = InspectionPlanForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if inspection is None:
                inspection = services.plan_inspection(by=request.user, **plan_arguments(form))
            else:
                services.update_plan(inspection=inspection, by=request.user, **plan_arguments(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu kế hoạch kiểm tra."))
            return redirect("evaluations:inspection_detail", pk=inspection.pk)
    title = _("Sửa kế hoạch kiểm tra") if inspection else _("Lập kế hoạch kiểm tra")
    return render(
        request,
        "evaluations/inspections/inspection_plan.html",
        {"form": form, "title": title, "inspection": inspection},
    )


@login_required
@require_GET
def pick_inspectors(request):
    """The inspectors a plan's lead or team may be chosen from, found by name (for those who plan or lead)."""
    if not (can_plan_inspections(request.user) or has_role(request.user, Role.INSPECTOR)):
        raise PermissionDenied
    return JsonResponse({"results": search_users(inspectors(), query=request.GET.get("q", "").strip())})


def plan_initial(inspection) -> dict:
    if inspection is None:
        return {}
    fields = {"unit": inspection.unit, "date": inspection.date, "kind": inspection.kind, "lead": inspection.lead}
    return {**fields, "notes": inspection.notes, "team": list(inspection.team.all())}


@login_required
@require_GET
def inspection_detail(request, pk):
    inspection = get_inspection_for_user(request.user, pk)
    results = inspection.results.select_related("item").order_by("item__position", "item__code")
    violations = inspection.violations.select_related("type", "person", "unit").prefetch_related("evidence")
    context = {
        "inspection": inspection,
        "results": results,
        "violations": [(v, v.person_label_for(request.user)) for v in violations],
        "team": inspection.team.order_by("full_name"),
        "history": StatusChange.objects.for_object(inspection),
        "can_conduct": inspection.is_draft and is_on_team(request.user, inspection),
        "can_edit_plan": inspection.is_draft
        and (inspection.lead_id == request.user.pk or can_plan_inspections(request.user)),
    }
    return render(request, "evaluations/inspections/inspection_detail.html", context)


def submitted_with(inspection: Inspection, token: str | None) -> bool:
    """A repeated submit of the same form: the inspection already carries this form's token."""
    return bool(token) and not inspection.is_draft and str(inspection.submit_token) == token


@login_required
@require_http_methods(["GET", "POST"])
def inspection_conduct(request, pk):
    """The phone form: tick every item, record violations, save the draft, submit once."""
    if request.method == "POST" and submitted_with(
        get_inspection_for_user(request.user, pk), request.POST.get("token")
    ):
        messages.info(request, _("Kết quả kiểm tra này đã được nộp trước đó."))
        return redirect("evaluations:inspection_detail", pk=pk)
    if request.method == "GET" and not get_inspection_for_user(request.user, pk).is_draft:
        return redirect("evaluations:inspection_detail", pk=pk)
    inspection = get_inspection_for_user(request.user, pk, write=True)
    submit_form = SubmitForm(request.POST or None, initial={"token": uuid.uuid4()})
    if request.method == "POST":
        save_posted_items(request, inspection)
        if request.POST.get("action") == "submit" and submit_form.is_valid():
            try:
                services.submit_inspection(
                    inspection=inspection, by=request.user, token=submit_form.cleaned_data["token"]
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã nộp kết quả kiểm tra; thủ trưởng đơn vị đã được thông báo."))
                return redirect("evaluations:inspection_detail", pk=pk)
        else:
            messages.success(request, _("Đã lưu nháp."))
        return redirect("evaluations:inspection_conduct", pk=pk)
    return render(
        request, "evaluations/inspections/inspection_conduct.html", conduct_context(request, inspection, submit_form)
    )


def save_posted_items(request, inspection) -> None:
    """Every item the posted form carries an outcome for is stored (the whole-form fallback to htmx saving)."""
    for item in ChecklistItem.objects.filter(active=True):
        form = ItemResultForm(
            {"outcome": request.POST.get(f"item_{item.pk}"), "note": request.POST.get(f"note_{item.pk}", "")}
        )
        if form.is_valid():
            services.save_item_result(inspection=inspection, item=item, by=request.user, **form.cleaned_data)


def conduct_context(request, inspection, submit_form, violation_form=None) -> dict:
    results = {r.item_id: r for r in inspection.results.all()}
    groups = [(label, [(item, results.get(item.pk)) for item in items]) for label, items in checklist_by_category()]
    violations = inspection.violations.select_related("type", "person").prefetch_related("evidence")
    return {
        "inspection": inspection,
        "groups": groups,
        "submit_form": submit_form,
        "violation_form": violation_form or ViolationForm(unit=inspection.unit),
        "violations": violations,
        "answered": len(results),
        "total": sum(len(items) for _label, items in groups),
    }


@login_required
@require_POST
def item_save(request, pk, item_pk):
    """htmx: store one ticked item as soon as it is ticked; answers with a short status line."""
    inspection = get_inspection_for_user(request.user, pk, write=True)
    item = get_object_or_404(ChecklistItem, pk=item_pk, active=True)
    form = ItemResultForm(
        {"outcome": request.POST.get(f"item_{item.pk}"), "note": request.POST.get(f"note_{item.pk}", "")}
    )
    if not form.is_valid():
        return render(
            request, "evaluations/inspections/inspection_conduct.html#item-status", {"error": True}, status=200
        )
    result = services.save_item_result(inspection=inspection, item=item, by=request.user, **form.cleaned_data)
    return render(request, "evaluations/inspections/inspection_conduct.html#item-status", {"result": result})
