"""The public verification page of a certificate (/verify/<token>/): no login, rate-limited per address.

It shows what the certificate printed (its frozen facts; a later rename appears only as "tên hiện nay") and its
status — revoked ones with "ĐÃ THU HỒI", the reason and the annulling decision — and nothing else: no e-mail, no
internal ids. Anyone may drop the PDF on it and is told whether the file is byte-identical to the issued one (the
upload is hashed, never stored). An unknown token is a plain 404.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from emulation.certificates.forms import CertificateFileForm, SignatureCheckForm
from emulation.certificates.models import Certificate
from emulation.certificates.pdfs import certificate_context, current_names
from emulation.signing import signature_status
from units.accounts.ratelimits import over_rate_limit


@require_http_methods(["GET", "POST"])
def verify(request, token):
    if over_rate_limit(request, scope="verify", per_minute=settings.VERIFY_RATE_LIMIT_PER_MINUTE):
        return render(request, "429.html", status=429)
    certificate = Certificate.objects.with_facts().filter(token=token).first()
    if certificate is None:
        raise Http404
    form = CertificateFileForm(request.POST or None, request.FILES or None)
    matches = None
    if request.method == "POST" and form.is_valid():
        matches = bool(certificate.pdf_sha256) and form.cleaned_data["pdf"] == certificate.pdf_sha256
    context = {
        **certificate_context(certificate),
        "revocation": certificate.award.revocation,
        "current": current_names(certificate),
        "form": form,
        "matches": matches,
    }
    response = render(request, "emulation/certificates/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_http_methods(["GET", "POST"])
def signature_check(request):
    """Anyone uploads a PDF and reads whether its digital signature is valid, invalid or absent."""
    if request.method == "POST" and over_rate_limit(
        request, scope="verify", per_minute=settings.VERIFY_RATE_LIMIT_PER_MINUTE
    ):
        return render(request, "429.html", status=429)
    form = SignatureCheckForm(request.POST or None, request.FILES or None)
    status = signature_status(form.cleaned_data["pdf"].read()) if request.method == "POST" and form.is_valid() else None
    response = render(request, "emulation/certificates/signature_check.html", {"form": form, "status": status})
    response["X-Robots-Tag"] = "noindex"
    return response
