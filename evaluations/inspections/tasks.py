"""Daily: remind inspection teams of the next day's visits."""

from celery import shared_task

from evaluations.inspections import services as reminders


@shared_task
def remind_scheduled_inspections() -> int:
    """Remind tomorrow's inspection teams (daily; safe to run twice)."""
    return reminders.remind_scheduled_inspections()
