"""Posting to users' in-app inboxes, with e-mail delivery of the same message."""

from django.utils import timezone

from units.models import Notification, User
from units.outbox.services import enqueue


def notify(*, users, title: str, body: str = "", link: str = "", attachment: str = "") -> list[Notification]:
    """Each user gets the message in their inbox, and by e-mail once the transaction commits; `attachment` is a
    reference (`attachments.reference(kind, key)`) to a file resolved for each user when the e-mail is sent."""
    from units.tasks import email_notification

    created = Notification.objects.bulk_create(
        [Notification(user=user, title=title, body=body, link=link, attachment=attachment) for user in users]
    )
    for notification in created:
        enqueue(email_notification, notification.pk)
    return created


def mark_read(*, user: User, notification: Notification | None = None) -> int:
    """Mark one notification, or all of the user's unread ones, as read."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    return unread.update(read_at=timezone.now())


def notify_once_a_day(*, users, title: str, body: str = "", link: str = "") -> list[Notification]:
    """Like `notify`, for scheduled reminders: a user who already got this message today is not told again."""
    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    users = list(users)
    already = set(
        Notification.objects.filter(user__in=users, title=title, link=link, created_at__gte=start_of_day).values_list(
            "user_id", flat=True
        )
    )
    return notify(users=[user for user in users if user.pk not in already], title=title, body=body, link=link)
