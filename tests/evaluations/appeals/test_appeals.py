"""Appeal services: who may contest, the window with time travel, deciding, and the task closing windows."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from evaluations.appeals import services as appeals
from evaluations.appeals.tasks import close_appeal_windows
from evaluations.models import Appeal, AppealStatus, StatusChange, Violation, ViolationStatus
from tests.factories import make_violation
from units.models import Notification

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = date(2026, 3, 10)
LAST_MINUTE = datetime(2026, 3, 10, 23, 59, tzinfo=HANOI)
MINUTE_PAST = datetime(2026, 3, 11, 0, 0, 30, tzinfo=HANOI)


@pytest.fixture
def violation(tree, personas):
    return make_violation(unit=tree.home, recorded_by=personas.inspector, appeal_deadline=DEADLINE)


def statuses(obj):
    return [(c.from_status, c.to_status) for c in StatusChange.objects.for_object(obj)]


def test_contest_at_the_last_minute_of_the_deadline_day_is_accepted(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeal = appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Đã đeo thẻ, có ảnh.")
    violation.refresh_from_db()
    assert violation.status == ViolationStatus.CONTESTED
    assert appeal.status == AppealStatus.PENDING
    assert statuses(violation)[-1] == (ViolationStatus.RECORDED, ViolationStatus.CONTESTED)


def test_contest_one_minute_past_the_deadline_is_refused_in_vietnamese(violation, personas):
    with time_machine.travel(MINUTE_PAST, tick=False), pytest.raises(ValidationError) as error:
        appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Muộn")
    assert "Đã hết hạn khiếu nại (hạn cuối ngày 10/03/2026)" in error.value.messages[0]
    assert not Appeal.objects.exists()


def test_a_violation_not_yet_notified_cannot_be_contested(tree, personas):
    violation = make_violation(unit=tree.home, appeal_deadline=None)
    with pytest.raises(ValidationError, match="chưa được thông báo"):
        appeals.contest_violation(violation=violation, by=personas.unit_head, reason="x")


def test_only_one_open_appeal_per_violation(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Lần 1")
        with pytest.raises(ValidationError, match="đang có một khiếu nại"):
            appeals.contest_violation(violation=violation, by=personas.clerk, reason="Lần 2")
    with pytest.raises(IntegrityError):
        Appeal.objects.create(violation=violation, reason="bypass", filed_by=personas.clerk)


def test_filing_notifies_reviewers_but_not_the_inspector_who_recorded_it(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Sai người")
    notified = set(Notification.objects.filter(title__startswith="Khiếu nại").values_list("user__email", flat=True))
    assert notified == {personas.administrator.email, personas.secretary.email}


def test_reviewer_dismisses_and_the_unit_head_hears_the_reason(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeal = appeals.contest_violation(violation=violation, by=personas.clerk, reason="Nhầm đơn vị")
    appeals.decide_appeal(
        appeal=appeal, by=personas.secretary, outcome=AppealStatus.DISMISSED, reason="Ảnh cho thấy đã đeo thẻ"
    )
    violation.refresh_from_db()
    assert violation.status == ViolationStatus.DISMISSED
    assert statuses(appeal) == [("", "pending"), ("pending", "dismissed")]
    told = Notification.objects.get(user=personas.unit_head, title__startswith="Kết quả khiếu nại")
    assert "Ảnh cho thấy đã đeo thẻ" in told.body
    with pytest.raises(ValidationError, match="đã được quyết định"):
        appeals.decide_appeal(appeal=appeal, by=personas.administrator, outcome=AppealStatus.UPHELD, reason="x")


def test_upheld_appeal_makes_the_violation_count(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeal = appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Xin xem lại")
    appeals.decide_appeal(appeal=appeal, by=personas.administrator, outcome=AppealStatus.UPHELD, reason="Đúng quy định")
    assert list(Violation.objects.upheld()) == [violation]


def test_the_inspector_who_recorded_it_may_not_decide_even_as_administrator(violation, personas):
    from tests.factories import grant

    grant(personas.inspector, "administrator", violation.unit)
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeal = appeals.contest_violation(violation=violation, by=personas.unit_head, reason="x")
    with pytest.raises(ValidationError, match="không được xét khiếu nại"):
        appeals.decide_appeal(appeal=appeal, by=personas.inspector, outcome=AppealStatus.UPHELD, reason="y")


def test_decision_needs_a_reason(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False):
        appeal = appeals.contest_violation(violation=violation, by=personas.unit_head, reason="x")
    with pytest.raises(ValidationError, match="lý do"):
        appeals.decide_appeal(appeal=appeal, by=personas.secretary, outcome=AppealStatus.UPHELD, reason="  ")


def test_closing_windows_upholds_only_after_the_deadline_day_and_is_idempotent(violation, tree):
    contested = make_violation(unit=tree.home, appeal_deadline=DEADLINE, status=ViolationStatus.CONTESTED)
    not_notified = make_violation(unit=tree.home, appeal_deadline=None)
    assert appeals.close_appeal_windows(now=LAST_MINUTE) == 0
    assert appeals.close_appeal_windows(now=MINUTE_PAST) == 1
    assert appeals.close_appeal_windows(now=MINUTE_PAST) == 0
    violation.refresh_from_db()
    assert violation.status == ViolationStatus.UPHELD
    assert statuses(violation)[-1] == (ViolationStatus.RECORDED, ViolationStatus.UPHELD)
    assert StatusChange.objects.for_object(violation).last().reason == "Hết hạn khiếu nại mà không có khiếu nại."
    for other in (contested, not_notified):
        other.refresh_from_db()
    assert (contested.status, not_notified.status) == (ViolationStatus.CONTESTED, ViolationStatus.RECORDED)


def test_the_celery_task_closes_windows_at_the_current_time(violation):
    with time_machine.travel(LAST_MINUTE, tick=False):
        assert close_appeal_windows.delay().get() == 0
    with time_machine.travel(MINUTE_PAST, tick=False):
        assert close_appeal_windows.delay().get() == 1
    violation.refresh_from_db()
    assert violation.status == ViolationStatus.UPHELD


def test_the_task_is_scheduled_hourly(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["close-appeal-windows"]
    assert entry["task"] == "evaluations.appeals.tasks.close_appeal_windows"
    assert entry["schedule"] <= 3600


def test_someone_outside_the_unit_cannot_contest_even_through_the_service(violation, personas):
    with time_machine.travel(LAST_MINUTE, tick=False), pytest.raises(ValidationError, match="Chỉ thủ trưởng"):
        appeals.contest_violation(violation=violation, by=personas.council_member, reason="x")
