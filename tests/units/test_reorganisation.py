"""Reorganisation acts: merge, split, rename, move and dissolve, all or nothing, undone only before they take effect;
past records keep the unit they were made for."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from emulation.models import Score
from tests.emulation.factories import make_period
from tests.factories import grant, make_award, make_decision, make_person, make_score, make_unit, make_user
from units.models import Kind, Level, Notification, Person, Role, RoleAssignment, Unit
from units.reorganisation.models import Reorganisation, ReorganisationStatus
from units.reorganisation.services import (
    Act,
    NewUnit,
    preview_reorganisation,
    record_reorganisation,
    reverse_reorganisation,
)

JULY_1 = datetime.date(2025, 7, 1)


def commune(parent, name):
    return make_unit(name=name, parent=parent, level=Level.COMMUNE, kind=Kind.PEOPLES_COMMITTEE)


@pytest.fixture
def communes(tree):
    district = make_unit(name="UBND huyện Cư Jút", parent=tree.province, level=Level.DISTRICT)
    return district, commune(district, "Xã Tâm Thắng"), commune(district, "Xã Trúc Sơn")


def act(kind, sources, **fields):
    fields.setdefault("resolution_number", "1660/NQ-UBTVQH15")
    fields.setdefault("resolution_date", datetime.date(2025, 6, 16))
    fields.setdefault("effective_on", JULY_1)
    return Act(kind=kind, sources=list(sources), **fields)


def test_a_merge_closes_the_old_communes_the_day_before_and_hands_staff_and_roles_to_the_new_one(
    personas, communes, django_capture_on_commit_callbacks
):
    district, tam_thang, truc_son = communes
    clerk = make_person(unit=tam_thang)
    head = make_user()
    grant(head, Role.UNIT_HEAD, truc_son)
    merge = act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-CUJUT", "Xã Cư Jút")])

    record = record_reorganisation(act=merge, by=personas.administrator)

    new = Unit.objects.get(code="X-CUJUT")
    for old in (tam_thang, truc_son):
        old.refresh_from_db()
        assert (old.valid_to, old.successor) == (datetime.date(2025, 6, 30), new)
    assert new.valid_from == JULY_1
    assert Person.objects.get(pk=clerk.pk).unit == new
    assert RoleAssignment.objects.get(user=head, role=Role.UNIT_HEAD).unit == new
    assert Notification.objects.filter(user=head, title__contains="Xã Cư Jút").exists()
    kinds = [change.kind for change in record.changes.all()]
    assert kinds == ["open_unit", "close_unit", "move_person", "close_unit", "move_role"]


def test_past_records_keep_the_unit_they_were_made_for(personas, communes):
    _, tam_thang, truc_son = communes
    period = make_period()
    score = make_score(tam_thang, period)
    award = make_award(make_decision(status="signed", unit=tam_thang.parent.parent), unit=tam_thang)
    merge = act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-NEW", "Xã Mới")])

    record_reorganisation(act=merge, by=personas.administrator)

    assert Score.objects.get(pk=score.pk).unit_id == tam_thang.pk
    award.refresh_from_db()
    assert award.unit_id == tam_thang.pk
    new = Unit.objects.get(code="X-NEW")
    after = make_score(new, make_period())
    assert Score.objects.filter(unit__in=[new, *Unit.objects.filter(pk__in=new.predecessor_ids())]).count() == 2
    assert Score.objects.get(pk=after.pk).unit == new


def test_a_split_opens_each_new_unit_and_names_the_first_as_successor(personas, communes):
    _, tam_thang, _ = communes
    before = make_score(tam_thang, make_period())
    split = act("split", [tam_thang], new_units=[NewUnit("X-A", "Xã A"), NewUnit("X-B", "Xã B")])

    record_reorganisation(act=split, by=personas.administrator)

    tam_thang.refresh_from_db()
    assert tam_thang.successor.code == "X-A"
    assert set(Unit.objects.filter(valid_from=JULY_1).values_list("name", flat=True)) == {"Xã A", "Xã B"}
    after = make_score(Unit.objects.get(code="X-B"), make_period())
    assert Score.objects.get(pk=before.pk).unit == tam_thang
    assert Score.objects.get(pk=after.pk).unit.name == "Xã B"


def test_a_rename_opens_the_renamed_unit_and_keeps_the_old_one_with_its_history(personas, tree):
    period = make_period()
    score = make_score(tree.other, period)
    rename = act("rename", [tree.other], new_units=[NewUnit("STC-2", "Sở Tài chính và Kế hoạch")])

    record_reorganisation(act=rename, by=personas.administrator)

    tree.other.refresh_from_db()
    assert tree.other.name == "Sở Tài chính"
    assert tree.other.successor.name == "Sở Tài chính và Kế hoạch"
    assert Score.objects.get(pk=score.pk).unit == tree.other
    assert tree.other.successor.predecessor_ids() == [tree.other.pk]


def test_a_dissolved_district_hands_its_communes_to_the_province_and_ends_its_roles(
    personas, communes, django_capture_on_commit_callbacks
):
    district, tam_thang, _ = communes
    staff = make_person(unit=district)
    chair = make_user()
    grant(chair, Role.UNIT_HEAD, district)

    record_reorganisation(act=act("dissolve", [district]), by=personas.administrator)

    tam_thang.refresh_from_db()
    assert tam_thang.parent == district.parent
    assert tam_thang.path == f"{district.parent.path}{tam_thang.pk}/"
    assert not Person.objects.get(pk=staff.pk).active
    assert not RoleAssignment.objects.filter(user=chair).exists()
    assert Notification.objects.filter(user=chair, title__contains="chấm dứt").exists()


def test_a_move_changes_the_parent_and_nothing_else(personas, tree):
    record_reorganisation(act=act("move", [tree.sub], target=tree.other), by=personas.administrator)

    tree.sub.refresh_from_db()
    assert (tree.sub.parent, tree.sub.valid_to, tree.sub.successor) == (tree.other, None, None)


def test_an_invalid_part_refuses_the_whole_act(personas, communes, tree):
    _, tam_thang, truc_son = communes
    truc_son.valid_to = datetime.date(2025, 1, 1)
    truc_son.save()
    merge = act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-NEW", "Xã Mới")])

    with pytest.raises(ValidationError, match="đã chấm dứt hoạt động"):
        record_reorganisation(act=merge, by=personas.administrator)

    assert not Unit.objects.filter(code="X-NEW").exists()
    assert not Reorganisation.objects.exists()
    tam_thang.refresh_from_db()
    assert tam_thang.valid_to is None


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("merge", {}, "Sáp nhập"),
        ("split", {"new_units": [NewUnit("A", "A")]}, "Chia tách"),
        ("rename", {"new_units": [NewUnit("SNV", "Trùng mã")]}, "đã được dùng"),
        ("move", {}, "Chuyển"),
        ("dissolve", {"resolution_number": " "}, "số nghị quyết"),
        ("dissolve", {"resolution_date": datetime.date(2025, 8, 1)}, "không được trước"),
    ],
)
def test_an_incomplete_act_is_refused_with_the_reason(personas, tree, kind, fields, message):
    with pytest.raises(ValidationError, match=message):
        record_reorganisation(act=act(kind, [tree.other], **fields), by=personas.administrator)


def test_only_an_administrator_over_every_unit_records_an_act(personas, tree):
    local_admin = make_user()
    grant(local_admin, Role.ADMINISTRATOR, tree.home)
    merge = act("merge", [tree.home, tree.other], new_units=[NewUnit("S-NEW", "Sở mới")])

    with pytest.raises(ValidationError, match="không quản trị"):
        record_reorganisation(act=merge, by=local_admin)


def test_the_preview_lists_every_change_and_writes_nothing(personas, communes):
    _, tam_thang, truc_son = communes
    make_person(unit=tam_thang, full_name="Y Bhăm")
    merge = act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-NEW", "Xã Mới")])

    changes = preview_reorganisation(act=merge, by=personas.administrator)

    text = "\n".join(change.description for change in changes)
    assert "Thành lập Xã Mới" in text and "Y Bhăm chuyển từ Xã Tâm Thắng sang Xã Mới" in text
    assert "Xã Trúc Sơn chấm dứt hoạt động sau ngày 30/06/2025" in text
    assert not Unit.objects.filter(code="X-NEW").exists()
    assert Person.objects.get(full_name="Y Bhăm").unit == tam_thang


def test_an_act_not_yet_in_force_is_undone_completely(personas, communes, django_capture_on_commit_callbacks):
    _, tam_thang, truc_son = communes
    person = make_person(unit=tam_thang)
    head = make_user()
    grant(head, Role.UNIT_HEAD, tam_thang)
    soon = timezone.localdate() + datetime.timedelta(days=30)
    merge = act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-NEW", "Xã Mới")],
                resolution_date=timezone.localdate(), effective_on=soon)  # fmt: skip
    record = record_reorganisation(act=merge, by=personas.administrator)

    reverse_reorganisation(reorganisation=record, by=personas.administrator)

    assert not Unit.objects.filter(code="X-NEW").exists()
    tam_thang.refresh_from_db()
    assert (tam_thang.valid_to, tam_thang.successor) == (None, None)
    assert Person.objects.get(pk=person.pk).unit == tam_thang
    assert RoleAssignment.objects.get(user=head).unit == tam_thang
    record.refresh_from_db()
    assert record.status == ReorganisationStatus.REVERSED


def test_a_dissolution_not_yet_in_force_is_undone_with_staff_and_roles_restored(personas, communes):
    district, tam_thang, _ = communes
    staff = make_person(unit=district)
    chair = make_user()
    grant(chair, Role.UNIT_HEAD, district)
    soon = timezone.localdate() + datetime.timedelta(days=5)
    dissolve = act("dissolve", [district], resolution_date=timezone.localdate(), effective_on=soon)
    record = record_reorganisation(act=dissolve, by=personas.administrator)

    reverse_reorganisation(reorganisation=record, by=personas.administrator)

    tam_thang.refresh_from_db()
    assert tam_thang.parent == district
    assert Person.objects.get(pk=staff.pk).active
    assert RoleAssignment.objects.filter(user=chair, unit=district).exists()


def test_an_act_in_force_cannot_be_undone(personas, communes):
    _, tam_thang, truc_son = communes
    record = record_reorganisation(
        act=act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-NEW", "Xã Mới")]), by=personas.administrator
    )

    with pytest.raises(ValidationError, match="chưa có hiệu lực"):
        reverse_reorganisation(reorganisation=record, by=personas.administrator)
    assert Unit.objects.filter(code="X-NEW").exists()


def test_an_act_whose_new_unit_already_has_its_own_data_is_not_undone(personas, communes):
    _, tam_thang, truc_son = communes
    soon = timezone.localdate() + datetime.timedelta(days=5)
    merge = act("merge", [tam_thang, truc_son], new_units=[NewUnit("X-NEW", "Xã Mới")],
                resolution_date=timezone.localdate(), effective_on=soon)  # fmt: skip
    record = record_reorganisation(act=merge, by=personas.administrator)
    make_person(unit=Unit.objects.get(code="X-NEW"))

    with pytest.raises(ValidationError, match="đã có dữ liệu riêng"):
        reverse_reorganisation(reorganisation=record, by=personas.administrator)
    assert Unit.objects.get(code="X-NEW")
