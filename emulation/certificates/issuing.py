"""Issuing certificates: serial numbers, one certificate per award, and the background batch of a decision.

Rules
-----
- A serial number is allocated inside the issuing transaction under a row lock on the counter of (issuing body,
  authority, year): issuers wait for each other, and a transaction that fails gives its number back — no gap, no
  duplicate.
- Issuing is idempotent: an award that has a certificate gets the same one back. Only active awards of a signed
  decision are issued, with the design the administrator chose for the decision's authority.
- A decision's batch is split into chunks that several workers share (see `batches`); its ZIP of all PDFs is
  streamed when downloaded, and its register (sổ theo dõi, XLSX and PDF) is written once the batch is done.
"""

import hashlib
import io
import logging
import zipfile

import tablib
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.certificates import pdfs as certificate_pdfs
from emulation.certificates.models import BatchStatus, Certificate, CertificateBatch, CertificateDesign, SerialCounter
from emulation.decisions.models import Award, AwardStatus, Decision, DecisionStatus
from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import Unit, User
from units.outbox.services import enqueue
from units.permissions import is_administrator

logger = logging.getLogger(__name__)


def allocate_serial(*, authority, issuer: Unit, year: int) -> int:
    """The next number of the issuing body's counter for the authority and year; only inside the caller's
    transaction, which holds the counter's row lock until it commits (or gives the number back by rolling back).
    One UPDATE … RETURNING takes the row lock and the number at once; a missing counter is created first."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_serial must run inside the issuing transaction")
    key = {"issuer_id": issuer.pk, "authority_id": getattr(authority, "pk", authority), "year": year}
    sql = "UPDATE {table} SET last_number = last_number + 1 WHERE issuer_id = %s AND authority_id = %s AND year = %s"
    sql = sql.format(table=connection.ops.quote_name(SerialCounter._meta.db_table)) + " RETURNING last_number"
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(sql, [key["issuer_id"], key["authority_id"], key["year"]])
            row = cursor.fetchone()
        if row is not None:
            return row[0]
        SerialCounter.objects.get_or_create(**key)
    raise RuntimeError("serial counter missing")  # pragma: no cover — created just above


def design_for(decision: Decision) -> CertificateDesign:
    design = CertificateDesign.objects.filter(authority=decision.authority_id).first()
    if design is None:
        raise ValidationError(
            _("Chưa chọn mẫu giấy khen cho thẩm quyền “%(authority)s”.") % {"authority": decision.authority.name}
        )
    return design


def check_issuable(decision: Decision) -> None:
    if decision.status != DecisionStatus.SIGNED:
        raise ValidationError(_("Chỉ in giấy khen cho quyết định đã ký ban hành."))


def _locked_award(pk: int) -> Award:
    """The award under a row lock (the lock only on its own row), with everything its certificate prints."""
    related = ("decision__unit", "decision__authority", "person__unit", "unit", "title", "award_form")
    return Award.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pk)


def issue_certificate(*, award: Award) -> Certificate:
    """The award's certificate: the existing one, or a new one (serial, token, printed facts frozen, rendered PDF and
    its SHA-256) in one transaction."""
    with transaction.atomic():
        award = _locked_award(award.pk)
        existing = Certificate.objects.filter(award=award).first()
        if existing is not None:
            return existing
        decision = award.decision
        check_issuable(decision)
        if award.status != AwardStatus.ACTIVE:
            raise ValidationError(_("Khen thưởng đã bị thu hồi, không in giấy khen."))
        design = design_for(decision)
        number = allocate_serial(authority=decision.authority, issuer=decision.unit, year=decision.year)
        certificate = Certificate(
            award=award,
            issuer=decision.unit,
            authority=decision.authority,
            year=decision.year,
            number=number,
            serial=design.format_serial(number=number, year=decision.year, unit_code=decision.unit.code),
            template=design.template,
            place=design.place,
        )
        certificate.printed = certificate_pdfs.live_facts(certificate)
        pdf = certificate_pdfs.certificate_pdf(certificate)
        certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        certificate.pdf.save(f"{certificate.token}.pdf", ContentFile(pdf), save=False)
        certificate.save(force_insert=True)  # one INSERT with the serial, the frozen facts, the file and its hash
        record_event(kind=EventKind.CERTIFICATE_ISSUED, obj=certificate, summary=f"{certificate.serial} — {award}")
    return certificate


def missing_certificates(decision: Decision):
    """Active awards of the decision still without a certificate."""
    return decision.awards.filter(status=AwardStatus.ACTIVE, certificate__isnull=True)


def is_complete(batch: CertificateBatch) -> bool:
    """A finished batch with nothing left to issue: running it again would change nothing."""
    return batch.status == BatchStatus.DONE and not missing_certificates(batch.decision).exists()


def certifiable_awards(decision: Decision):
    """Awards that have, or should have, a certificate: active ones and any already issued."""
    return decision.awards.filter(Q(status=AwardStatus.ACTIVE) | Q(certificate__isnull=False))


@transaction.atomic
def prepare_batch(*, decision: Decision, by: User) -> CertificateBatch:
    """The decision's batch, queued again unless it is already queued or running."""
    check_issuable(decision)
    design_for(decision)
    batch, created = CertificateBatch.objects.select_for_update().get_or_create(
        decision=decision, defaults={"created_by": by, "total": certifiable_awards(decision).count()}
    )
    if not created and (not batch.is_active or batch.is_stalled):
        batch.status, batch.created_by, batch.failed, batch.errors = BatchStatus.QUEUED, by, 0, []
        batch.updated_at = timezone.now()
        batch.save(update_fields=["status", "created_by", "failed", "errors", "updated_at"])
    return batch


