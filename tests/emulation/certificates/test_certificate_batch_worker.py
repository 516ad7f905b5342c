"""A certificate batch survives its worker being killed: a real Celery worker process (on the configured broker, CI:
Redis) is SIGKILLed mid-batch; a new worker gets the unacknowledged task again and completes the batch with every
award's certificate exactly once and the serials gap-free.

The worker processes run `celery -A config worker` with the production settings module, on the test database
(PostgreSQL in CI; a file-based SQLite test database would do, pytest-django's in-memory one cannot be shared).
"""

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from emulation.certificates.issuing import prepare_batch
from emulation.certificates.tasks import run_certificate_batch
from emulation.models import BatchStatus, Certificate, CertificateBatch
from tests.emulation.certificates.helpers import make_authority, make_awards, make_signed_decision
from tests.factories import make_unit, make_user

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
AWARDS = 120  # at ~20–50 ms a certificate, several seconds of work: the kill lands mid-batch
KILL_AFTER = 5
REDELIVERY_SECONDS = 2  # the restarted worker's visibility timeout: the killed worker's task comes back after it


def database_url() -> str:
    """The test database, as the worker processes' DATABASE_URL."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("postgresql"):
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    name = str(db["NAME"])
    if "memory" in name:
        pytest.skip("the in-memory SQLite test database cannot be shared with a worker process")
    return f"sqlite:///{name}"


@pytest.fixture
def workers(tmp_path):
    """start(name) → a separate `celery worker` process consuming only this test's queue; all stopped at the end."""
    if not BROKER_URL:
        pytest.skip("no CELERY_BROKER_URL: no broker to run a worker against")
    queue, started = f"certificates-test-{uuid.uuid4().hex[:8]}", []
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SITE_URL": settings.SITE_URL,
        "CELERY_VISIBILITY_TIMEOUT": str(REDELIVERY_SECONDS),
    }

    def start(name: str) -> subprocess.Popen:
        log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue]
        command += ["-n", f"{name}-{queue}@%h", "--without-gossip", "--without-mingle", "-l", "info"]
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=settings.BASE_DIR)
        started.append(process)
        return process

    celery_app.conf.task_always_eager = False
    try:
        yield start, queue
    finally:
        celery_app.conf.task_always_eager = True
        for process in started:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until(condition, timeout: float, what, log=None):
    """Poll the database until `condition()` is truthy; on timeout, fail with the worker's log tail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"timed out waiting for {what}\n{tail}")


def issued(decision) -> int:
    return Certificate.objects.filter(award__decision=decision).count()


def test_killing_the_worker_mid_batch_and_starting_another_completes_it_exactly_once(workers, tmp_path):
    start, queue = workers
    authority, unit = make_authority(), make_unit(code="SNV")
    decision = make_signed_decision(unit, authority=authority)
    awards = make_awards(decision, AWARDS, unit)
    batch = prepare_batch(decision=decision, by=make_user())

    first = start("first")
    run_certificate_batch.apply_async((batch.pk,), queue=queue)
    wait_until(lambda: issued(decision) >= KILL_AFTER, 90, "the first worker's certificates", tmp_path / "first.log")
    first.send_signal(signal.SIGKILL)
    first.wait()
    at_kill = issued(decision)
    assert KILL_AFTER <= at_kill < AWARDS, "the kill must land in the middle of the batch"
    assert CertificateBatch.objects.get(pk=batch.pk).status == BatchStatus.RUNNING

    time.sleep(REDELIVERY_SECONDS + 0.5)
    start("second")
    batch = wait_until(
        lambda: CertificateBatch.objects.filter(pk=batch.pk, status=BatchStatus.DONE).first(),
        120,
        "the second worker to finish the batch",
        tmp_path / "second.log",
    )
    numbers = sorted(Certificate.objects.filter(authority=authority).values_list("number", flat=True))
    assert numbers == list(range(1, AWARDS + 1))
    assert set(Certificate.objects.values_list("award_id", flat=True)) == {award.pk for award in awards}
    assert (batch.total, batch.done, batch.failed) == (AWARDS, AWARDS, 0)
    batch = wait_until(
        lambda: CertificateBatch.objects.exclude(register_pdf="").filter(pk=batch.pk).first(),
        60,
        "the register, written by its own task once the batch is done",
        tmp_path / "second.log",
    )
    assert batch.register_xlsx and batch.register_pdf
