"""Certificate batches in the background: a planning task hands the chunks out, chunk tasks issue them (on as many
workers as there are), the register is written by its own task once the batch is done, and a beat task takes over
chunks whose worker died. The rules are in `batches`."""

import logging
import time

from celery import shared_task
from celery.signals import worker_init
from django.conf import settings

logger = logging.getLogger(__name__)
POLL_SECONDS = 1.0


@worker_init.connect
def warm_up_certificates(**kwargs) -> None:
    """Each worker loads the certificates' renderer, fonts, templates, signer and URL map as it starts (before its
    pool forks, so every process shares them), not on its first certificate; a failure here only costs that time."""
    from django.urls import reverse

    from emulation.certificates import batches  # noqa: F401 — the modules a chunk uses
    from emulation.certificates.pdfs import warm_up

    try:
        warm_up()
        reverse("emulation:certificate_batch", args=[1])  # the URL map, which a batch's notification needs
    except Exception:
        logger.exception("certificate warm-up failed")


def _same_queue(request) -> dict:
    """Chunks go to the queue the batch came from (a dedicated certificates queue, or a test's own)."""
    queue = (request.delivery_info or {}).get("routing_key") if request else None
    return {"queue": queue} if queue else {}


@shared_task(bind=True, acks_late=True)
def run_certificate_batch(self, batch_id: int) -> int:
    """Split the batch into chunks and queue one task per chunk; short, so a redelivery merely re-plans."""
    from emulation.certificates.batches import finish_if_complete, plan_batch

    chunks = plan_batch(batch_id=batch_id)
    for chunk_id in chunks:
        run_certificate_chunk.apply_async((chunk_id,), **_same_queue(self.request))
    if not chunks and finish_if_complete(batch_id=batch_id) is not None:
        write_certificate_register.apply_async((batch_id,), **_same_queue(self.request))
    return len(chunks)


@shared_task(bind=True, acks_late=True)
def run_certificate_chunk(self, chunk_id: int) -> bool:
    """Issue one chunk. A chunk another worker beats is waited for; once its heartbeat is stale (that worker
    died) this task takes it over. Acknowledged only when done, so a killed worker's chunk is delivered again."""
    from emulation.certificates.batches import claim_chunk, run_chunk
    from emulation.certificates.models import CertificateChunk

    deadline = time.monotonic() + settings.CERTIFICATE_CHUNK_STALE_SECONDS + 5
    while not claim_chunk(chunk_id):
        if not CertificateChunk.objects.filter(pk=chunk_id, done=False).exists() or time.monotonic() > deadline:
            return False  # done by someone else, or left to the beat task
        time.sleep(POLL_SECONDS)
    finished = run_chunk(chunk_id=chunk_id)
    if finished is not None:  # the last chunk: every certificate is out; the register follows on its own
        write_certificate_register.apply_async((finished.pk,), **_same_queue(self.request))
    return True


@shared_task(acks_late=True)
def write_certificate_register(batch_id: int) -> bool:
    """The register (XLSX and PDF) of a finished batch; idempotent, so a redelivery merely writes it again."""
    from emulation.certificates.batches import write_register

    return write_register(batch_id=batch_id) is not None


@shared_task
def resume_stale_chunks() -> int:
    """Every 30 s: queue again the chunks whose worker stopped beating, finish batches left unfinished, and ask
    again for registers whose task was lost."""
    from emulation.certificates import batches

    chunks = batches.stale_chunks()
    for chunk_id in chunks:
        run_certificate_chunk.delay(chunk_id)
    for batch_id in batches.finished_batches_left_running():
        if batches.finish_if_complete(batch_id=batch_id) is not None:
            write_certificate_register.delay(batch_id)
    for batch_id in batches.registers_missing():
        write_certificate_register.delay(batch_id)
    return len(chunks)
