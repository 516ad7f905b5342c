"""The catalogue pages: checklist items, violation types and the appeal policy, maintained by administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from evaluations.catalogue.forms import AppealPolicyForm, ChecklistItemForm, ViolationTypeForm
from evaluations.catalogue.models import AppealPolicy, ChecklistItem, ViolationType
from evaluations.catalogue.permissions import can_manage_catalogue

EDITABLE = {
    "item": (ChecklistItem, ChecklistItemForm, _lazy("mục kiểm tra")),
    "type": (ViolationType, ViolationTypeForm, _lazy("loại vi phạm")),
    "policy": (AppealPolicy, AppealPolicyForm, _lazy("quy định khiếu nại")),
}


def require_catalogue_manager(user) -> None:
    if not can_manage_catalogue(user):
        raise PermissionDenied(_("Chỉ quản trị cấp tỉnh được sửa danh mục."))


@login_required
@require_GET
def catalogue(request):
    require_catalogue_manager(request.user)
    context = {
        "items": ChecklistItem.objects.select_related("violation_type").order_by("position", "code"),
        "types": ViolationType.objects.order_by("category", "code"),
        "policies": AppealPolicy.objects.all(),
        "current_policy": AppealPolicy.objects.current(),
    }
    return render(request, "evaluations/catalogue/catalogue.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def catalogue_edit(request, kind, pk=None):
    """Add or change one catalogue row; appeal policies are only added (a new one takes effect from its date)."""
    require_catalogue_manager(request.user)
    if kind not in EDITABLE or (kind == "policy" and pk):
        raise PermissionDenied
    model, form_class, label = EDITABLE[kind]
    instance = get_object_or_404(model, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu %(what)s.") % {"what": label})
        return redirect("evaluations:catalogue")
    title = (_("Sửa %(what)s") if instance else _("Thêm %(what)s")) % {"what": label}
    return render(request, "evaluations/catalogue/catalogue_form.html", {"form": form, "title": title})
