"""The yearly statistics page for the bodies the user reads decisions of, with XLSX and PDF of the same table."""

import tablib
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from emulation.pdfs import render_pdf
from emulation.statistics.counting import columns, yearly_statistics
from emulation.statistics.forms import StatisticsForm
from emulation.statistics.permissions import statistics_bodies
from units.listing.exports import CONTENT_TYPES


@login_required
@require_GET
def statistics_page(request):
    bodies = statistics_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied
    form = StatisticsForm(request.GET or None, bodies=bodies)
    context = {"form": form, "columns": columns()}
    if form.is_valid():
        data = form.cleaned_data
        rows = yearly_statistics(body=data["body"], first_year=data["first_year"], last_year=data["last_year"])
        context.update(rows=rows, **data)
        context["table"] = [(row, [row.counts[key] for key, _label in context["columns"]]) for row in rows]
        export = request.GET.get("_export")
        if export in ("xlsx", "pdf"):
            return _export(context, export)
    return render(request, "emulation/statistics/statistics.html", context)


def _export(context, fmt: str) -> HttpResponse:
    name = f"thong-ke-khen-thuong-{context['body'].code}-{context['first_year']}-{context['last_year']}.{fmt}"
    if fmt == "pdf":
        response = HttpResponse(
            render_pdf("emulation/statistics/pdf/statistics.html", context), content_type="application/pdf"
        )
    else:
        headers = [_("Danh hiệu, hình thức"), _("Cấp")] + [str(label) for _key, label in context["columns"]]
        data = tablib.Dataset(headers=headers, title=_("Thống kê"))
        for row, counts in context["table"]:
            data.append([row.name, row.level, *counts])
        response = HttpResponse(data.export("xlsx"), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
