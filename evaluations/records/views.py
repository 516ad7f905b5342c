"""Pages to record what the title rules need per person and year: administrators anywhere below them, unit heads
and clerks for their own unit's people. Lists show what the user may read; imports use the all-or-nothing engine."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.records.forms import AnnualRatingForm, DisciplineForm, HoldForm, InitiativeForm, SanctionForm
from evaluations.records.imports import SPECS
from evaluations.records.permissions import get_record_for_user, record_writer_paths
from evaluations.records.services import RECORD_MODELS, delete_record, save_record
from units.imports.views import confirm_step, upload_step

KINDS = {
    "ratings": (AnnualRatingForm, _lazy("Xếp loại chất lượng hằng năm")),
    "disciplines": (DisciplineForm, _lazy("Kỷ luật")),
    "initiatives": (InitiativeForm, _lazy("Sáng kiến, đề tài")),
    "sanctions": (SanctionForm, _lazy("Xử phạt hành chính")),
    "holds": (HoldForm, _lazy("Tạm hoãn xét khen thưởng")),
}


def _kind(kind: str):
    if kind not in KINDS:
        raise Http404
    return RECORD_MODELS[kind], *KINDS[kind]


@login_required
@require_GET
def record_list(request, kind):
    model, _form, label = _kind(kind)
    records = model.objects.for_user(request.user).select_related(*_related(model))
    query = request.GET.get("q", "").strip()
    if query:
        condition = Q(person__full_name__icontains=query) | Q(person__code=query)
        records = records.filter(condition | Q(unit__name__icontains=query) if _has_unit(model) else condition)
    context = {
        "kind": kind,
        "label": label,
        "records": records[:500],
        "query": query,
        "kinds": KINDS,
        "can_write": bool(record_writer_paths(request.user)) or request.user.is_superuser,
        "can_import": kind in SPECS and (bool(record_writer_paths(request.user)) or request.user.is_superuser),
    }
    return render(request, "evaluations/records/records_list.html", context)


def _has_unit(model) -> bool:
    return any(f.name == "unit" for f in model._meta.fields)


def _related(model) -> list[str]:
    return ["person__unit", "unit"] if _has_unit(model) else ["person__unit"]


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, kind, pk=None):
    model, form_class, label = _kind(kind)
    if pk:
        record = get_record_for_user(request.user, model, pk, write=True)
    elif record_writer_paths(request.user) or request.user.is_superuser:
        record = None
    else:
        raise PermissionDenied
    form = form_class(request.POST or None, instance=record, user=request.user)
    if request.method == "POST" and form.is_valid():
        save_record(record=form.instance, by=request.user)
        messages.success(request, _("Đã lưu: %(what)s.") % {"what": label})
        return redirect("evaluations:records", kind)
    return render(
        request, "evaluations/records/records_form.html", {"form": form, "kind": kind, "label": label, "record": record}
    )


@login_required
@require_POST
def record_delete(request, kind, pk):
    model, _form, label = _kind(kind)
    delete_record(record=get_record_for_user(request.user, model, pk, write=True), by=request.user)
    messages.success(request, _("Đã xóa: %(what)s.") % {"what": label})
    return redirect("evaluations:records", kind)


def _spec(request, kind):
    if kind not in SPECS:
        raise Http404
    if not (record_writer_paths(request.user) or request.user.is_superuser):
        raise PermissionDenied
    return SPECS[kind](user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def record_import(request, kind):
    spec = _spec(request, kind)
    urls = {
        "upload": reverse("evaluations:record_import", args=[kind]),
        "confirm": lambda token: reverse("evaluations:record_import_confirm", args=[kind, token]),
    }
    return upload_step(request, spec=spec, kind=f"records-{kind}", urls=urls)


@login_required
@require_POST
def record_import_confirm(request, kind, token):
    spec = _spec(request, kind)
    upload_url = reverse("evaluations:record_import", args=[kind])
    return confirm_step(request, spec=spec, kind=f"records-{kind}", token=token, upload_url=upload_url)
