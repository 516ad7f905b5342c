"""E-mail delivery of notifications."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from units.models import Notification


def send_notification_email(*, notification_id: int) -> bool:
    """Send a notification by e-mail once; a second run sends nothing."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().select_related("user").filter(pk=notification_id).first()
        )
        if notification is None or notification.emailed_at is not None:
            return False
        link = f"{settings.SITE_URL}{notification.link}" if notification.link else settings.SITE_URL
        send_mail(
            subject=f"[Thi Đua] {notification.title}",
            message=f"{notification.body}\n\n{link}".strip(),
            from_email=None,
            recipient_list=[notification.user.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True
