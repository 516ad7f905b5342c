"""Scores stay current by themselves: real services change observations, the recompute runs after the commit;
the review step freezes the scores, later changes cannot move them, a recorded re-opening lets them move again."""

import datetime
import os
import threading
import time
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from emulation.assessments.services import verify_line
from emulation.models import (
    BonusRule,
    DeductionRule,
    PeriodReopening,
    PeriodStatus,
    Score,
    SelfAssessment,
)
from emulation.movements.periods import advance_period, reopen_period
from emulation.scoring import tasks
from emulation.scoring.engine import compute_period, unfreeze_scores
from evaluations.appeals import services as appeals
from evaluations.inspections.services import save_item_result, submit_inspection
from evaluations.inspections.violations import change_violation_status
from evaluations.kpi.services import record_reading
from evaluations.models import Appeal, ItemOutcome, ViolationStatus
from tests.emulation.factories import make_criterion, make_period, make_pledge, make_scheme
from tests.factories import (
    enrol_totp,
    make_bloc,
    make_checklist_item,
    make_inspection,
    make_kpi_indicator,
    make_unit,
    make_user,
    make_violation,
    make_violation_type,
)

D = Decimal
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return make_period(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31), status=PeriodStatus.IN_PROGRESS
    )


@pytest.fixture
def setup(period, tree):
    """Sở Nội vụ (9 claimed) and Sở Tài chính (8 claimed) in one bloc; a violation type costs 3 points."""
    scheme = make_scheme(period)
    criterion = make_criterion(scheme, max_points=D(10))
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=scheme, violation_type=kind, points_per_occurrence=D(3))
    for unit, points in ((tree.home, "9"), (tree.other, "8")):
        pledge = make_pledge(unit=unit, period=period)
        SelfAssessment.objects.create(pledge=pledge, criterion=criterion, claimed_points=D(points))
    make_bloc(period, [tree.home, tree.other])
    compute_period(period=period)
    return kind


def score(unit):
    return Score.objects.get(unit=unit)


def test_an_appeal_decided_as_upheld_recomputes_the_unit_and_its_bloc_after_commit(
    setup, tree, personas, django_capture_on_commit_callbacks
):
    violation = make_violation(unit=tree.home, type=setup, recorded_by=personas.inspector)
    change_violation_status(violation=violation, to_status=ViolationStatus.CONTESTED, by=personas.unit_head)
    appeal = Appeal.objects.create(violation=violation, reason="Không đúng", filed_by=personas.unit_head)
    assert (score(tree.home).total, score(tree.home).rank) == (D(9), 1)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        appeals.decide_appeal(appeal=appeal, by=personas.administrator, outcome="upheld", reason="Có ảnh")

    assert callbacks
    assert (score(tree.home).total, score(tree.home).rank) == (D(6), 2)
    assert score(tree.other).rank == 1


def test_nothing_is_recomputed_until_the_transaction_commits(setup, tree, django_capture_on_commit_callbacks):
    violation = make_violation(unit=tree.home, type=setup)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        change_violation_status(violation=violation, to_status=ViolationStatus.UPHELD, by=None)

    assert len(callbacks) == 1
    assert score(tree.home).total == D(9)


def test_a_dismissed_violation_leaves_the_score_as_it_was(setup, tree, django_capture_on_commit_callbacks):
    violation = make_violation(unit=tree.home, type=setup, status=ViolationStatus.CONTESTED)
    with django_capture_on_commit_callbacks(execute=True):
        change_violation_status(violation=violation, to_status=ViolationStatus.DISMISSED, by=None)

    assert score(tree.home).total == D(9)


def test_windows_closed_by_the_hourly_job_recompute_the_units(setup, tree, django_capture_on_commit_callbacks):
    make_violation(unit=tree.other, type=setup, appeal_deadline=datetime.date(2026, 3, 10))
    with django_capture_on_commit_callbacks(execute=True):
        appeals.close_appeal_windows(now=datetime.datetime(2026, 3, 11, 0, 1, tzinfo=HANOI))

    assert score(tree.other).total == D(5)


