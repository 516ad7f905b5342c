"""A net under the per-view access tests: every route of our apps turns an anonymous visitor away."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db
# No login, by design: the certificate and signature checks, the public notices and their feed, the health check.
PUBLIC = {"health", "verify", "signature_check", "emulation:notices", "emulation:notice_body", "emulation:notices_feed"}


def our_routes(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace:  # un-namespaced includes are allauth's and Django's own (i18n)
                yield from our_routes(entry.url_patterns, f"{namespace}{entry.namespace}:")
        elif isinstance(entry, URLPattern) and namespace.split(":")[0] in {"", "units", "evaluations", "emulation"}:
            yield f"{namespace}{entry.name}", entry.pattern.converters


def sample_url(name, converters):
    kwargs = {key: 999999 if type(conv).__name__ == "IntConverter" else "x" for key, conv in converters.items()}
    return reverse(name, kwargs=kwargs)


def test_every_route_sends_an_anonymous_visitor_to_the_login_page(client):
    routes = [(name, conv) for name, conv in our_routes() if name not in PUBLIC]
    assert len(routes) > 100
    open_doors = []
    for name, converters in routes:
        url = sample_url(name, converters)
        for response in (client.get(url), client.post(url)):
            refused = response.status_code == 405 or (
                response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
            )
            if not refused:
                open_doors.append((name, response.status_code))
    assert not open_doors
