"""E-mail delivery of notifications."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from units.models import Notification
from units.notifications.attachments import resolve


def send_notification_email(*, notification_id: int) -> bool:
    """Send a notification by e-mail once, with its attachment resolved for its user now; a second run sends
    nothing."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().select_related("user").filter(pk=notification_id).first()
        )
        if notification is None or notification.emailed_at is not None:
            return False
        link = f"{settings.SITE_URL}{notification.link}" if notification.link else settings.SITE_URL
        message = EmailMessage(
            subject=f"[Thi Đua] {notification.title}",
            body=f"{notification.body}\n\n{link}".strip(),
            to=[notification.user.email],
        )
        attachment = resolve(notification)
        if attachment is not None:
            message.attach(attachment.filename, attachment.content, attachment.mimetype)
        message.send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True
