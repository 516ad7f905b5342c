"""Demo certificates: every signed decision of the demo province gets its batch, run in-process at once (a few
seconds; in production the batch runs on a worker), so the finalized years come with PDFs, serials and QR codes.

Rules: the seeded designs get the demo province's place name; a batch already done is left as it is (idempotent).
"""

from emulation.certificates.batches import run_batch
from emulation.certificates.issuing import prepare_batch
from emulation.certificates.models import BatchStatus, Certificate, CertificateBatch, CertificateDesign
from emulation.decisions.models import Decision, DecisionStatus
from units.demo import PROVINCE_CODE, demo_email
from units.models import Unit, User

PLACE = "Đắk Nông"


def build_demo() -> dict[str, int]:
    secretary = User.objects.filter(email=demo_email("thuky")).first()
    province = Unit.objects.filter(code=PROVINCE_CODE).first()
    if secretary is None or province is None:
        return {}
    CertificateDesign.objects.filter(place="").update(place=PLACE)
    decisions = Decision.objects.filter(status=DecisionStatus.SIGNED, unit__path__startswith=province.path)
    done = CertificateBatch.objects.filter(status=BatchStatus.DONE).values("decision_id")
    for decision in decisions.exclude(pk__in=done).select_related("unit", "authority").order_by("decided_on", "pk"):
        run_batch(batch_id=prepare_batch(decision=decision, by=secretary).pk)
    return {"certificates": Certificate.objects.count(), "certificate batches": CertificateBatch.objects.count()}
