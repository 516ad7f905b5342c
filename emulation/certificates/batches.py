"""A decision's certificate batch, shared by several workers chunk by chunk.

Rules
-----
- Planning splits the awards still missing a certificate (or its PDF) into chunks of CERTIFICATE_CHUNK_SIZE; each
  chunk is one task, so every worker takes chunks from the queue and 10,000 certificates use every worker.
- A chunk takes its serial numbers in one short transaction: its awards are locked, the counter of (issuing body,
  authority, year) is locked and advanced by the number of certificates, and the certificate rows are written —
  gapless, each award once (a single issue locks the same award rows). The PDFs are rendered afterwards, outside the
  lock, so workers render in parallel; a certificate whose render failed keeps its number and is rendered again by
  a re-run.
- A worker claims a chunk by writing its heartbeat, only when nobody beat it within CERTIFICATE_CHUNK_STALE_SECONDS;
  it beats every few certificates. A chunk whose worker died is taken over by its redelivered task or by the beat
  task `resume_stale_chunks` (every 30 s) — within a minute, without anyone pressing a button.
- Progress counts each certificate once as its PDF is stored (an increment every few certificates, not a count of the
  whole decision); planning and finishing count exactly, from the database.
- The batch is done when its last chunk is: whoever finds every chunk done under the batch's row lock marks it done
  and tells its creator, so exactly once. Every certificate is then available, alone or in the ZIP, which is
  streamed from the stored PDFs when downloaded (nothing to build first). The register (sổ theo dõi, XLSX and PDF)
  is written afterwards by its own task (`write_register`), off the path of the certificates.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.certificates import issuing
from emulation.certificates import pdfs as certificate_pdfs
from emulation.certificates.models import BatchStatus, Certificate, CertificateBatch, CertificateChunk, SerialCounter
from emulation.decisions.models import Award, AwardStatus
from units.audit.log import record_event
from units.audit.models import EventKind
from units.notifications.services import notify

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 10  # certificates between two heartbeats and updates of the progress bar (~1 s)


def stale_before() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=settings.CERTIFICATE_CHUNK_STALE_SECONDS)


def _pending_awards(batch: CertificateBatch) -> list[int]:
    """Active awards of the decision without a certificate, or whose certificate has no PDF yet."""
    awards = batch.decision.awards.filter(status=AwardStatus.ACTIVE)
    awards = awards.filter(Q(certificate__isnull=True) | Q(certificate__pdf=""))
    return list(awards.order_by("pk").values_list("pk", flat=True))


def _refresh_progress(batch_id: int, **changes) -> None:
    """The progress bar counts the certificates with a PDF, exactly (from the database, so nothing counts twice)."""
    batch = CertificateBatch.objects.filter(pk=batch_id)
    issued = Certificate.objects.filter(award__decision=batch.values("decision_id")[:1]).exclude(pdf="")
    batch.update(done=issued.count(), updated_at=timezone.now(), **changes)


def _advance(chunk: CertificateChunk, rendered: int, **changes) -> None:
    """The chunk's heartbeat and the batch's progress bar moved on by the PDFs just stored (two UPDATEs, whatever
    the size of the decision)."""
    now = timezone.now()
    CertificateChunk.objects.filter(pk=chunk.pk).update(heartbeat=now, **changes)
    CertificateBatch.objects.filter(pk=chunk.batch_id).update(done=F("done") + rendered, updated_at=now)


@transaction.atomic
def plan_batch(*, batch_id: int) -> list[int]:
    """Split what is missing into chunks (keeping chunks still in progress) and return the chunks to hand out:
    those never claimed or whose worker stopped beating."""
    batch = CertificateBatch.objects.select_for_update().select_related("decision").get(pk=batch_id)
    if issuing.is_complete(batch):  # a redelivered or repeated task of a finished batch changes nothing
        return []
    batch.chunks.filter(done=True).delete()
    covered = {pk for awards in batch.chunks.values_list("awards", flat=True) for pk in awards}
    pending = [pk for pk in _pending_awards(batch) if pk not in covered]
    size = settings.CERTIFICATE_CHUNK_SIZE
    CertificateChunk.objects.bulk_create(
        CertificateChunk(batch=batch, awards=pending[i : i + size]) for i in range(0, len(pending), size)
    )
    total = issuing.certifiable_awards(batch.decision).count()
    _refresh_progress(batch.pk, status=BatchStatus.RUNNING, total=total, failed=0, errors=[], started_at=timezone.now())
    claimable = Q(heartbeat__isnull=True) | Q(heartbeat__lt=stale_before())
    return list(batch.chunks.filter(claimable).order_by("pk").values_list("pk", flat=True))


def claim_chunk(chunk_id: int) -> bool:
    """Take the chunk unless another worker beat it lately (one UPDATE: two claimants cannot both win)."""
    claimable = Q(heartbeat__isnull=True) | Q(heartbeat__lt=stale_before())
    chunk = CertificateChunk.objects.filter(claimable, pk=chunk_id, done=False)
    return chunk.update(heartbeat=timezone.now(), attempts=F("attempts") + 1) == 1


def _number_awards(chunk: CertificateChunk) -> None:
    """Certificate rows, with their serials, for the chunk's awards that have none, in one transaction."""
    decision = chunk.batch.decision
    issuing.check_issuable(decision)
    design = issuing.design_for(decision)
    with transaction.atomic():
        awards = Award.objects.select_for_update(of=("self",)).filter(pk__in=chunk.awards, status=AwardStatus.ACTIVE)
        awards = awards.exclude(pk__in=Certificate.objects.filter(award__in=chunk.awards).values("award_id"))
        missing = list(awards.order_by("pk").values_list("pk", flat=True))
        if not missing:
            return
        key = {"issuer_id": decision.unit_id, "authority_id": decision.authority_id, "year": decision.year}
        SerialCounter.objects.get_or_create(**key)
        first = SerialCounter.objects.select_for_update().get(**key).last_number + 1
        SerialCounter.objects.filter(**key).update(last_number=first + len(missing) - 1)
        Certificate.objects.bulk_create(
            Certificate(
                award_id=pk, issuer_id=decision.unit_id, authority_id=decision.authority_id, year=decision.year,
                number=number, template=design.template, place=design.place,
                serial=design.format_serial(number=number, year=decision.year, unit_code=decision.unit.code),
            )
            for number, pk in enumerate(missing, first)
        )  # fmt: skip


