"""Demo certificates: every signed decision of the demo province gets its batch, run in-process at once (a few
seconds; in production the batch runs on a worker), so the finalized years come with PDFs, serials and QR codes.

Rules: the seeded designs get the place name of the province that issued the decision (Đắk Nông up to 30/06/2025,
Lâm Đồng after; the place is frozen on each certificate at issue) and are left on today's; a design an administrator
named otherwise is not touched; a batch already done is left as it is (idempotent).
"""

from emulation.certificates.batches import run_batch
from emulation.certificates.issuing import prepare_batch
from emulation.certificates.models import BatchStatus, Certificate, CertificateBatch, CertificateDesign
from emulation.decisions.models import Decision, DecisionStatus
from units.demo import CURRENT_PROVINCE_CODE, PROVINCE_CODE, demo_email, demo_units
from units.models import Unit, User

PLACE = "Đắk Nông"

CURRENT_PLACE = "Lâm Đồng"


def build_demo() -> dict[str, int]:
    secretary = User.objects.filter(email=demo_email("thuky")).first()
    if secretary is None or not Unit.objects.filter(code__in=[PROVINCE_CODE, CURRENT_PROVINCE_CODE]).exists():
        return {}
    demo = Unit.objects.filter(demo_units())
    decisions = Decision.objects.filter(status=DecisionStatus.SIGNED, unit__in=demo)
    done = CertificateBatch.objects.filter(status=BatchStatus.DONE).values("decision_id")
    for decision in decisions.exclude(pk__in=done).select_related("unit", "authority").order_by("decided_on", "pk"):
        _name_place(CURRENT_PLACE if decision.unit.code.startswith(CURRENT_PROVINCE_CODE) else PLACE)
        run_batch(batch_id=prepare_batch(decision=decision, by=secretary).pk)
    if Unit.objects.filter(code=CURRENT_PROVINCE_CODE).exists():
        _name_place(CURRENT_PLACE)
    return {"certificates": Certificate.objects.count(), "certificate batches": CertificateBatch.objects.count()}


def _name_place(place: str) -> None:
    CertificateDesign.objects.filter(place__in=["", PLACE, CURRENT_PLACE]).update(place=place)