def start_batch(*, decision: Decision, by: User) -> CertificateBatch:
    """Queue the batch and hand it to a worker once the transaction commits; a batch already queued or running
    (and not stalled) is left to its worker, so a double click sends one task; a finished batch with nothing left
    to issue is left as it is (no task, no second notification)."""
    from emulation.certificates.tasks import run_certificate_batch  # the task module imports this one

    with transaction.atomic():
        current = CertificateBatch.objects.select_for_update().filter(decision=decision).first()
        if current is not None and (current.is_active and not current.is_stalled or is_complete(current)):
            return current
        batch = prepare_batch(decision=decision, by=by)
        enqueue(run_certificate_batch, batch.pk)
    return batch


def _replace(field, name: str, content: File) -> None:
    if field:
        field.delete(save=False)
    field.save(name, content, save=False)


def slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-")


def certificate_pdf_bytes(certificate: Certificate) -> bytes:
    """The stored PDF, or the same certificate rendered again when its file is missing (e.g. media restored
    without it)."""
    try:
        with certificate.pdf.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, ValueError):
        return certificate_pdfs.certificate_pdf(certificate)


class _Pipe(io.RawIOBase):
    """A write-only, unseekable file whose bytes are taken out as they come (zipfile then writes a streamed ZIP)."""

    def __init__(self):
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def zip_stream(certificates):
    """The ZIP of the certificates' PDFs, named by serial, piece by piece as it is downloaded: nothing is built
    beforehand, and memory holds one PDF at a time. Stored, not deflated: a PDF's streams are compressed already."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            archive.writestr(f"{slug(certificate.serial)}.pdf", certificate_pdf_bytes(certificate))
            yield pipe.take()
    yield pipe.take()


def batch_certificates(batch: CertificateBatch):
    """The batch's issued certificates in serial order, read in slices (a decision may have 10,000)."""
    issued = Certificate.objects.filter(award__decision=batch.decision_id).exclude(pdf="").with_facts()
    return issued.order_by("number", "pk").iterator(chunk_size=500)


def register_dataset(certificates) -> tablib.Dataset:
    """The register (sổ theo dõi): serial, recipient, unit, title or form, decision, status."""
    headers = [_("Số hiệu"), _("Người/tập thể được khen"), _("Đơn vị"), _("Danh hiệu, hình thức"), _("Quyết định")]
    dataset = tablib.Dataset(headers=[*headers, _("Trạng thái")])
    for certificate in certificates:
        award = certificate.award
        dataset.append(
            [
                certificate.serial,
                str(award.recipient),
                award.recipient_unit.name,
                award.what.name,
                str(award.decision),
                certificate.get_status_display(),
            ]
        )
    return dataset


def save_design(*, authority, by: User, fields: dict) -> CertificateDesign:
    """An administrator chooses the authority's design; certificates already issued keep the layout they got."""
    if not is_administrator(by):
        raise PermissionDenied
    design = CertificateDesign.objects.filter(authority=authority).first() or CertificateDesign(authority=authority)
    for name, value in fields.items():
        setattr(design, name, value)
    design.full_clean()
    design.save()
    return design
