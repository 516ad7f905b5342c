"""Daily pledge-deadline reminders: a thin task over `reminders`."""

from celery import shared_task

from emulation.pledges import reminders


@shared_task
def remind_pledge_deadlines() -> int:
    """Remind units whose pledge is still missing as the registration deadline nears (daily; safe to run twice)."""
    return reminders.remind_pledge_deadlines()
