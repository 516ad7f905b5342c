"""The scheme page of a period, and copying a scheme from another period."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from emulation.movements.permissions import get_period_for_user
from emulation.permissions import can_configure
from emulation.schemes.copying import copy_scheme
from emulation.schemes.editing import locked_reason
from emulation.schemes.forms import CopySchemeForm
from emulation.schemes.models import CriterionGroup, ScoringScheme


@login_required
@require_GET
def scheme_detail(request, pk):
    period = get_period_for_user(request.user, pk)
    scheme = ScoringScheme.objects.filter(period=period).first()
    groups = CriterionGroup.objects.filter(scheme=scheme).prefetch_related("criteria") if scheme else []
    context = {"period": period, "scheme": scheme, "groups": groups, "can_configure": can_configure(request.user)}
    context["locked"] = locked_reason(period)
    if scheme:
        context.update(
            deductions=scheme.deduction_rules.select_related("violation_type"),
            bonuses=scheme.bonus_rules.all(),
            bands=scheme.bands.all(),
            vetoes=scheme.veto_rules.select_related("violation_type", "capped_band"),
        )
    return render(request, "emulation/schemes/scheme_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_copy(request, pk):
    period = get_period_for_user(request.user, pk, write=True)
    form = CopySchemeForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            copy = copy_scheme(source=form.cleaned_data["source"], to_period=period)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã sao chép bảng điểm; có thể chỉnh sửa ngay."))
            return redirect("emulation:scheme_edit", pk=copy.pk)
    return render(
        request,
        "emulation/form.html",
        {"form": form, "title": _("Sao chép bảng điểm cho %(period)s") % {"period": period}},
    )
