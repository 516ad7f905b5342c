"""Who may see and change decisions and awards: one helper per object type, returning the object or raising 404/403.

The council secretary drafts decisions (and adds recipients) for the bodies below the unit of the role; an
administrator does the same and also records the signature and annuls decisions or single awards. The council reads
decisions; heads and clerks read the awards of their subtree; staff their own awards; anyone else gets 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.decisions.models import Award, Decision
from units.models import Role, Unit
from units.permissions import has_role


def can_draft_decision(user, unit: Unit) -> bool:
    """The council secretary or an administrator over the issuing body prepares its decisions."""
    return has_role(user, Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR, unit=unit)


def can_sign_decision(user, unit: Unit) -> bool:
    """Only an administrator over the issuing body records the signature, and records annulments (Điều 93)."""
    return has_role(user, Role.ADMINISTRATOR, unit=unit)


def draftable_units(user):
    """Bodies the user may prepare decisions for."""
    if user.is_superuser:
        return Unit.objects.all()
    roots = Unit.objects.filter(
        role_assignments__user=user, role_assignments__role__in=[Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR]
    )
    return Unit.objects.subtree_of(list(roots.only("path")))


def can_draft_any(user) -> bool:
    return has_role(user, Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR)


DECISION_ACTIONS = {None: lambda user, unit: True, "draft": can_draft_decision, "sign": can_sign_decision}


def get_decision_for_user(user, pk, *, action: str | None = None) -> Decision:
    """A decision the user sees (`Decision.objects.for_user`); `action` "draft" or "sign" must also be allowed."""
    decision = (
        Decision.objects.for_user(user)
        .select_related("unit", "authority", "period__movement", "created_by", "signed_by")
        .filter(pk=pk)
        .first()
    )
    if decision is None:
        raise Http404
    if not DECISION_ACTIONS[action](user, decision.unit):
        raise PermissionDenied
    return decision


def get_award_for_user(user, pk, *, action: str | None = None) -> Award:
    """An award the user sees (`Award.objects.for_user`); "revoke" needs an administrator over the issuing body;
    "draft" (removing it from a draft) is allowed to whoever may draft its decision."""
    if action == "draft":
        award = Award.objects.select_related("decision__unit").filter(pk=pk).first()
        if award is None:
            raise Http404
        award.decision = get_decision_for_user(user, award.decision_id, action="draft")
        return award
    award = (
        Award.objects.for_user(user)
        .select_related(
            "decision__unit",
            "decision__authority",
            "person__unit",
            "unit",
            "title",
            "award_form",
            "period__movement",
            "revocation__authority",
        )
        .filter(pk=pk)
        .first()
    )
    if award is None:
        raise Http404
    if action == "revoke" and not can_sign_decision(user, award.decision.unit):
        raise PermissionDenied
    return award