def _render(certificate: Certificate) -> bool:
    """The certificate's PDF with its printed facts frozen, stored and recorded with its SHA-256 (one UPDATE).
    Only the first PDF recorded counts: a worker that lost its chunk to a takeover while still rendering finds the
    certificate already rendered, removes its own file and reports False (no second issue, no second audit line)."""
    certificate.printed = certificate.printed or certificate_pdfs.live_facts(certificate)
    pdf = certificate_pdfs.certificate_pdf(certificate)
    storage = certificate.pdf.storage
    name = certificate.pdf.field.generate_filename(certificate, f"{certificate.token}.pdf")
    name = storage.save(name, ContentFile(pdf))
    certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    recorded = Certificate.objects.filter(pk=certificate.pk, pdf="").update(
        pdf=name, printed=certificate.printed, pdf_sha256=certificate.pdf_sha256
    )
    if not recorded:
        storage.delete(name)
    return bool(recorded)


def _record_issued(chunk: CertificateChunk, certificates: list[Certificate]) -> None:
    """One audit entry per chunk names every certificate it issued, with each PDF's SHA-256 (an entry a certificate
    would cost the chunk three more queries a certificate)."""
    if certificates:
        serials = [certificate.serial for certificate in certificates]
        record_event(
            kind=EventKind.CERTIFICATE_ISSUED,
            obj=chunk.batch.decision,
            summary=f"{len(serials)} giấy khen: {', '.join(serials[:5])}{' …' if len(serials) > 5 else ''}",
            data={"certificates": {c.serial: c.pdf_sha256 for c in certificates}},
        )


def run_chunk(*, chunk_id: int) -> CertificateBatch | None:
    """Issue the chunk's certificates (the caller claimed it), then finish the batch if this was the last chunk."""
    chunk = CertificateChunk.objects.select_related("batch__decision__unit", "batch__decision__authority")
    chunk = chunk.get(pk=chunk_id)
    errors = []
    try:
        _number_awards(chunk)
    except Exception as error:  # e.g. the design was removed meanwhile: the whole chunk failed, the batch says why
        logger.exception("certificate chunk %s failed", chunk.pk)
        errors = [{"award": pk, "error": str(error)[:300]} for pk in chunk.awards]
    unrendered = list(Certificate.objects.filter(award__in=chunk.awards, pdf="").with_facts().order_by("number"))
    issued, told = [], 0
    for i, certificate in enumerate(unrendered if not errors else [], 1):
        try:
            if _render(certificate):
                issued.append(certificate)
        except Exception as error:  # one failed render must not stop the chunk; it is counted and re-run later
            logger.exception("certificate of award %s failed", certificate.award_id)
            errors.append({"award": certificate.award_id, "error": str(error)[:300]})
        if i % PROGRESS_EVERY == 0 and i < len(unrendered):  # the last one is told below, with the chunk done
            _advance(chunk, len(issued) - told)
            told = len(issued)
    _record_issued(chunk, issued)
    _advance(chunk, len(issued) - told, done=True, errors=errors)
    return finish_if_complete(batch_id=chunk.batch_id)


