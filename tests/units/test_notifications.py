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


def test_an_attachment_reference_is_resolved_for_the_user_when_the_email_is_sent(personas, mailoutbox):
    from units.notifications import attachments

    seen = []

    def resolver(user, key):
        seen.append((user, key))
        return attachments.Attachment(f"bien-ban-{key}.txt", "Biên bản số 7".encode(), "text/plain")

    attachments.register("test_minutes", resolver)
    [note] = notify(users=[personas.staff], title="Có biên bản", attachment=attachments.reference("test_minutes", 7))
    assert note.attachment == "test_minutes:7"
    assert send_notification_email(notification_id=note.pk) is True
    assert seen == [(personas.staff, "7")]
    assert mailoutbox[0].attachments == [("bien-ban-7.txt", "Biên bản số 7", "text/plain")]


def test_an_unknown_attachment_kind_is_logged_and_the_email_still_goes(personas, mailoutbox, caplog):
    [note] = notify(users=[personas.staff], title="Không có tệp", attachment="khong_ro:1")
    assert send_notification_email(notification_id=note.pk) is True
    assert mailoutbox[0].attachments == [] and "khong_ro" in caplog.text
