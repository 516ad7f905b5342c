import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from emulation.models import PeriodStatus
from emulation.movements.periods import advance_period, reopen_period
from tests.emulation.factories import make_period

pytestmark = pytest.mark.django_db


def test_period_walks_the_steps_in_order(personas):
    period = make_period(status=PeriodStatus.SETUP)
    seen = []
    for _step in range(5):
        period = advance_period(period=period, by=personas.administrator)
        seen.append(period.status)
    assert seen == ["registration", "in_progress", "review", "council", "finalized"]
    with pytest.raises(ValidationError):
        advance_period(period=period, by=personas.administrator)


def test_only_an_administrator_moves_a_period(personas):
    with pytest.raises(PermissionDenied):
        advance_period(period=make_period(), by=personas.unit_head)


def test_reopening_is_recorded_and_needs_a_reason(personas):
    period = make_period(status=PeriodStatus.FINALIZED)
    with pytest.raises(ValidationError):
        reopen_period(period=period, by=personas.administrator, reason=" ")
    record = reopen_period(period=period, by=personas.administrator, reason="Khiếu nại được chấp nhận")
    period.refresh_from_db()
    assert period.status == PeriodStatus.COUNCIL
    assert (record.reopened_by, record.reason) == (personas.administrator, "Khiếu nại được chấp nhận")
    with pytest.raises(ValidationError):
        reopen_period(period=period, by=personas.administrator, reason="lần nữa")