def test_a_recorded_kpi_reading_recomputes_the_unit(period, tree, personas, django_capture_on_commit_callbacks):
    indicator = make_kpi_indicator()
    scheme = make_scheme(period)
    make_criterion(scheme, source="kpi", method="kpi_threshold_linear", kpi_indicator=indicator, full_at=D(90))
    make_pledge(unit=tree.home, period=period)
    compute_period(period=period)
    with django_capture_on_commit_callbacks(execute=True):
        record_reading(
            unit=tree.home,
            indicator=indicator,
            start=datetime.date(2026, 1, 1),
            end=datetime.date(2026, 6, 30),
            value=D(92),
            by=personas.clerk,
        )

    assert score(tree.home).total == D(10)


def test_a_submitted_inspection_counts_towards_the_minimum(period, tree, personas, django_capture_on_commit_callbacks):
    make_scheme(period, min_inspections=1)
    make_pledge(unit=tree.home, period=period)
    compute_period(period=period)
    assert score(tree.home).insufficient_evidence
    inspection = make_inspection(unit=tree.home, date=datetime.date(2026, 4, 2), lead=personas.inspector)
    for item in [make_checklist_item()]:
        save_item_result(inspection=inspection, item=item, outcome=ItemOutcome.PASS, note="", by=personas.inspector)

    with django_capture_on_commit_callbacks(execute=True):
        submit_inspection(inspection=inspection, by=personas.inspector, token=uuid.uuid4())

    assert (score(tree.home).inspection_count, score(tree.home).insufficient_evidence) == (1, False)


def test_a_verified_self_assessment_line_recomputes_the_unit(setup, tree, personas, django_capture_on_commit_callbacks):
    line = SelfAssessment.objects.get(pledge__unit=tree.home)
    with django_capture_on_commit_callbacks(execute=True):
        verify_line(line=line, points=D(7), reason="Thiếu minh chứng", by=personas.inspector)

    assert score(tree.home).total == D(7)


def test_review_freezes_the_scores_and_a_later_violation_cannot_move_them(
    setup, period, tree, personas, django_capture_on_commit_callbacks
):
    advance_period(period=period, by=personas.administrator)
    frozen = score(tree.home)
    assert frozen.frozen and frozen.frozen_at is not None

    violation = make_violation(unit=tree.home, type=setup)
    with django_capture_on_commit_callbacks(execute=True):
        change_violation_status(violation=violation, to_status=ViolationStatus.UPHELD, by=None)
    tasks.recompute_open_periods.delay()
    tasks.recompute_period.delay(period.pk)

    after = score(tree.home)
    assert (after.total, after.computed_at, after.frozen) == (D(9), frozen.computed_at, True)


def test_after_a_freeze_a_live_figure_moves_beside_the_snapshot_and_every_page_says_it_differs(
    setup, period, tree, personas, login, django_capture_on_commit_callbacks
):
    advance_period(period=period, by=personas.administrator)
    violation = make_violation(unit=tree.home, type=setup)
    with django_capture_on_commit_callbacks(execute=True):
        change_violation_status(violation=violation, to_status=ViolationStatus.UPHELD, by=None)
    frozen = score(tree.home)
    assert (frozen.total, frozen.live_total, frozen.frozen) == (D(9), D(6), True)
    day = timezone.localtime(frozen.frozen_at).strftime("%d/%m/%Y")
    note = f"đã chốt ngày {day} — kết quả hiện tại khác (6 điểm)"
    client = login(personas.administrator)
    page = client.get(reverse("emulation:score_detail", args=[period.pk, tree.home.pk])).content.decode()
    assert note in page and 'data-testid="total">9' in page
    ranking = client.get(reverse("emulation:ranking") + f"?period={period.pk}").content.decode()
    assert note in ranking
    assert score(tree.other).live_note() == ""  # unchanged: no note
    unfreeze_scores(period=period)  # what a recorded re-opening does
    assert (score(tree.home).total, score(tree.home).live_note()) == (D(6), "")


