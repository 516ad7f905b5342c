"""What the council needs from a user on the home page: ballots awaiting their vote, nominations to vet; and what a
unit head or clerk follows: their units' nominations still under way, and those returned for more documents."""

from django.urls import reverse
from django.utils.translation import gettext as _

from emulation.council.ballots import voting
from emulation.council.models.ballots import Ballot, BallotStatus
from emulation.council.models.council import CouncilMember
from emulation.council.models.nominations import FINISHED, Nomination, NominationStatus
from emulation.council.permissions import secretary_councils
from units.models import Role, Unit
from units.permissions import has_role


def ballots_awaiting(user) -> list[Ballot]:
    """Open ballots of councils the user sits on that they may still vote on."""
    seats = CouncilMember.objects.filter(user=user)
    ballots = Ballot.objects.filter(status=BallotStatus.OPEN, session__council__members__in=seats).distinct()
    waiting = []
    for ballot in ballots.select_related("session"):
        member = voting.member_for(ballot, user)
        if member and not voting.has_voted(ballot, member) and not ballot.recused.filter(pk=member.pk).exists():
            waiting.append(ballot)
    return waiting


def council_attention(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    items = []
    waiting = ballots_awaiting(user)
    if waiting or CouncilMember.objects.filter(user=user).exists():
        url = reverse("emulation:ballot_vote", args=[waiting[0].pk]) if waiting else reverse("emulation:councils")
        items.append({"label": _("Phiếu chờ bạn biểu quyết"), "count": len(waiting), "url": url})
    councils = list(secretary_councils(user).select_related("scope"))
    if councils:
        to_vet = Nomination.objects.filter(status=NominationStatus.PROPOSED).filter(unit__in=_scope_units(councils))
        url = reverse("emulation:nominations") + f"?status={NominationStatus.PROPOSED}"
        items.append({"label": _("Đề nghị khen thưởng chờ thẩm định"), "count": to_vet.count(), "url": url})
    return items


def _scope_units(councils):
    return Unit.objects.subtree_of([council.scope for council in councils])


def unit_nominations_attention(user) -> list[dict]:
    """Unit head or clerk: the nominations of their units not yet decided, and those returned to them."""
    if not has_role(user, Role.UNIT_HEAD, Role.UNIT_CLERK):
        return []
    heads = Unit.objects.filter(
        role_assignments__user=user, role_assignments__role__in=[Role.UNIT_HEAD, Role.UNIT_CLERK]
    )
    ours = Nomination.objects.filter(unit__in=Unit.objects.subtree_of(list(heads)))
    url = reverse("emulation:nominations")
    items = [
        {"label": _("Đề nghị khen thưởng đang xét"), "count": ours.exclude(status__in=FINISHED).count(), "url": url}
    ]
    returned = ours.filter(status=NominationStatus.RETURNED).count()
    if returned:
        url += f"?status={NominationStatus.RETURNED}"
        items.append({"label": _("Đề nghị bị trả lại để bổ sung"), "count": returned, "url": url})
    return items
