"""Daily: remind inspection teams of the next day's visits."""

from celery import shared_task

from evaluations.inspections import services as reminders


@shared_task
def remind_scheduled_inspections() -> int:
    """Remind tomorrow's inspection teams (daily; safe to run twice)."""
    return reminders.remind_scheduled_inspections()


@shared_task(acks_late=True)
def process_evidence_photo(evidence_id: int) -> str:
    """Re-encode an inspector's photo and make its thumbnail (safe to run twice)."""
    from evaluations.inspections.photos import process_evidence

    return process_evidence(evidence_id)
