"""Files attached to a notification's e-mail, resolved when the e-mail is sent — the row keeps a reference, never
the bytes.

Rules
-----
- A notification may carry `attachment = "kind:key"` (e.g. "award_decision_pdf:42"). The concept that owns the kind
  registers a resolver at start-up (`register`, from its receivers module); units knows no concept above it.
- At send time the resolver gets the notification's user and the key and returns the file as that user may have it
  now, or None (the user lost access, the record was annulled): the e-mail then goes without it, with its link.
- An unknown kind is logged and the e-mail goes without the file: a message is never held back by its attachment.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


Resolver = Callable[[object, str], Attachment | None]

_resolvers: dict[str, Resolver] = {}


def register(kind: str, resolver: Resolver) -> None:
    """`resolver(user, key)` returns the file for that user, or None."""
    _resolvers[kind] = resolver


def reference(kind: str, key) -> str:
    return f"{kind}:{key}"


def resolve(notification) -> Attachment | None:
    """The notification's file for its user now, or None (no reference, no access, unknown kind)."""
    if not notification.attachment:
        return None
    kind, _, key = notification.attachment.partition(":")
    resolver = _resolvers.get(kind)
    if resolver is None:
        logger.error("Notification %s: no resolver for attachment kind %r", notification.pk, kind)
        return None
    return resolver(notification.user, key)
