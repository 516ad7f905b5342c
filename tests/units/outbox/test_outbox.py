"""Faults lose nothing: background work asked for by a page is kept in its transaction and sent after the commit —
or, with the broker down, kept until the broker is back."""

import os
import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from evaluations.models import AppealStatus, ViolationStatus
from tests.evaluations.appeals.test_appeals_views import file_appeal, open_violation
from tests.factories import make_user
from tests.test_celery import BROKER_URL
from units.models import Notification
from units.notifications.services import notify
from units.outbox import services as outbox
from units.outbox.models import OutboxTask
from units.tasks import flush_outbox as flush_outbox_task
from units.tasks import flush_outbox_on_worker_start

DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused at once


def use_broker(url: str, *, eager: bool) -> None:
    os.environ["CELERY_BROKER_URL"] = url  # Celery reads the variable before its own setting
    celery_app.conf.broker_url = url
    celery_app.conf.task_always_eager = eager
    celery_app._pool = None  # the next send connects afresh, to this broker
    celery_app.amqp._producer_pool = None


@pytest.fixture
def dead_broker(transactional_db):
    use_broker(DEAD_BROKER, eager=False)
    yield
    use_broker(BROKER_URL, eager=True)
    if not BROKER_URL:
        del os.environ["CELERY_BROKER_URL"]
    outbox._broker_down_until = 0.0


@pytest.mark.django_db
def test_work_asked_for_in_a_rolled_back_transaction_is_neither_kept_nor_run(django_capture_on_commit_callbacks):
    user = make_user()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        notify(users=[user], title="Sẽ bị hủy")
        assert OutboxTask.objects.count() == 1  # written in the same transaction
        raise RuntimeError
    assert not OutboxTask.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_after_the_commit_the_task_is_sent_and_its_outbox_row_removed(django_capture_on_commit_callbacks):
    user = make_user(email="tra@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        notify(users=[user], title="Kết quả chấm điểm")
    assert not OutboxTask.objects.exists()
    assert [m.to for m in mail.outbox] == [["tra@example.vn"]]


def decide_with_the_broker_down(login, tree, personas):
    """An appeal is filed and decided through the pages while no broker answers."""
    appeal = file_appeal(open_violation(tree, personas), personas)
    data = {"outcome": AppealStatus.UPHELD, "reason": "Đúng quy định"}
    started = time.monotonic()
    assert (
        login(personas.secretary).post(reverse("evaluations:appeal_decide", args=[appeal.pk]), data).status_code == 302
    )
    assert time.monotonic() - started < 5  # no request stalls waiting for the broker
    assert login(personas.unit_head).get(reverse("home")).status_code == 200
    appeal.violation.refresh_from_db()
    assert appeal.violation.status == ViolationStatus.UPHELD
    return appeal


def test_with_the_broker_down_pages_and_actions_work_and_the_work_is_kept(dead_broker, login, tree, personas):
    decide_with_the_broker_down(login, tree, personas)
    kept = set(OutboxTask.objects.values_list("task", flat=True))
    assert {"units.tasks.email_notification", "emulation.scoring.tasks.recompute_unit_on"} <= kept
    assert not Notification.objects.filter(emailed_at__isnull=False).exists() and not mail.outbox
    assert outbox.flush_outbox(settled=False) == 0  # still down: nothing is lost by trying
    assert OutboxTask.objects.count() >= 3 and OutboxTask.objects.filter(attempts__gte=1).exists()


@pytest.mark.worker
def test_when_the_broker_is_back_a_worker_does_the_kept_work(dead_broker, login, tree, personas):
    if not BROKER_URL:
        pytest.skip("no CELERY_BROKER_URL: no broker to come back")
    decide_with_the_broker_down(login, tree, personas)
    waiting = Notification.objects.count()
    assert waiting >= 2 and OutboxTask.objects.count() >= waiting
    use_broker(BROKER_URL, eager=False)
    celery_app.control.purge()
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        outbox.flush_outbox(settled=False)  # what beat does every minute, and every worker as it starts
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and Notification.objects.filter(emailed_at__isnull=True).exists():
            time.sleep(0.2)
    assert not OutboxTask.objects.exists()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert len(mail.outbox) == waiting


@pytest.mark.django_db
def test_a_flush_sends_what_waited_past_the_settling_time_and_leaves_what_may_still_be_on_its_way():
    user = make_user(email="cho@example.vn")
    notification = Notification.objects.create(user=user, title="Chờ gửi")
    old = OutboxTask.objects.create(
        task="units.tasks.email_notification", args=[notification.pk], created_at=timezone.now() - timedelta(minutes=5)
    )
    young = OutboxTask.objects.create(task="units.tasks.ping", args=["x"])
    assert flush_outbox_task.delay().get() == 1  # the beat task
    assert list(OutboxTask.objects.all()) == [young] and not OutboxTask.objects.filter(pk=old.pk).exists()
    assert [m.to for m in mail.outbox] == [["cho@example.vn"]]
    flush_outbox_on_worker_start()  # a starting worker sends everything, however young
    assert not OutboxTask.objects.exists()
