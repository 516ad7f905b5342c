"""Signing a decision, revoking an award, annulling a decision and re-opening a period go into the audit log."""

import pytest

from emulation.decisions.revocation import annul_decision, revoke_award
from emulation.models import PeriodStatus
from emulation.movements.periods import reopen_period
from tests.emulation.decisions.test_revocation import ANNULLED_ON, granted, period  # noqa: F401 (fixtures)
from tests.emulation.factories import make_period
from units.audit.log import verify_chain
from units.audit.models import AuditEntry, EventKind

pytestmark = pytest.mark.django_db


def kinds():
    return list(AuditEntry.objects.order_by("seq").values_list("kind", flat=True))


def test_signing_then_revoking_one_award_then_annulling_the_rest_is_logged_in_order(personas, granted):  # noqa: F811
    decision, people = granted
    award = decision.awards.get(person=people[0])
    revoke_award(award=award, by=personas.administrator, reason="Gian dối", number="40/QĐ", decided_on=ANNULLED_ON)
    annul_decision(decision=decision, by=personas.administrator, reason="Sai", number="41/QĐ", decided_on=ANNULLED_ON)
    assert kinds() == [EventKind.DECISION_SIGNED, EventKind.AWARD_REVOKED, EventKind.AWARD_ANNULLED]
    signed = AuditEntry.objects.get(kind=EventKind.DECISION_SIGNED)
    assert signed.summary.startswith("15/QĐ-UBND") and len(signed.data["awards"]) == 3
    assert AuditEntry.objects.get(kind=EventKind.AWARD_REVOKED).data["reason"] == "Gian dối"
    assert verify_chain().intact


def test_reopening_a_period_is_logged_with_its_reason(personas):
    period = make_period(status=PeriodStatus.FINALIZED)  # noqa: F811
    reopen_period(period=period, by=personas.administrator, reason="Khiếu nại được chấp nhận")
    entry = AuditEntry.objects.get()
    assert (entry.kind, entry.object_id, entry.actor_id) == (
        EventKind.PERIOD_REOPENED,
        str(period.pk),
        personas.administrator.pk,
    )
    assert entry.data == {"reason": "Khiếu nại được chấp nhận", "status": PeriodStatus.COUNCIL}
