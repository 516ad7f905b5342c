"""What pledges need from a user on the home page: real counts, each linking to the list that explains it."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from emulation.movements.models import Period, PeriodStatus
from emulation.pledges.models import Pledge, PledgeStatus
from units.models import Role, Unit
from units.permissions import has_role

OPEN_FOR_PLEDGES = [PeriodStatus.REGISTRATION, PeriodStatus.IN_PROGRESS]


def pledges_attention(user) -> list[dict]:
    items = []
    if has_role(user, Role.UNIT_HEAD, Role.UNIT_CLERK):
        items.extend(_unsubmitted_pledges(user))
    if has_role(user, Role.ADMINISTRATOR):
        waiting = Pledge.objects.for_user(user).filter(status=PledgeStatus.SUBMITTED).count()
        url = reverse("emulation:pledges") + f"?status={PledgeStatus.SUBMITTED}"
        items.append({"label": _("Bản đăng ký thi đua chờ chấp nhận"), "count": waiting, "url": url})
    return items


def _unsubmitted_pledges(user) -> list[dict]:
    """One line per open period where a unit the user heads or clerks has not submitted its pledge."""
    units = Unit.objects.filter(
        role_assignments__user=user, role_assignments__role__in=[Role.UNIT_HEAD, Role.UNIT_CLERK]
    )
    done = Pledge.objects.filter(
        unit__in=units, status__in=[PledgeStatus.SUBMITTED, PledgeStatus.ACCEPTED]
    ).values_list("unit_id", "period_id")
    done = set(done)
    items = []
    unit_ids = set(units.values_list("pk", flat=True))
    for period in Period.objects.filter(status__in=OPEN_FOR_PLEDGES).select_related("movement"):
        missing = [pk for pk in unit_ids if (pk, period.pk) not in done]
        if missing:
            deadline = formats.date_format(timezone.localtime(period.registration_deadline), "d/m/Y")
            label = _("Chưa gửi đăng ký thi đua: %(period)s (hạn %(deadline)s)") % {
                "period": period,
                "deadline": deadline,
            }
            items.append({"label": label, "count": len(missing), "url": reverse("emulation:pledges")})
    return items
