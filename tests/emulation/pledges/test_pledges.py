import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from emulation.models import PeriodStatus, Pledge, PledgeStatus, Registration, TitleScope
from emulation.pledges.services import (
    accept_pledge,
    register_staff_in_bulk,
    return_pledge,
    save_pledge,
    set_registration,
    start_pledge,
    submit_pledge,
)
from tests.emulation.factories import DEADLINE, make_commitment_item, make_period, make_pledge, make_title
from tests.factories import make_person
from units.models import Notification

pytestmark = pytest.mark.django_db
BEFORE = DEADLINE - datetime.timedelta(days=3)
JUST_AFTER = DEADLINE + datetime.timedelta(seconds=1)


@pytest.fixture
def pledge(tree):
    return make_pledge(unit=tree.home)


@pytest.fixture
def sub_pledge(tree):
    """A pledge of Văn phòng Sở Nội vụ: the head of Sở Nội vụ is a unit-level reviewer for it."""
    return make_pledge(unit=tree.sub)


def test_starting_a_pledge_twice_returns_the_same_record(personas, tree):
    period = make_period()
    first = start_pledge(unit=tree.home, period=period, by=personas.clerk)
    second = start_pledge(unit=tree.home, period=period, by=personas.unit_head)
    assert first.pk == second.pk
    assert Pledge.objects.filter(unit=tree.home, period=period).count() == 1


def test_outsider_cannot_start_a_pledge_for_another_unit(personas, tree):
    with pytest.raises(PermissionDenied):
        start_pledge(unit=tree.home, period=make_period(), by=personas.outsider)


def test_a_period_in_setup_takes_no_pledges(personas, tree):
    with pytest.raises(ValidationError):
        start_pledge(unit=tree.home, period=make_period(status=PeriodStatus.SETUP), by=personas.unit_head)


def test_clerk_prepares_items_targets_and_collective_title(personas, pledge):
    item = make_commitment_item(pledge.period.movement, text="Không uống rượu, bia buổi trưa ngày làm việc")
    title = make_title(name="Tập thể lao động tiên tiến", scope=TitleScope.COLLECTIVE)
    save_pledge(
        pledge=pledge, by=personas.clerk, commitment_items=[item], own_targets="100% hồ sơ đúng hạn", target_title=title
    )
    pledge.refresh_from_db()
    assert list(pledge.commitment_items.all()) == [item]
    assert pledge.own_targets == "100% hồ sơ đúng hạn"
    assert pledge.target_title == title


def test_an_individual_title_cannot_be_the_units_target(personas, pledge):
    with pytest.raises(ValidationError):
        save_pledge(pledge=pledge, by=personas.clerk, commitment_items=[], own_targets="", target_title=make_title())


def test_bulk_registration_then_an_exception(personas, pledge, tree):
    people = [make_person(unit=tree.home), make_person(unit=tree.sub), make_person(unit=tree.home, active=False)]
    ldtt, cstd = make_title(name="Lao động tiên tiến"), make_title(name="Chiến sĩ thi đua cơ sở")
    count = register_staff_in_bulk(pledge=pledge, title=ldtt, by=personas.clerk)
    # The personas' own records in Sở Nội vụ (head, clerk, staff) are staff too; the inactive person is not.
    assert count == Registration.objects.filter(pledge=pledge).count() == 5
    set_registration(pledge=pledge, person=people[0], title=cstd, by=personas.clerk)
    assert register_staff_in_bulk(pledge=pledge, title=ldtt, by=personas.clerk) == 0
    assert Registration.objects.get(pledge=pledge, person=people[0]).title == cstd
    set_registration(pledge=pledge, person=people[1], title=None, by=personas.clerk)
    assert not Registration.objects.filter(pledge=pledge, person=people[1]).exists()


def test_a_person_of_another_unit_cannot_be_registered(personas, pledge, tree):
    with pytest.raises(ValidationError):
        set_registration(pledge=pledge, person=make_person(unit=tree.other), title=make_title(), by=personas.clerk)


def test_clerk_prepares_but_cannot_submit(personas, pledge):
    with pytest.raises(PermissionDenied):
        submit_pledge(pledge=pledge, by=personas.clerk)


def test_submission_at_the_deadline_is_on_time(personas, pledge):
    with time_machine.travel(DEADLINE, tick=False):
        submitted = submit_pledge(pledge=pledge, by=personas.unit_head)
    assert submitted.status == PledgeStatus.SUBMITTED
    assert submitted.is_late is False
    assert submitted.submitted_by == personas.unit_head


def test_submission_just_after_the_deadline_is_accepted_but_marked_late(personas, pledge):
    with time_machine.travel(JUST_AFTER, tick=False):
        submitted = submit_pledge(pledge=pledge, by=personas.unit_head)
    assert submitted.status == PledgeStatus.SUBMITTED
    assert submitted.is_late is True


