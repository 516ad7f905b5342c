"""The ranking PDF in the background (see `prints`)."""

from celery import shared_task


@shared_task(acks_late=True)
def build_ranking_print(print_id: int) -> str:
    """Build one ranking sheet (safe to run twice: a done or running sheet is left alone)."""
    from emulation.rankings.prints import build_print

    return build_print(print_id)
