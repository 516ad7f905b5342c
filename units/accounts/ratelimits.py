"""Rate limits that hold with several web processes behind a proxy: counters live in the shared cache (Redis when
CACHE_URL is set) and the client is the address the trusted proxies saw (TRUSTED_PROXY_COUNT), as allauth's login
limits see it."""

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.utils import timezone


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT = n the n-th X-Forwarded-For entry from the
    right (the one our own outermost proxy appended); allauth's rate limits read the same setting."""
    return get_adapter(request).get_client_ip(request)


def over_rate_limit(request, *, scope: str, per_minute: int) -> bool:
    """One counter per scope, client address and minute in the shared cache; beyond `per_minute` it refuses."""
    key = f"rate:{scope}:{client_address(request)}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    return count > per_minute
