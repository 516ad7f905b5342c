from celery import shared_task
from celery.signals import worker_ready

from units.notifications import mail
from units.outbox import services as outbox


@shared_task
def email_notification(notification_id: int) -> bool:
    return mail.send_notification_email(notification_id=notification_id)


@shared_task
def ping(value: str) -> str:
    """Round-trip check used by the health test of the worker."""
    return f"pong:{value}"


@shared_task
def flush_outbox() -> int:
    """Send the background work kept while the broker was unreachable (beat, every minute)."""
    return outbox.flush_outbox()


@worker_ready.connect(dispatch_uid="units.flush_outbox_on_worker_start")
def flush_outbox_on_worker_start(sender=None, **kwargs) -> None:
    """A worker that starts (after an outage, say) first sends everything still waiting in the outbox."""
    outbox.flush_outbox(settled=False)


@shared_task
def apply_due_reorganisation_moves() -> int:
    """Units, staff and roles waiting for a reorganisation act's effective day change once it comes (hourly)."""
    from units.reorganisation.pending import apply_due_moves

    return apply_due_moves()
