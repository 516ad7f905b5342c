"""Double clicks and two tabs: concurrent submissions must make one record and one notification (PostgreSQL)."""

import os
import threading

import pytest
from django.db import connection

from emulation.models import Pledge, PledgeStatus
from emulation.pledges.services import start_pledge, submit_pledge
from tests.emulation.factories import make_commitment_item, make_period
from units.models import Notification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL row locks (DATABASE_URL=postgres://…)")


def run_twice(action):
    barrier, errors = threading.Barrier(2), []

    def worker():
        try:
            barrier.wait()
            action()
        except Exception as error:  # collected and re-raised in the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_two_concurrent_starts_make_one_pledge(personas, tree):
    period = make_period()
    run_twice(lambda: start_pledge(unit=tree.home, period=period, by=personas.unit_head))
    assert Pledge.objects.filter(unit=tree.home, period=period).count() == 1


def test_two_concurrent_submits_make_one_submission(personas, tree):
    pledge = start_pledge(unit=tree.home, period=make_period(), by=personas.unit_head)
    pledge.commitment_items.set([make_commitment_item(pledge.period.movement)])
    run_twice(lambda: submit_pledge(pledge=Pledge.objects.get(pk=pledge.pk), by=personas.unit_head))
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.SUBMITTED
    assert Notification.objects.filter(user=personas.administrator).count() == 1
