"""The public verification page of a certificate (/verify/<token>/): no login, rate-limited per address.

It shows what the certificate itself prints and its status — revoked ones with "ĐÃ THU HỒI", the reason and the
annulling decision — and nothing else: no e-mail, no internal ids. An unknown token is a plain 404.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from emulation.certificates.forms import SignatureCheckForm
from emulation.certificates.models import Certificate
from emulation.certificates.pdfs import certificate_context
from emulation.signing import signature_status


def over_rate_limit(request) -> bool:
    """One counter per client address and minute in the cache; beyond VERIFY_RATE_LIMIT_PER_MINUTE it refuses."""
    key = f"verify-rate:{request.META.get('REMOTE_ADDR', '')}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    return count > settings.VERIFY_RATE_LIMIT_PER_MINUTE


@require_GET
def verify(request, token):
    if over_rate_limit(request):
        return HttpResponse(_("Quá nhiều yêu cầu, vui lòng thử lại sau một phút."), status=429)
    certificate = Certificate.objects.with_facts().filter(token=token).first()
    if certificate is None:
        raise Http404
    context = {**certificate_context(certificate), "revocation": certificate.award.revocation}
    response = render(request, "emulation/certificates/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_http_methods(["GET", "POST"])
def signature_check(request):
    """Anyone uploads a PDF and reads whether its digital signature is valid, invalid or absent."""
    if request.method == "POST" and over_rate_limit(request):
        return HttpResponse(_("Quá nhiều yêu cầu, vui lòng thử lại sau một phút."), status=429)
    form = SignatureCheckForm(request.POST or None, request.FILES or None)
    status = signature_status(form.cleaned_data["pdf"].read()) if request.method == "POST" and form.is_valid() else None
    response = render(request, "emulation/certificates/signature_check.html", {"form": form, "status": status})
    response["X-Robots-Tag"] = "noindex"
    return response
