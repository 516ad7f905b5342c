"""Certificates: the decision's batch (issue, live progress, downloads), one's own certificates, the register, and
each certificate's PDF — every object through its permission helper."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emulation.certificates import issuing as certificates
from emulation.certificates.forms import CertificateDesignForm
from emulation.certificates.models import Certificate, CertificateBatch, CertificateDesign
from emulation.certificates.permissions import (
    can_search_register,
    get_certificate_for_user,
    get_decision_for_certificates,
    require_register,
)
from emulation.certificates.tables import CertificateFilter, CertificateTable
from emulation.permissions import require_configure
from emulation.titles.models import Authority
from units.listing.exports import table_page

BATCH_FILES = {"xlsx": "register_xlsx", "pdf": "register_pdf"}


def _batch_context(decision) -> dict:
    batch = CertificateBatch.objects.filter(decision=decision).first()
    issued = Certificate.objects.filter(award__decision=decision).count()
    return {
        "decision": decision,
        "batch": batch,
        "issued": issued,
        "awards": certificates.certifiable_awards(decision).count(),
    }


@login_required
@require_GET
def certificate_batch(request, pk):
    decision = get_decision_for_certificates(request.user, pk)
    context = _batch_context(decision)
    if request.htmx:
        return render(request, "emulation/certificates/certificate_batch.html#progress", context)
    return render(request, "emulation/certificates/certificate_batch.html", context)


@login_required
@require_GET
def certificate_panel(request, pk):
    """The decision page's certificate panel (loaded by htmx): a link to the batch for those who may issue."""
    try:
        decision = get_decision_for_certificates(request.user, pk)
    except (Http404, PermissionDenied):  # whoever may not issue simply sees no panel
        return HttpResponse("")
    return render(request, "emulation/certificates/certificate_batch.html#panel", _batch_context(decision))


@login_required
@require_POST
def certificate_issue(request, pk):
    decision = get_decision_for_certificates(request.user, pk)
    try:
        certificates.start_batch(decision=decision, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("emulation:certificate_batch", pk=decision.pk)


@login_required
@require_GET
def certificate_batch_file(request, pk, kind):
    """The ZIP of every certificate (streamed from the stored PDFs) or the register, once the batch is finished."""
    decision = get_decision_for_certificates(request.user, pk)
    batch = CertificateBatch.objects.filter(decision=decision).first()
    if kind == "zip" and batch is not None and not batch.is_active:
        response = StreamingHttpResponse(
            certificates.zip_stream(certificates.batch_certificates(batch)), content_type="application/zip"
        )
        name = f"giay-khen-{certificates.slug(decision.number or str(decision.pk))}.zip"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    field = getattr(batch, BATCH_FILES[kind], None) if kind in BATCH_FILES else None
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1])


@login_required
@require_GET
def certificate_pdf(request, pk):
    certificate = get_certificate_for_user(request.user, pk)
    response = HttpResponse(certificates.certificate_pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificates.slug(certificate.serial)}.pdf"'
    return response


@login_required
@require_GET
def my_certificates(request):
    mine = Certificate.objects.of_user(request.user).with_facts().order_by("-issued_at")
    context = {"certificates": mine, "can_search": can_search_register(request.user)}
    return render(request, "emulation/certificates/certificate_mine.html", context)


@login_required
@require_GET
def certificate_register(request):
    require_register(request.user)
    filterset = CertificateFilter(request.GET, queryset=Certificate.objects.for_user(request.user).with_facts())
    table = CertificateTable(filterset.qs)
    return table_page(
        request,
        table=table,
        filterset=filterset,
        template="emulation/certificates/certificate_register.html",
        export_name="so-theo-doi-giay-khen",
    )


@login_required
@require_GET
def certificate_designs(request):
    """Each authority with the design its certificates are printed in (administrators)."""
    require_configure(request.user)
    authorities = Authority.objects.select_related("certificate_design").order_by("unit_level", "name")
    return render(request, "emulation/certificates/certificate_designs.html", {"authorities": authorities})


@login_required
@require_http_methods(["GET", "POST"])
def certificate_design_edit(request, authority_pk):
    require_configure(request.user)
    authority = get_object_or_404(Authority, pk=authority_pk)
    design = CertificateDesign.objects.filter(authority=authority).first() or CertificateDesign(authority=authority)
    form = CertificateDesignForm(request.POST or None, instance=design)
    if request.method == "POST" and form.is_valid():
        certificates.save_design(authority=authority, by=request.user, fields=form.cleaned_data)
        messages.success(request, _("Đã lưu mẫu giấy khen của %(authority)s.") % {"authority": authority.name})
        return redirect("emulation:certificate_designs")
    title = _("Mẫu giấy khen: %(authority)s") % {"authority": authority.name}
    return render(request, "emulation/form.html", {"form": form, "title": title})
