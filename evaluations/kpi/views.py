"""KPI readings: browse and export, enter a unit's values for a period, correct or delete a reading, import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.kpi import services as kpi
from evaluations.kpi.forms import KpiEntryForm, KpiReadingForm
from evaluations.kpi.imports import KpiReadingImport
from evaluations.kpi.models import KpiIndicator, KpiReading
from evaluations.kpi.permissions import get_kpi_reading_for_user
from evaluations.kpi.tables import KpiReadingFilter, KpiReadingTable
from units.imports.views import confirm_step, upload_step
from units.listing.exports import table_page
from units.models import Unit, administered_unit_ids
from units.permissions import get_unit_for_user, is_administrator, require_administrator, require_browse

IMPORT_KIND = "kpi"


@login_required
@require_GET
def kpi_list(request):
    require_browse(request.user)
    units = Unit.objects.for_user(request.user)
    readings = KpiReading.objects.for_user(request.user).select_related("unit", "indicator")
    filterset = KpiReadingFilter(request.GET, queryset=readings, units=units)
    table = KpiReadingTable(filterset.qs, exclude=() if is_administrator(request.user) else ("edit",))
    return table_page(
        request,
        table=table,
        filterset=filterset,
        template="evaluations/kpi/kpi_list.html",
        export_name="so-lieu-kpi",
        extra={"can_enter": is_administrator(request.user)},
    )


def _record_all(form: KpiEntryForm, by) -> int:
    """Record every value of the form in one transaction; a refused value is a form error and nothing is saved."""
    data = form.cleaned_data
    with transaction.atomic():
        for indicator, value in form.values():
            try:
                kpi.record_reading(
                    unit=data["unit"],
                    indicator=indicator,
                    start=data["period_start"],
                    end=data["period_end"],
                    value=value,
                    by=by,
                    source=data["source"],
                )
            except ValidationError as error:
                form.add_error(form.field_name(indicator), error)
        if form.errors:
            transaction.set_rollback(True)
    return len(form.values())


@login_required
@require_http_methods(["GET", "POST"])
def kpi_entry(request):
    require_administrator(request.user)
    administered = Unit.objects.filter(pk__in=administered_unit_ids(request.user))
    form = KpiEntryForm(request.POST or None, units=administered, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        count = _record_all(form, request.user)
        if not form.errors:
            messages.success(request, _("Đã lưu %(count)s chỉ số.") % {"count": count})
            unit = form.cleaned_data["unit"]
            return redirect(reverse("evaluations:kpi_unit", args=[unit.pk]))
    return render(request, "evaluations/kpi/kpi_entry.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def kpi_edit(request, pk):
    reading = get_kpi_reading_for_user(request.user, pk, write=True)
    form = KpiReadingForm(request.POST or None, instance=reading)
    if request.method == "POST" and form.is_valid():
        try:
            kpi.record_reading(
                unit=reading.unit,
                indicator=reading.indicator,
                start=reading.period_start,
                end=reading.period_end,
                value=form.cleaned_data["value"],
                by=request.user,
                source=form.cleaned_data["source"],
            )
        except ValidationError as error:
            form.add_error("value", error)
        else:
            messages.success(request, _("Đã sửa số liệu."))
            return redirect("evaluations:kpi_unit", pk=reading.unit_id)
    return render(request, "evaluations/kpi/kpi_edit.html", {"form": form, "reading": reading})


@login_required
@require_POST
def kpi_delete(request, pk):
    reading = get_kpi_reading_for_user(request.user, pk, write=True)
    kpi.delete_reading(reading=reading, by=request.user)
    messages.success(request, _("Đã xóa số liệu."))
    return redirect("evaluations:kpi_unit", pk=reading.unit_id)


@login_required
@require_GET
def kpi_unit(request, pk):
    """One unit's readings as a grid: a row per period, a column per indicator."""
    unit = get_unit_for_user(request.user, pk)
    indicators = list(KpiIndicator.objects.filter(active=True))
    grid: dict[tuple, dict[int, KpiReading]] = {}
    for reading in KpiReading.objects.filter(unit=unit).order_by("-period_start", "-period_end"):
        grid.setdefault((reading.period_start, reading.period_end), {})[reading.indicator_id] = reading
    rows = [{"start": s, "end": e, "cells": [cells.get(i.pk) for i in indicators]} for (s, e), cells in grid.items()]
    context = {
        "unit": unit,
        "indicators": indicators,
        "rows": rows,
        "can_enter": is_administrator(request.user, unit=unit),
    }
    return render(request, "evaluations/kpi/kpi_unit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def kpi_import(request):
    """Upload → preview listing every invalid row → confirm; all rows or none."""
    require_administrator(request.user)
    urls = {
        "upload": reverse("evaluations:kpi_import"),
        "confirm": lambda token: reverse("evaluations:kpi_import_confirm", args=[token]),
    }
    return upload_step(request, spec=KpiReadingImport(user=request.user), kind=IMPORT_KIND, urls=urls)


@login_required
@require_POST
def kpi_import_confirm(request, token):
    require_administrator(request.user)
    spec, upload_url = KpiReadingImport(user=request.user), reverse("evaluations:kpi_import")
    return confirm_step(request, spec=spec, kind=IMPORT_KIND, token=token, upload_url=upload_url)
