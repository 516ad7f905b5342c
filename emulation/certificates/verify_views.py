"""The public verification page of a certificate (/verify/<token>/): no login, rate-limited per address.

It shows what the certificate itself prints and its status — revoked ones with "ĐÃ THU HỒI", the reason and the
annulling decision — and nothing else: no e-mail, no internal ids. An unknown token is a plain 404.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from emulation.certificates.models import Certificate
from emulation.certificates.pdfs import certificate_context


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
        return render(request, "429.html", status=429)
    certificate = Certificate.objects.with_facts().filter(token=token).first()
    if certificate is None:
        raise Http404
    context = {**certificate_context(certificate), "revocation": certificate.award.revocation}
    response = render(request, "emulation/certificates/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
