"""Revoking an award and annulling a decision (Law 06/2022 Điều 93): the reason, the revoking decision, the
recipients told, eligibility re-opened."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation.decisions.models import Award, AwardStatus, Decision, DecisionStatus, Revocation
from emulation.decisions.permissions import can_sign_decision
from emulation.decisions.services import day, recheck_after_change, tell_recipients
from emulation.titles.models import Authority
from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import User


def _check_annulment(decision: Decision, by: User, reason: str, decided_on: datetime.date, authority) -> Authority:
    """The same authority annuls (Law 2022 Điều 93), with a reason, on or after the decision's date."""
    if not can_sign_decision(by, decision.unit):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Phải ghi rõ lý do thu hồi, hủy bỏ."))
    authority = authority or decision.authority
    if authority.pk != decision.authority_id:
        raise ValidationError(
            _("Chỉ %(authority)s — thẩm quyền đã quyết định khen thưởng — mới hủy bỏ được (Luật TĐKT 2022, Điều 93).")
            % {"authority": decision.authority.name}
        )
    if decided_on < decision.decided_on:
        raise ValidationError(
            _("Ngày quyết định hủy bỏ không được trước ngày %(day)s.") % {"day": day(decision.decided_on)}
        )
    return authority


@transaction.atomic
def revoke_award(
    *,
    award: Award,
    by: User,
    reason: str,
    number: str,
    decided_on: datetime.date,
    authority: Authority | None = None,
) -> Revocation:
    """Annul one award of a signed decision; the rest of the decision stays in force."""
    locked = (
        Award.objects.select_for_update(of=("self",))
        .select_related("decision__authority", "person__user", "person__unit", "unit", "title", "award_form")
        .get(pk=award.pk)
    )
    if locked.decision.status != DecisionStatus.SIGNED or locked.status != AwardStatus.ACTIVE:
        raise ValidationError(_("Chỉ thu hồi được khen thưởng còn hiệu lực của quyết định đã ký ban hành."))
    authority = _check_annulment(locked.decision, by, reason, decided_on, authority)
    revocation = Revocation.objects.create(
        award=locked,
        reason=reason.strip(),
        number=number.strip(),
        decided_on=decided_on,
        authority=authority,
        revoked_by=by,
    )
    Award.objects.filter(pk=locked.pk).update(status=AwardStatus.REVOKED, revocation=revocation)
    award.status, award.revocation = AwardStatus.REVOKED, revocation
    _record_revocation(EventKind.AWARD_REVOKED, locked, revocation, [locked])
    recheck_after_change([locked])
    tell_recipients([locked], _("Khen thưởng “%(what)s” của bạn đã bị thu hồi theo %(revocation)s."), revocation)
    return revocation


@transaction.atomic
def annul_decision(
    *,
    decision: Decision,
    by: User,
    reason: str,
    number: str,
    decided_on: datetime.date,
    authority: Authority | None = None,
) -> Revocation:
    """Annul a whole signed decision: every award still active is revoked by this annulment."""
    status = Decision.objects.select_for_update(of=("self",)).values_list("status", flat=True).get(pk=decision.pk)
    if status != DecisionStatus.SIGNED:
        raise ValidationError(_("Chỉ hủy bỏ được quyết định đã ký ban hành và chưa bị hủy bỏ."))
    authority = _check_annulment(decision, by, reason, decided_on, authority)
    revocation = Revocation.objects.create(
        decision=decision,
        reason=reason.strip(),
        number=number.strip(),
        decided_on=decided_on,
        authority=authority,
        revoked_by=by,
    )
    awards = list(
        decision.awards.active().select_related("person__unit", "person__user", "unit", "title", "award_form")
    )
    decision.awards.active().update(status=AwardStatus.REVOKED, revocation=revocation)
    Decision.objects.filter(pk=decision.pk).update(status=DecisionStatus.ANNULLED)
    decision.status = DecisionStatus.ANNULLED
    _record_revocation(EventKind.AWARD_ANNULLED, decision, revocation, awards)
    recheck_after_change(awards)
    tell_recipients(awards, _("Khen thưởng “%(what)s” của bạn đã bị thu hồi theo %(revocation)s."), revocation)
    return revocation


def _record_revocation(kind: str, obj, revocation: Revocation, awards: list[Award]) -> None:
    """The revocation in the audit log, and each printed certificate it revokes (a certificate follows its award)."""
    data = {"number": revocation.number, "decided_on": revocation.decided_on, "reason": revocation.reason}
    record_event(kind=kind, obj=obj, by=revocation.revoked_by, summary=str(revocation), data=data)
    printed = Award.objects.filter(pk__in=[a.pk for a in awards], certificate__isnull=False)
    for pk, serial in printed.values_list("certificate__pk", "certificate__serial"):
        record_event(
            kind=EventKind.CERTIFICATE_REVOKED,
            by=revocation.revoked_by,
            target=("emulation.certificate", pk),
            summary=serial,
            data=data,
        )
