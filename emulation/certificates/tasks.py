"""Certificate batches in the background: a thin task over `issuing.run_batch`."""

from celery import shared_task


@shared_task(acks_late=True)
def run_certificate_batch(batch_id: int) -> int:
    """Issue the missing certificates of a batch; acknowledged only when done, so a killed worker's batch is
    delivered again and resumes where it stopped."""
    from emulation.certificates.issuing import run_batch

    return run_batch(batch_id=batch_id).done
