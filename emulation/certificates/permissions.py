"""Who may issue, see and download certificates: one helper per object type, returning it or raising 404/403.

The council secretary and administrators over the issuing body issue a decision's certificates and download the
batch. A certificate is seen by whoever sees its award (`Award.objects.for_user`): its holder, the heads and clerks
of the recipient's unit and the units above, the council and administrators. The register is searched by those
reading roles; plain staff have their own certificates only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.certificates.models import Certificate
from emulation.decisions.models import AWARD_READER_ROLES, Decision
from units.models import Role, Unit
from units.permissions import has_role


def can_issue_certificates(user, unit: Unit) -> bool:
    """The council secretary or an administrator over the issuing body."""
    return has_role(user, Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR, unit=unit)


def can_search_register(user) -> bool:
    return has_role(user, *AWARD_READER_ROLES)


def require_register(user) -> None:
    if not can_search_register(user):
        raise PermissionDenied


def get_decision_for_certificates(user, pk) -> Decision:
    """A decision the user sees, whose certificates the user may issue (else 404 when unseen, 403 when seen)."""
    decision = (
        Decision.objects.for_user(user).select_related("unit", "authority", "period__movement").filter(pk=pk).first()
    )
    if decision is None:
        raise Http404
    if not can_issue_certificates(user, decision.unit):
        raise PermissionDenied
    return decision


def get_certificate_for_user(user, pk) -> Certificate:
    """A certificate of an award the user sees."""
    certificate = Certificate.objects.for_user(user).with_facts().filter(pk=pk).first()
    if certificate is None:
        raise Http404
    return certificate
