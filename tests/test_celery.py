"""Celery wiring: eager without a broker; with one, a real worker round-trips tasks through it.

The suite keeps tasks eager (config/settings_test.py) so on_commit work runs in-process in every test; only the
`worker` tests switch eager off, while their worker is running.
"""

import os
import subprocess
import sys
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.result import EagerResult
from celery.signals import task_prerun
from django.core import mail
from django.db import transaction

from config.celery import app as celery_app
from tests.factories import make_user
from units.models import Notification
from units.notifications.services import notify
from units.tasks import ping

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")


def settings_eagerness(broker_url: str) -> str:
    """CELERY_TASK_ALWAYS_EAGER as the production settings compute it for the given environment."""
    env = {**os.environ, "CELERY_BROKER_URL": broker_url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    code = "from django.conf import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_settings_run_tasks_eagerly_only_when_no_broker_is_configured():
    assert settings_eagerness("").strip() == "True"
    assert settings_eagerness("redis://127.0.0.1:6379/15").strip() == "False"


def test_tests_run_tasks_eagerly_in_process():
    result = ping.delay("a")
    assert isinstance(result, EagerResult)
    assert result.get() == "pong:a"


@pytest.mark.django_db
def test_notification_email_is_sent_after_commit_when_eager(django_capture_on_commit_callbacks):
    user = make_user(email="huong@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        notify(users=[user], title="Có đoàn kiểm tra")
    assert Notification.objects.get(user=user).emailed_at is not None
    assert [m.to for m in mail.outbox] == [["huong@example.vn"]]


@pytest.fixture
def celery_worker(transactional_db):
    """A real worker thread consuming from the configured broker; tasks sent meanwhile go through the broker."""
    if not BROKER_URL:
        pytest.skip("no CELERY_BROKER_URL: no broker to run a worker against")
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        celery_app.conf.task_always_eager = True


@pytest.fixture
def task_threads():
    """Names of the threads that start running a task."""
    names = []

    def record(**kwargs):
        names.append(threading.current_thread().name)

    task_prerun.connect(record, weak=False)
    yield names
    task_prerun.disconnect(record)


@pytest.mark.worker
def test_ping_round_trips_through_the_broker_to_a_real_worker(celery_worker, task_threads):
    result = ping.delay("đắk nông")
    assert not isinstance(result, EagerResult)
    assert result.get(timeout=20) == "pong:đắk nông"
    assert task_threads and threading.current_thread().name not in task_threads


@pytest.mark.worker
def test_worker_emails_a_notification_once_the_transaction_commits(celery_worker):
    user = make_user(email="tra@example.vn")
    with transaction.atomic():
        notification = notify(users=[user], title="Kết quả chấm điểm")[0]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        notification.refresh_from_db()
        if notification.emailed_at:
            break
        time.sleep(0.1)
    assert notification.emailed_at is not None
    assert [m.subject for m in mail.outbox] == ["[Thi Đua] Kết quả chấm điểm"]
