import pytest

from units.models import Notification
from units.notifications.mail import send_notification_email
from units.notifications.services import mark_read, notify

pytestmark = pytest.mark.django_db


def test_notify_posts_to_inbox_and_emails_after_commit(personas, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(users=[personas.unit_head], title="Đoàn kiểm tra đã nộp biên bản", link="/inspections/1/")
    note = Notification.objects.get(user=personas.unit_head)
    assert note.emailed_at is not None
    assert mailoutbox[0].subject == "[Thi Đua] Đoàn kiểm tra đã nộp biên bản"
    assert mailoutbox[0].to == ["head@example.vn"]
    assert "/inspections/1/" in mailoutbox[0].body


def test_nothing_is_emailed_when_the_transaction_rolls_back(personas, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(users=[personas.unit_head], title="Thử")
    assert len(callbacks) == 1
    assert mailoutbox == []


def test_sending_twice_emails_once(personas, mailoutbox):
    [note] = notify(users=[personas.staff], title="Một lần thôi")
    assert send_notification_email(notification_id=note.pk) is True
    assert send_notification_email(notification_id=note.pk) is False
    assert len(mailoutbox) == 1


def test_mark_all_read_touches_only_own_notifications(personas):
    notify(users=[personas.staff, personas.unit_head], title="Chung")
    assert mark_read(user=personas.staff) == 1
    assert Notification.objects.filter(user=personas.unit_head).unread().count() == 1


def test_top_bar_shows_unread_count(login, personas):
    notify(users=[personas.staff], title="A")
    notify(users=[personas.staff], title="B")
    html = login(personas.staff).get("/profile/").content.decode()
    assert 'data-testid="unread-count">2<' in html
