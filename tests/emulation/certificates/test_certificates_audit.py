"""An issued certificate, and one revoked with its award, go into the audit log."""

import datetime

import pytest

from emulation.certificates.issuing import issue_certificate
from emulation.decisions.revocation import revoke_award
from tests.emulation.certificates.helpers import make_awards, make_signed_decision
from units.audit.log import verify_chain
from units.audit.models import AuditEntry, EventKind

pytestmark = pytest.mark.django_db


def test_issuing_logs_the_serial_and_revoking_the_award_logs_its_certificate(tree, personas):
    award = make_awards(make_signed_decision(tree.home), 1, tree.sub)[0]
    certificate = issue_certificate(award=award)
    issue_certificate(award=award)  # the same certificate again: nothing new happened, nothing new is logged
    issued = AuditEntry.objects.get()
    assert (issued.kind, issued.object_id) == (EventKind.CERTIFICATE_ISSUED, str(certificate.pk))
    assert issued.summary.startswith(certificate.serial)
    revoke_award(
        award=award, by=personas.administrator, reason="Sai", number="3/QĐ-SNV", decided_on=datetime.date(2026, 6, 2)
    )
    kinds = list(AuditEntry.objects.order_by("seq").values_list("kind", "object_type", "summary"))
    assert kinds[1:] == [
        (EventKind.AWARD_REVOKED, "emulation.award", kinds[1][2]),
        (EventKind.CERTIFICATE_REVOKED, "emulation.certificate", certificate.serial),
    ]
    assert verify_chain().intact