def test_double_submit_changes_nothing(personas, pledge):
    with time_machine.travel(BEFORE, tick=False):
        first = submit_pledge(pledge=pledge, by=personas.unit_head)
    with time_machine.travel(JUST_AFTER, tick=False):
        again = submit_pledge(pledge=pledge, by=personas.unit_head)
    assert again.submitted_at == first.submitted_at
    assert again.is_late is False
    assert Pledge.objects.filter(unit=pledge.unit, period=pledge.period).count() == 1


def test_submission_notifies_the_administrators(personas, pledge):
    submit_pledge(pledge=pledge, by=personas.unit_head)
    assert Notification.objects.filter(user=personas.administrator, title__contains="Sở Nội vụ").exists()


def test_a_submitted_pledge_is_no_longer_editable(personas, pledge):
    submit_pledge(pledge=pledge, by=personas.unit_head)
    with pytest.raises(ValidationError):
        save_pledge(pledge=pledge, by=personas.clerk, commitment_items=[], own_targets="x", target_title=None)


def test_superior_unit_head_accepts_before_the_deadline(personas, sub_pledge):
    with time_machine.travel(BEFORE, tick=False):
        submit_pledge(pledge=sub_pledge, by=personas.unit_head)
        accepted = accept_pledge(pledge=sub_pledge, by=personas.unit_head)
    assert accepted.status == PledgeStatus.ACCEPTED
    assert accepted.accepted_after_deadline is False


def test_after_the_deadline_only_an_administrator_may_accept(personas, sub_pledge):
    with time_machine.travel(BEFORE, tick=False):
        submit_pledge(pledge=sub_pledge, by=personas.unit_head)
    with time_machine.travel(JUST_AFTER, tick=False):
        with pytest.raises(PermissionDenied):
            accept_pledge(pledge=sub_pledge, by=personas.unit_head)
        accepted = accept_pledge(pledge=sub_pledge, by=personas.administrator)
    assert accepted.status == PledgeStatus.ACCEPTED
    assert accepted.accepted_after_deadline is True
    assert accepted.accepted_by == personas.administrator


def test_unit_head_cannot_accept_their_own_units_pledge(personas, pledge):
    submit_pledge(pledge=pledge, by=personas.unit_head)
    with time_machine.travel(BEFORE, tick=False), pytest.raises(PermissionDenied):
        accept_pledge(pledge=pledge, by=personas.unit_head)


def test_only_a_submitted_pledge_is_accepted(personas, pledge):
    with pytest.raises(ValidationError):
        accept_pledge(pledge=pledge, by=personas.administrator)


def test_return_needs_a_comment_and_the_unit_can_edit_again(personas, pledge):
    submit_pledge(pledge=pledge, by=personas.unit_head)
    with pytest.raises(ValidationError):
        return_pledge(pledge=pledge, by=personas.administrator, comment="  ")
    returned = return_pledge(pledge=pledge, by=personas.administrator, comment="Bổ sung chỉ tiêu cải cách TTHC")
    assert returned.status == PledgeStatus.RETURNED
    assert Notification.objects.filter(user=personas.unit_head, body="Bổ sung chỉ tiêu cải cách TTHC").exists()
    items = list(returned.commitment_items.all())
    edited = save_pledge(
        pledge=returned, by=personas.clerk, commitment_items=items, own_targets="Đã bổ sung", target_title=None
    )
    assert edited.status == PledgeStatus.DRAFT
    assert submit_pledge(pledge=edited, by=personas.unit_head).status == PledgeStatus.SUBMITTED


def test_pledges_of_a_finalized_period_are_read_only(personas, tree):
    pledge = make_pledge(unit=tree.home, period=make_period(status=PeriodStatus.FINALIZED))
    with pytest.raises(ValidationError):
        save_pledge(pledge=pledge, by=personas.clerk, commitment_items=[], own_targets="x", target_title=None)
    with pytest.raises(ValidationError):
        submit_pledge(pledge=pledge, by=personas.unit_head)


def test_a_pledge_without_commitment_items_cannot_be_submitted(personas, tree):
    pledge = make_pledge(unit=tree.home, items=[])
    with pytest.raises(ValidationError):
        submit_pledge(pledge=pledge, by=personas.unit_head)


def test_pledges_of_a_finalized_period_cannot_be_accepted(personas, pledge):
    submit_pledge(pledge=pledge, by=personas.unit_head)
    pledge.period.status = PeriodStatus.FINALIZED
    pledge.period.save()
    with pytest.raises(ValidationError):
        accept_pledge(pledge=pledge, by=personas.administrator)
