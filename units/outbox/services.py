"""The outbox: background work asked for inside a transaction is kept in that transaction and sent after it commits.

Rules
-----
- `enqueue(task, *args)` writes a row in the caller's transaction and, once that commits, hands the task to the broker
  and deletes the row. A rolled-back transaction leaves neither a row nor a task.
- When the broker cannot be reached, the page or action still succeeds and the row stays; `flush_outbox()` sends
  what is waiting, oldest first (a beat task every minute, and every worker as it starts). A task may therefore run
  twice, so every task is idempotent (each one recomputes, re-checks or skips what is done).
- Without a broker (development) tasks run in-process after the commit, through the same path.
"""

import logging
import time
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from units.outbox.models import OutboxTask

log = logging.getLogger(__name__)
# A row younger than this may still be on its way from its own transaction's commit hook.
SETTLING = timedelta(seconds=30)
# After a failed send, this process keeps new tasks in the outbox without trying the broker for a while.
PAUSE_AFTER_FAILURE = 10.0
_broker_down_until = 0.0


def enqueue(task, *args) -> OutboxTask:
    """Ask for `task(*args)` to run in the background once the current transaction commits, surviving an outage."""
    with transaction.atomic():
        row = OutboxTask.objects.create(task=task.name, args=list(args))
    transaction.on_commit(lambda: _send(row))
    return row


def _send(row: OutboxTask) -> bool:
    """Hand one row's task to the broker; on success the row goes, on a broker failure it stays for a later flush.
    Fire and forget (`ignore_result`): no caller waits for these results, and the result store may be down too."""
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return False
    try:
        current_app.tasks[row.task].apply_async(args=row.args, retry=False, ignore_result=True)
    except (OperationalError, ConnectionError, OSError) as error:
        _broker_down_until = time.monotonic() + PAUSE_AFTER_FAILURE
        log.warning("Broker unreachable, %s kept in the outbox: %s", row, error)
        OutboxTask.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(error)[:500])
        return False
    OutboxTask.objects.filter(pk=row.pk).delete()
    return True


def flush_outbox(*, settled: bool = True) -> int:
    """Send every waiting task (only those past the settling time unless `settled` is False); returns how many."""
    global _broker_down_until
    _broker_down_until = 0.0  # a flush always tries the broker
    waiting = OutboxTask.objects.all()
    if settled:
        waiting = waiting.filter(created_at__lt=timezone.now() - SETTLING)
    sent = 0
    for row in waiting.iterator(chunk_size=500):
        if not _send(row):
            break  # the broker is down again: the rest waits for the next flush
        sent += 1
    return sent