@transaction.atomic
def finish_if_complete(*, batch_id: int) -> CertificateBatch | None:
    """The batch's outputs, written once: by whoever finds every chunk done while holding the batch's row lock."""
    batch = CertificateBatch.objects.select_for_update().get(pk=batch_id)
    if batch.status != BatchStatus.RUNNING or batch.chunks.filter(done=False).exists():
        return None
    errors = [error for chunk_errors in batch.chunks.values_list("errors", flat=True) for error in chunk_errors]
    batch.failed, batch.errors = len(errors), errors
    batch.save(update_fields=["failed", "errors"])
    batch = CertificateBatch.objects.select_related("decision__unit", "decision__authority").get(pk=batch_id)
    return finish_batch(batch)


def finish_batch(batch: CertificateBatch) -> CertificateBatch:
    """Mark the batch done (or failed when some certificates are missing), with its exact count, and tell whoever
    started it; the register of an earlier run is dropped, to be written again by `write_register`."""
    for field in (batch.register_xlsx, batch.register_pdf):
        if field:
            field.delete(save=False)
    issued = Certificate.objects.filter(award__decision=batch.decision_id).exclude(pdf="")
    batch.done, batch.status = issued.count(), BatchStatus.FAILED if batch.failed else BatchStatus.DONE
    batch.finished_at = batch.updated_at = timezone.now()
    batch.save(update_fields=["done", "register_xlsx", "register_pdf", "status", "finished_at", "updated_at"])
    notify(
        users=[batch.created_by],
        title=_("Đã in xong giấy khen: %(decision)s (%(done)s/%(total)s, lỗi %(failed)s)")
        % {"decision": batch.decision, "done": batch.done, "total": batch.total, "failed": batch.failed},
        link=reverse("emulation:certificate_batch", args=[batch.decision_id]),
    )
    return batch


def write_register(*, batch_id: int) -> CertificateBatch | None:
    """The register (sổ theo dõi) of a finished batch, as XLSX and PDF; nothing while the batch runs again."""
    batch = CertificateBatch.objects.select_related("decision__unit", "decision__authority").get(pk=batch_id)
    if batch.is_active:
        return None  # its next finish asks again
    certificates = list(
        Certificate.objects.filter(award__decision=batch.decision_id)
        .exclude(pdf="")
        .with_facts()
        .order_by("number", "pk")
    )
    stem = issuing.slug(batch.decision.number or str(batch.decision.pk))
    issuing._replace(
        batch.register_xlsx,
        f"so-theo-doi-{stem}.xlsx",
        ContentFile(issuing.register_dataset(certificates).export("xlsx")),
    )
    register = certificate_pdfs.register_pdf(batch.decision, certificates)
    issuing._replace(batch.register_pdf, f"so-theo-doi-{stem}.pdf", ContentFile(register))
    CertificateBatch.objects.filter(pk=batch_id).update(
        register_xlsx=batch.register_xlsx.name, register_pdf=batch.register_pdf.name
    )
    return batch


def run_batch(*, batch_id: int) -> CertificateBatch:
    """The whole batch in this process, chunk after chunk, then its register (the demo, tests, a manual run)."""
    finished = None
    for chunk_id in plan_batch(batch_id=batch_id):
        if claim_chunk(chunk_id):
            finished = run_chunk(chunk_id=chunk_id) or finished
    if (finish_if_complete(batch_id=batch_id) or finished) is not None:  # finished by this run: its register
        write_register(batch_id=batch_id)
    return CertificateBatch.objects.get(pk=batch_id)


def stale_chunks() -> list[int]:
    """Chunks a worker claimed and then stopped beating for: their worker died."""
    return list(CertificateChunk.objects.filter(done=False, heartbeat__lt=stale_before()).values_list("pk", flat=True))


def registers_missing() -> list[int]:
    """Finished batches still without their register a while after finishing (its task was lost)."""
    limit = timezone.now() - datetime.timedelta(seconds=settings.CERTIFICATE_BATCH_STALL_SECONDS)
    finished = CertificateBatch.objects.filter(status__in=[BatchStatus.DONE, BatchStatus.FAILED], finished_at__lt=limit)
    return list(finished.filter(register_pdf="").values_list("pk", flat=True))


def finished_batches_left_running() -> list[int]:
    """Batches whose chunks are all done but whose outputs were never written (the finishing worker died)."""
    limit = timezone.now() - datetime.timedelta(seconds=settings.CERTIFICATE_CHUNK_STALE_SECONDS)
    running = CertificateBatch.objects.filter(status=BatchStatus.RUNNING, updated_at__lt=limit)
    running = running.exclude(chunks__done=False).filter(chunks__isnull=False).distinct()
    return list(running.values_list("pk", flat=True))