def test_a_recorded_reopening_unfreezes_and_recomputes_then_finalizing_freezes_again(setup, period, tree, personas):
    for _step in range(3):  # review → council → finalized
        advance_period(period=period, by=personas.administrator)
    make_violation(unit=tree.home, type=setup, status=ViolationStatus.UPHELD)
    compute_period(period=period)
    assert score(tree.home).total == D(9)

    reopen_period(period=period, by=personas.administrator, reason="Khiếu nại được chấp nhận sau kỳ xét")

    assert PeriodReopening.objects.filter(period=period).count() == 1
    assert (score(tree.home).total, score(tree.home).frozen) == (D(6), False)
    advance_period(period=period, by=personas.administrator)
    assert score(tree.home).frozen


def test_the_nightly_job_recomputes_open_periods_and_is_safe_to_run_twice(setup, period, tree):
    make_violation(unit=tree.home, type=setup, status=ViolationStatus.UPHELD)
    closed = make_period(status=PeriodStatus.FINALIZED)
    make_scheme(closed)
    make_pledge(unit=make_unit(), period=closed)

    assert tasks.recompute_open_periods.delay().get() == 2
    assert tasks.recompute_open_periods.delay().get() == 2
    assert score(tree.home).total == D(6)
    assert not Score.objects.filter(period=closed).exists()


def test_the_nightly_job_is_scheduled():
    entry = settings.CELERY_BEAT_SCHEDULE["recompute-open-periods"]
    assert entry["task"] == tasks.recompute_open_periods.name


@pytest.fixture
def superuser_client(client):
    user = make_user(is_staff=True, is_superuser=True)
    enrol_totp(user)
    client.force_login(user)
    return client


def test_council_points_entered_in_the_admin_override_and_recompute_after_commit(
    setup, tree, superuser_client, django_capture_on_commit_callbacks
):
    criterion = SelfAssessment.objects.get(pledge__unit=tree.home).criterion
    data = {"unit": tree.home.pk, "criterion": criterion.pk, "points": "4", "note": "Hội đồng chấm lại"}
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(reverse("admin:emulation_manualscore_add"), data)

    assert response.status_code == 302
    assert score(tree.home).total == D(4)
    assert score(tree.home).breakdown[-1]["detail"] == "Hội đồng chấm lại"


def test_a_bonus_granted_in_the_admin_counts_after_commit(
    setup, period, tree, superuser_client, django_capture_on_commit_callbacks
):
    rule = BonusRule.objects.create(scheme=period.scheme, code="CO", description="Cờ thi đua", points=D(2))
    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(reverse("admin:emulation_bonusgrant_add"), {"unit": tree.other.pk, "rule": rule.pk})

    assert (score(tree.other).total, score(tree.other).rank) == (D(10), 1)


def test_scores_are_read_only_in_the_admin(setup, tree, superuser_client):
    url = reverse("admin:emulation_score_change", args=[score(tree.home).pk])
    assert superuser_client.get(url).status_code == 200
    superuser_client.post(url, {"total": "100"})
    assert score(tree.home).total == D(9)


@pytest.fixture
def score_worker(transactional_db):
    """A real Celery worker thread on the configured broker (see tests/test_celery.py); skipped without a broker."""
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("no CELERY_BROKER_URL: no broker to run a worker against")
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        celery_app.conf.task_always_eager = True


@pytest.mark.worker
def test_a_real_worker_recomputes_the_bloc_once_the_upheld_violation_commits(score_worker, setup, tree):
    violation = make_violation(unit=tree.home, type=setup)
    with transaction.atomic():
        change_violation_status(violation=violation, to_status=ViolationStatus.UPHELD, by=None)

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and score(tree.home).total != D(6):
        time.sleep(0.1)
    assert (score(tree.home).total, score(tree.home).rank, score(tree.other).rank) == (D(6), 2, 1)


