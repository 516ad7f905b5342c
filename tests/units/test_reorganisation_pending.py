"""An act recorded ahead of its effective day moves staff and roles (and tells the people concerned) only on that
day, through the same pending changes as the units; undone before the day, it undoes nothing that did not happen."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import grant, make_person, make_unit, make_user
from units.models import Kind, Level, Notification, Person, Role, RoleAssignment, Unit
from units.reorganisation.models import ReorganisationChange
from units.reorganisation.pending import apply_due_moves
from units.reorganisation.services import (
    Act,
    NewUnit,
    preview_reorganisation,
    record_reorganisation,
    reverse_reorganisation,
)
from units.tasks import apply_due_reorganisation_moves

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SOON = TODAY + datetime.timedelta(days=10)


@pytest.fixture
def communes(tree):
    district = make_unit(name="UBND huyện Krông Nô", parent=tree.province, level=Level.DISTRICT)
    make = {"parent": district, "level": Level.COMMUNE, "kind": Kind.PEOPLES_COMMITTEE}
    return district, make_unit(name="Xã Nâm Nung", **make), make_unit(name="Xã Nâm N'Đir", **make)


def merge(sources, **fields):
    fields.setdefault("effective_on", SOON)
    return Act(kind="merge", sources=list(sources), resolution_number="1660/NQ-UBTVQH15", resolution_date=TODAY,
               new_units=[NewUnit("X-NAMNUNG", "Xã Nam Nung")], **fields)  # fmt: skip


def test_a_merge_recorded_ahead_leaves_staff_and_roles_where_they_are_until_its_day(personas, communes):
    _, nam_nung, nam_ndir = communes
    clerk = make_person(unit=nam_nung, full_name="H'Hen Niê")
    head = make_user()
    grant(head, Role.UNIT_HEAD, nam_ndir)

    record = record_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)

    assert Person.objects.get(pk=clerk.pk).unit == nam_nung
    assert RoleAssignment.objects.get(user=head).unit == nam_ndir
    assert not Notification.objects.filter(user=head).exists()
    waiting = record.changes.filter(kind__in=["move_person", "move_role"])
    assert [change.pending for change in waiting] == [True, True]
    assert apply_due_moves(today=SOON - datetime.timedelta(days=1)) == 0
    assert Person.objects.get(pk=clerk.pk).unit == nam_nung


def test_on_its_day_the_staff_and_roles_move_and_the_people_concerned_are_told(
    personas, communes, django_capture_on_commit_callbacks
):
    _, nam_nung, nam_ndir = communes
    clerk = make_person(unit=nam_nung, full_name="H'Hen Niê")
    head = make_user()
    grant(head, Role.UNIT_HEAD, nam_ndir)
    record_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)

    assert apply_due_moves(today=SOON) == 2

    new = Unit.objects.get(code="X-NAMNUNG")
    assert Person.objects.get(pk=clerk.pk).unit == new
    assert RoleAssignment.objects.get(user=head).unit == new
    notice = Notification.objects.get(user=head)
    assert "Xã Nam Nung" in notice.title and "có hiệu lực từ" in notice.body
    assert apply_due_moves(today=SOON) == 0  # applied once
    assert Notification.objects.filter(user=head).count() == 1


def test_the_preview_of_an_act_recorded_ahead_shows_what_will_change_on_its_day(personas, communes):
    _, nam_nung, nam_ndir = communes
    make_person(unit=nam_nung, full_name="H'Hen Niê")
    head = make_user(full_name="Y Sơn Knul")
    grant(head, Role.UNIT_HEAD, nam_ndir)

    changes = preview_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)

    text = "\n".join(change.description for change in changes)
    day = f"{SOON:%d/%m/%Y}"
    assert f"H'Hen Niê chuyển từ Xã Nâm Nung sang Xã Nam Nung khi văn bản có hiệu lực ({day})" in text
    assert f"chuyển từ Xã Nâm N'Đir sang Xã Nam Nung khi văn bản có hiệu lực ({day})" in text
    assert not ReorganisationChange.objects.exists()


def test_a_dissolution_recorded_ahead_ends_staff_and_roles_only_on_its_day(
    personas, communes, django_capture_on_commit_callbacks
):
    district, _, _ = communes
    staff = make_person(unit=district)
    chair = make_user()
    grant(chair, Role.UNIT_HEAD, district)
    dissolve = Act(kind="dissolve", sources=[district], resolution_number="1660/NQ-UBTVQH15", resolution_date=TODAY,
                   effective_on=SOON)  # fmt: skip

    record_reorganisation(act=dissolve, by=personas.administrator)

    assert Person.objects.get(pk=staff.pk).active
    assert RoleAssignment.objects.filter(user=chair, unit=district).exists()
    assert not Notification.objects.filter(user=chair).exists()
    apply_due_moves(today=SOON)
    assert not Person.objects.get(pk=staff.pk).active
    assert not RoleAssignment.objects.filter(user=chair).exists()
    assert "chấm dứt" in Notification.objects.get(user=chair).title


def test_a_role_given_on_the_successor_meanwhile_ends_instead_of_moving(
    personas, communes, django_capture_on_commit_callbacks
):
    _, nam_nung, nam_ndir = communes
    head = make_user()
    grant(head, Role.UNIT_HEAD, nam_nung)
    record = record_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)
    grant(head, Role.UNIT_HEAD, Unit.objects.get(code="X-NAMNUNG"))

    apply_due_moves(today=SOON)

    assert list(RoleAssignment.objects.filter(user=head).values_list("unit__code", flat=True)) == ["X-NAMNUNG"]
    change = record.changes.get(user=head)
    assert (change.kind, change.pending) == ("end_role", False)
    assert "chấm dứt" in Notification.objects.get(user=head).title


def test_someone_who_left_the_old_unit_meanwhile_is_not_moved(personas, communes, tree):
    _, nam_nung, nam_ndir = communes
    clerk = make_person(unit=nam_nung)
    record_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)
    Person.objects.filter(pk=clerk.pk).update(unit=tree.other)

    apply_due_moves(today=SOON)

    assert Person.objects.get(pk=clerk.pk).unit == tree.other


def test_an_act_undone_before_its_day_leaves_staff_and_roles_and_tells_nobody(personas, communes):
    _, nam_nung, nam_ndir = communes
    clerk = make_person(unit=nam_nung)
    head = make_user()
    grant(head, Role.UNIT_HEAD, nam_ndir)
    record = record_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)

    reverse_reorganisation(reorganisation=record, by=personas.administrator)

    assert apply_due_moves(today=SOON) == 0
    assert Person.objects.get(pk=clerk.pk).unit == nam_nung
    assert RoleAssignment.objects.get(user=head).unit == nam_ndir
    assert not Notification.objects.filter(user=head).exists()


def test_an_act_dated_today_moves_staff_and_roles_at_once(personas, communes, django_capture_on_commit_callbacks):
    _, nam_nung, nam_ndir = communes
    clerk = make_person(unit=nam_nung)
    head = make_user()
    grant(head, Role.UNIT_HEAD, nam_ndir)

    record_reorganisation(act=merge([nam_nung, nam_ndir], effective_on=TODAY), by=personas.administrator)

    new = Unit.objects.get(code="X-NAMNUNG")
    assert Person.objects.get(pk=clerk.pk).unit == new
    assert RoleAssignment.objects.get(user=head).unit == new
    assert Notification.objects.filter(user=head).exists()
    assert not ReorganisationChange.objects.filter(pending=True).exists()


def test_the_hourly_task_moves_the_staff_once_the_day_has_come(personas, communes):
    _, nam_nung, nam_ndir = communes
    clerk = make_person(unit=nam_nung)
    record = record_reorganisation(act=merge([nam_nung, nam_ndir]), by=personas.administrator)
    assert apply_due_reorganisation_moves.delay().get() == 0
    record.__class__.objects.filter(pk=record.pk).update(effective_on=TODAY)

    assert apply_due_reorganisation_moves.delay().get() == 1

    assert Person.objects.get(pk=clerk.pk).unit.code == "X-NAMNUNG"


def test_a_role_revoked_or_a_person_gone_meanwhile_is_left_alone_on_the_day(personas, communes, tree):
    district, _, _ = communes
    staff = make_person(unit=district)
    chair = make_user()
    grant(chair, Role.UNIT_HEAD, district)
    dissolve = Act(kind="dissolve", sources=[district], resolution_number="1660/NQ-UBTVQH15", resolution_date=TODAY,
                   effective_on=SOON)  # fmt: skip
    record_reorganisation(act=dissolve, by=personas.administrator)
    RoleAssignment.objects.filter(user=chair).delete()
    Person.objects.filter(pk=staff.pk).update(unit=tree.other)

    assert apply_due_moves(today=SOON) == 2  # only the two communes handed over to the province

    assert Person.objects.get(pk=staff.pk).active
    assert not RoleAssignment.objects.filter(user=chair).exists()
    assert not Notification.objects.filter(user=chair).exists()
    assert not ReorganisationChange.objects.filter(pending=True).exists()
