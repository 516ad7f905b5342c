from celery import shared_task

from units.notifications import mail


@shared_task
def email_notification(notification_id: int) -> bool:
    return mail.send_notification_email(notification_id=notification_id)


@shared_task
def ping(value: str) -> str:
    """Round-trip check used by the health test of the worker."""
    return f"pong:{value}"