@pytest.fixture
def second_bloc(setup, period, tree):
    """Another bloc of the period (claiming 7 and 6), whose next full recompute must count a violation upheld on
    its first unit behind the engine's back (no recompute of its own): the full run's result to keep."""
    criterion = period.scheme.groups.get().criteria.get()
    units = [make_unit(code=f"B2-{index}", parent=tree.province) for index in range(2)]
    for unit, points in zip(units, ("7", "6"), strict=True):
        SelfAssessment.objects.create(pledge=make_pledge(unit=unit, period=period), criterion=criterion,
                                      claimed_points=D(points))  # fmt: skip
    make_bloc(period, units)
    compute_period(period=period)
    make_violation(unit=units[0], type=setup, status=ViolationStatus.UPHELD,
                   occurred_at=datetime.datetime(2026, 4, 1, 9, tzinfo=HANOI))  # fmt: skip
    return units


def _nightly_in_a_thread(period, wrapper):
    """The nightly full recompute on its own connection in another thread, through `wrapper`; (thread, failures)."""
    failures = []

    def nightly():
        try:
            with connection.execute_wrapper(wrapper):
                compute_period(period=period)
        except Exception as error:  # pragma: no cover - reported by the assertion below
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=nightly)
    thread.start()
    return thread, failures


def _uphold_and_update(setup, tree) -> float:
    """A violation of Sở Nội vụ upheld (committed), then the task its signal enqueues; the seconds the task took."""
    make_violation(unit=tree.home, type=setup, status=ViolationStatus.UPHELD,
                   occurred_at=datetime.datetime(2026, 5, 1, 9, tzinfo=HANOI))  # fmt: skip
    started = time.monotonic()
    tasks.recompute_unit_on(tree.home.pk, "2026-05-01")
    return time.monotonic() - started


def _both_results_kept(tree, second_bloc) -> None:
    assert (score(tree.home).total, score(tree.home).rank, score(tree.other).rank) == (D(6), 2, 1)  # the update's
    assert [(score(unit).total, score(unit).rank) for unit in second_bloc] == [(D(4), 2), (D(6), 1)]  # the full run's


@pytest.mark.postgres
def test_an_update_never_waits_for_a_running_full_recompute_and_neither_loses_the_others_result(
    transactional_db, setup, period, tree, second_bloc
):
    """PostgreSQL, two connections in two threads: the nightly recompute has read its facts and is about to write;
    meanwhile a violation is upheld and its unit recomputed. The update does not wait for the full run; the full
    run's older result for that bloc does not overwrite it, and its result for the other bloc is written."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time")
    facts_read, release = threading.Event(), threading.Event()

    def pause_before_writing(execute, sql, params, many, context):
        if "FOR UPDATE" in sql and Score._meta.db_table in sql:
            facts_read.set()
            release.wait(10)
        return execute(sql, params, many, context)

    full, failures = _nightly_in_a_thread(period, pause_before_writing)
    assert facts_read.wait(10)
    waited = _uphold_and_update(setup, tree)
    release.set()
    full.join(20)

    assert waited < 1 and not failures and not full.is_alive()
    _both_results_kept(tree, second_bloc)


@pytest.mark.postgres
def test_an_update_arriving_while_a_full_recompute_writes_waits_only_for_that_write_and_counts_its_violation(
    transactional_db, setup, period, tree, second_bloc
):
    """PostgreSQL, two threads: the nightly recompute holds the score rows of a chunk while it writes them (made to
    last half a second here); an update arriving then waits for that write only, not the rest of the run, and then
    scores the unit from the facts as they are now: the violation upheld meanwhile counts."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time")
    locked = threading.Event()

    def hold_while_writing(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "FOR UPDATE" in sql and Score._meta.db_table in sql and not locked.is_set():
            locked.set()
            time.sleep(0.5)
        return result

    full, failures = _nightly_in_a_thread(period, hold_while_writing)
    assert locked.wait(10)
    waited = _uphold_and_update(setup, tree)
    full.join(20)

    assert 0.2 < waited < 1 and not failures and not full.is_alive()
    _both_results_kept(tree, second_bloc)
