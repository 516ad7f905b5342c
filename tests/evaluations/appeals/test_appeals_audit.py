"""Deciding an appeal, and a violation upheld or dismissed, go into the audit log (who, what, why)."""

import pytest
import time_machine

from evaluations.appeals import services as appeals
from evaluations.models import AppealStatus
from tests.evaluations.appeals.test_appeals import DEADLINE, LAST_MINUTE, MINUTE_PAST
from tests.factories import make_violation
from units.audit.log import verify_chain
from units.audit.models import AuditEntry, EventKind

pytestmark = pytest.mark.django_db


def logged():
    return list(AuditEntry.objects.order_by("seq").values_list("kind", "object_type", "actor_id"))


def test_a_decided_appeal_logs_the_decision_and_the_violations_new_status(tree, personas):
    violation = make_violation(unit=tree.home, recorded_by=personas.inspector, appeal_deadline=DEADLINE)
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeal = appeals.contest_violation(violation=violation, by=personas.clerk, reason="Nhầm đơn vị")
    appeals.decide_appeal(appeal=appeal, by=personas.secretary, outcome=AppealStatus.DISMISSED, reason="Đã đeo thẻ")
    who = personas.secretary.pk
    assert logged() == [
        (EventKind.APPEAL_DECIDED, "evaluations.appeal", who),
        (EventKind.VIOLATION_DISMISSED, "evaluations.violation", who),
    ]
    assert AuditEntry.objects.get(kind=EventKind.VIOLATION_DISMISSED).data == {"reason": "Đã đeo thẻ"}


def test_closing_appeal_windows_logs_the_violations_upheld_by_the_deadline(tree):
    late = [make_violation(unit=tree.home, appeal_deadline=DEADLINE) for _ in range(2)]
    appeals.close_appeal_windows(now=MINUTE_PAST)
    entry = AuditEntry.objects.get()
    assert (entry.kind, entry.actor_id, entry.data) == (
        EventKind.VIOLATION_UPHELD,
        None,
        {"violations": sorted(v.pk for v in late)},
    )
    assert verify_chain().intact
