"""What a unit head or clerk sees of their unit on the home page: its latest score, band and rank in its bloc."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from emulation.scoring.models import Score
from units.models import Role, Unit

LED_ROLES = [Role.UNIT_HEAD, Role.UNIT_CLERK]
SHOWN_UNITS = 3


def led_units(user):
    """The units the user heads or clerks (not their sub-units), at most SHOWN_UNITS."""
    units = Unit.objects.filter(role_assignments__user=user, role_assignments__role__in=LED_ROLES)
    return units.distinct().order_by("path")[:SHOWN_UNITS]


def unit_standing_attention(user) -> list[dict]:
    """For each unit the user heads or clerks: the total of its latest score, with the band and rank when known."""
    if not user.is_authenticated:
        return []
    items = []
    for unit in led_units(user):
        score = Score.objects.filter(unit=unit).select_related("period", "band", "bloc").order_by("-period__starts_on")
        score = score.first()
        if score is None:
            continue
        label = _("Điểm thi đua %(unit)s, %(period)s") % {"unit": unit.name, "period": score.period.name}
        if score.band:
            label += f" · {score.band.name}"
        if score.rank and score.bloc:
            ranked = Score.objects.filter(period=score.period_id, bloc=score.bloc_id).ranked().count()
            label += " · " + _("hạng %(rank)s/%(of)s %(bloc)s") % {
                "rank": score.rank,
                "of": ranked,
                "bloc": score.bloc.name,
            }
        url = reverse("emulation:score_detail", args=[score.period_id, unit.pk])
        items.append({"label": label, "count": formats.number_format(score.total.normalize()), "url": url})
    return items
