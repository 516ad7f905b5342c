"""The administrators' scheme pages: every scheme, a new one, its numbers and rows, a group's criteria, a copy.

Configuring schemes is an administrator's (`can_configure`); schemes belong to a movement's period, not to a unit.
A period whose results are frozen refuses every change with the reason (`editing.locked_reason`).
"""

import django_tables2 as tables
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from emulation.permissions import require_configure
from emulation.schemes.copying import copy_scheme
from emulation.schemes.editing import CopyToPeriodForm, CriterionFormSet, SchemeForm, locked_reason, scheme_formsets
from emulation.schemes.filters import SchemeFilter
from emulation.schemes.models import CriterionGroup, ScoringScheme
from emulation.schemes.signals import scheme_changed
from units.listing.exports import table_page

# Secondary columns are hidden on phones; the name, period and its status stay.
WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}


class SchemeTable(tables.Table):
    name = tables.Column(verbose_name=gettext_lazy("Bảng điểm"), linkify=("emulation:scheme_edit", [tables.A("pk")]))
    movement = tables.Column(
        verbose_name=gettext_lazy("Phong trào"), accessor="period__movement__name", attrs=WIDE_ONLY
    )
    period = tables.Column(
        verbose_name=gettext_lazy("Kỳ thi đua"),
        accessor="period__name",
        linkify=("emulation:scheme_detail", [tables.A("period_id")]),
    )
    status = tables.Column(verbose_name=gettext_lazy("Trạng thái kỳ"), accessor="period__status")
    max_total = tables.Column(verbose_name=gettext_lazy("Tổng điểm chuẩn"), attrs=WIDE_ONLY)
    bonus_cap = tables.Column(verbose_name=gettext_lazy("Điểm thưởng tối đa"), attrs=WIDE_ONLY)

    class Meta:
        model = ScoringScheme
        fields = ["name", "movement", "period", "status", "max_total", "bonus_cap"]
        order_by = ("-period__starts_on",)

    def render_status(self, record):
        return record.period.get_status_display()


def _scheme_to_edit(request, pk) -> ScoringScheme:
    require_configure(request.user)
    return get_object_or_404(ScoringScheme.objects.select_related("period__movement"), pk=pk)


def _refuse_if_locked(request, scheme):
    """A redirect to the scheme's page with the reason when the period's results are frozen, else None."""
    reason = locked_reason(scheme.period)
    if reason:
        messages.error(request, reason)
        return redirect("emulation:scheme_detail", pk=scheme.period_id)
    return None


@login_required
@require_GET
def scheme_list(request):
    require_configure(request.user)
    filterset = SchemeFilter(request.GET, queryset=ScoringScheme.objects.select_related("period__movement"))
    template = "emulation/schemes/scheme_list.html"
    return table_page(
        request, table=SchemeTable(filterset.qs), filterset=filterset, template=template, export_name="bang-diem"
    )


@login_required
@require_http_methods(["GET", "POST"])
def scheme_create(request):
    require_configure(request.user)
    form = SchemeForm(request.POST or None, initial={"period": request.GET.get("period")})
    if request.method == "POST" and form.is_valid():
        scheme = form.save()
        messages.success(
            request, _("Đã tạo bảng điểm; thêm nhóm tiêu chí, trừ điểm, điểm thưởng và xếp loại bên dưới.")
        )
        return redirect("emulation:scheme_edit", pk=scheme.pk)
    return render(request, "emulation/form.html", {"form": form, "title": _("Thêm bảng điểm thi đua")})


@login_required
@require_http_methods(["GET", "POST"])
def scheme_edit(request, pk):
    scheme = _scheme_to_edit(request, pk)
    refused = _refuse_if_locked(request, scheme)
    if refused:
        return refused
    data = request.POST if request.method == "POST" else None
    form = SchemeForm(data, instance=scheme)
    formsets = scheme_formsets(scheme, data)
    if data is not None and form.is_valid() and all(formset.is_valid() for _p, _h, formset in formsets):
        try:
            with transaction.atomic():
                form.save()
                for _prefix, _heading, formset in formsets:
                    formset.save()
                scheme_changed.send(sender=ScoringScheme, period=scheme.period)
        except ProtectedError:
            messages.error(request, _("Mức xếp loại đang được dùng trong điều kiện loại trừ: sửa điều kiện đó trước."))
        else:
            messages.success(request, _("Đã lưu bảng điểm. Điểm của kỳ sẽ được tính lại theo bảng điểm mới."))
            return redirect("emulation:scheme_edit", pk=scheme.pk)
    context = {"scheme": scheme, "form": form, "formsets": formsets, "groups": scheme.groups.all()}
    return render(request, "emulation/schemes/scheme_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_group_edit(request, pk, group_pk):
    scheme = _scheme_to_edit(request, pk)
    group = get_object_or_404(CriterionGroup, scheme=scheme, pk=group_pk)
    refused = _refuse_if_locked(request, scheme)
    if refused:
        return refused
    formset = CriterionFormSet(request.POST or None, instance=group, prefix="criteria")
    if request.method == "POST" and formset.is_valid():
        formset.save()
        scheme_changed.send(sender=ScoringScheme, period=scheme.period)
        messages.success(request, _("Đã lưu các tiêu chí của nhóm %(group)s.") % {"group": group})
        return redirect("emulation:scheme_group_edit", pk=scheme.pk, group_pk=group.pk)
    context = {"scheme": scheme, "group": group, "formset": formset}
    return render(request, "emulation/schemes/group_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_copy_to(request, pk):
    scheme = _scheme_to_edit(request, pk)
    form = CopyToPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = copy_scheme(source=scheme, to_period=form.cleaned_data["period"], name=form.cleaned_data["name"])
        except ValidationError as error:  # pragma: no cover - the form's choices already exclude these periods
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã sao chép bảng điểm sang %(period)s.") % {"period": copy.period})
            return redirect("emulation:scheme_edit", pk=copy.pk)
    title = _("Sao chép “%(scheme)s” sang kỳ khác") % {"scheme": scheme}
    return render(request, "emulation/form.html", {"form": form, "title": title})
