from celery import shared_task
from django.utils import timezone

from evaluations import appeals, reminders


@shared_task
def close_appeal_windows() -> int:
    """Uphold the uncontested violations whose appeal window has closed (idempotent; scheduled hourly)."""
    return appeals.close_appeal_windows(now=timezone.now())


@shared_task
def remind_scheduled_inspections() -> int:
    """Remind tomorrow's inspection teams (daily; safe to run twice)."""
    return reminders.remind_scheduled_inspections()
