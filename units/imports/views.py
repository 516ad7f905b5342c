"""Administrators import units and people from a file: upload → preview → confirm (all rows or none)."""

import csv
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from units.imports.engine import (
    ImportFileError,
    discard_upload,
    load_upload,
    preview_import,
    run_import,
    store_upload,
    upload_bytes,
)
from units.imports.specs import SPECS
from units.permissions import require_administrator


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp CSV hoặc XLSX"),
        allow_empty_file=True,  # the import engine explains an empty file in its own words
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv", "class": "form-control"}),
    )


def _spec_for(request, kind: str):
    """The import spec of `kind`, for administrators only."""
    require_administrator(request.user)
    if kind not in SPECS:
        raise Http404
    return SPECS[kind](user=request.user)


def _sample_response(spec) -> HttpResponse:
    """A CSV with the header row and the spec's example rows, to overwrite with real ones."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([spec.column_names, *spec.examples])
    body = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap.csv"'
    return response


def upload_step(request, *, spec, kind: str, urls: dict) -> HttpResponse:
    """The upload step of every import: a sample file, or parse and validate, keeping a valid file to confirm.

    `urls` holds `upload` (this page) and `confirm` (a function of the stored file's token)."""
    if request.GET.get("sample"):
        return _sample_response(spec)
    form = ImportFileForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    context = {"spec": spec, "form": form, "upload_url": urls["upload"]}
    if request.method == "POST" and form.is_valid():
        try:
            content = upload_bytes(form.cleaned_data["file"])
            context["preview"] = preview_import(spec=spec, content=content)
        except ImportFileError as exc:
            form.add_error("file", exc.message)
        else:
            if context["preview"].is_valid:
                context["token"] = store_upload(content=content, user=request.user, kind=kind)
                context["confirm_url"] = urls["confirm"](context["token"])
    return render(request, "includes/import_page.html", context)


def confirm_step(request, *, spec, kind: str, token: str, upload_url: str) -> HttpResponse:
    """The confirm step of every import: validate the kept file again and write all rows or none."""
    content = load_upload(token=token, user=request.user, kind=kind)
    if content is None:
        raise Http404
    try:
        preview = run_import(spec=spec, content=content)
    except IntegrityError:
        preview = None
        messages.error(
            request, _("Dữ liệu vừa bị người khác thay đổi; không có dòng nào được ghi. Hãy tải tệp lên lại.")
        )
    discard_upload(token=token, user=request.user, kind=kind)
    if preview is None or not preview.is_valid:
        context = {"spec": spec, "form": ImportFileForm(), "preview": preview, "upload_url": upload_url}
        return render(request, "includes/import_page.html", context)
    messages.success(
        request,
        _("Đã nhập %(title)s: %(create)d thêm mới, %(update)d cập nhật, %(unchanged)d không đổi.")
        % {"title": spec.title, **preview.counts},
    )
    return redirect(spec.success_url)


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request, kind):
    spec = _spec_for(request, kind)
    urls = {
        "upload": reverse("units:import", args=[kind]),
        "confirm": lambda token: reverse("units:import_confirm", args=[kind, token]),
    }
    return upload_step(request, spec=spec, kind=kind, urls=urls)


@login_required
@require_POST
def import_confirm(request, kind, token):
    spec = _spec_for(request, kind)
    return confirm_step(request, spec=spec, kind=kind, token=token, upload_url=reverse("units:import", args=[kind]))
