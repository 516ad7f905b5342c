"""What certificates need from a user on the home page: new certificates of one's own (shown while they are newer
than CERTIFICATE_NEW_DAYS), and for issuers the signed decisions still missing certificates."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.certificates.models import Certificate
from emulation.decisions.models import Award, AwardStatus, Decision, DecisionStatus
from units.models import Role, Unit
from units.permissions import has_role


def certificates_attention(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    items = []
    since = timezone.now() - datetime.timedelta(days=settings.CERTIFICATE_NEW_DAYS)
    new = Certificate.objects.of_user(user).filter(issued_at__gte=since).count()
    if new:
        items.append({"label": _("Giấy khen mới của bạn"), "count": new, "url": reverse("emulation:my_certificates")})
    if has_role(user, Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR):
        waiting = decisions_missing_certificates(user).count()
        url = reverse("emulation:decisions") + f"?status={DecisionStatus.SIGNED}"
        items.append({"label": _("Quyết định đã ký chưa in đủ giấy khen"), "count": waiting, "url": url})
    return items


def decisions_missing_certificates(user):
    """Signed decisions of the bodies below the user's secretary or administrator roles with an active award that has
    no certificate yet."""
    roots = Unit.objects.filter(
        role_assignments__user=user, role_assignments__role__in=[Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR]
    )
    paths = Q(pk__in=[])
    for path in roots.values_list("path", flat=True):
        paths |= Q(unit__path__startswith=path)
    missing = Award.objects.filter(decision=OuterRef("pk"), status=AwardStatus.ACTIVE, certificate__isnull=True)
    return Decision.objects.filter(paths, status=DecisionStatus.SIGNED).filter(Exists(missing))
