"""After a reorganisation: a split names every new unit as successor (history and reading follow all of them); a
move waits for its effective day; the successor's people read their predecessors' records but never change them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from emulation.certificates.permissions import can_issue_certificates
from emulation.council.permissions import can_propose
from emulation.decisions.permissions import can_draft_decision, can_sign_decision
from emulation.models import Award, Decision, Score
from emulation.pledges.permissions import can_prepare_pledge
from evaluations.inspections.permissions import can_record_standalone, get_inspection_for_user, standalone_units
from evaluations.models import AnnualRating, Inspection
from evaluations.records.permissions import can_record_for, record_writer_paths
from tests.emulation.factories import make_period
from tests.factories import (
    make_award,
    make_decision,
    make_inspection,
    make_person,
    make_score,
    make_unit,
    make_user_with_role,
)
from units.models import Kind, Level, Unit
from units.reorganisation.models import ReorganisationChange
from units.reorganisation.pending import apply_due_moves
from units.reorganisation.services import Act, NewUnit, record_reorganisation, reverse_reorganisation
from units.tasks import apply_due_reorganisation_moves

pytestmark = pytest.mark.django_db

JULY_1 = datetime.date(2025, 7, 1)


def act(kind, sources, **fields):
    fields.setdefault("resolution_number", "1671/NQ-UBTVQH15")
    fields.setdefault("resolution_date", datetime.date(2025, 6, 16))
    fields.setdefault("effective_on", JULY_1)
    return Act(kind=kind, sources=list(sources), **fields)


@pytest.fixture
def commune(tree):
    district = make_unit(name="UBND huyện Đắk Glong", parent=tree.province, level=Level.DISTRICT)
    return make_unit(name="Xã Quảng Khê", parent=district, level=Level.COMMUNE, kind=Kind.PEOPLES_COMMITTEE)


def split(personas, unit, **fields):
    new_units = [NewUnit("X-A", "Xã Quảng Khê mới"), NewUnit("X-B", "Xã Đắk Plao mới")]
    return record_reorganisation(act=act("split", [unit], new_units=new_units, **fields), by=personas.administrator)


# --- a split names every new unit --------------------------------------------------------------------------------


def test_a_split_names_every_new_unit_as_a_successor(personas, commune):
    split(personas, commune)

    commune.refresh_from_db()
    first, second = Unit.objects.get(code="X-A"), Unit.objects.get(code="X-B")
    assert commune.all_successors() == [first, second]
    assert first.predecessor_ids() == [commune.pk] and second.predecessor_ids() == [commune.pk]
    assert list(second.direct_predecessors()) == [commune]


def test_the_history_and_the_reading_follow_every_new_unit_of_a_split(personas, login, commune):
    before = make_score(commune, make_period(name="Năm 2024"))
    split(personas, commune)
    second = Unit.objects.get(code="X-B")
    head = make_user_with_role("unit_head", second)

    assert Score.objects.for_user(head).filter(pk=before.pk).exists()
    assert Unit.objects.for_user(head).filter(pk=commune.pk).exists()
    page = login(head).get(reverse("units:unit_detail", args=[second.pk])).content.decode()
    assert "Xã Quảng Khê" in page
    old_page = login(personas.administrator).get(reverse("units:unit_detail", args=[commune.pk])).content.decode()
    assert "Xã Quảng Khê mới" in old_page and "Xã Đắk Plao mới" in old_page


def test_a_split_not_yet_in_force_is_undone_with_all_its_successors(personas, commune):
    soon = timezone.localdate() + datetime.timedelta(days=10)
    record = split(personas, commune, resolution_date=timezone.localdate(), effective_on=soon)

    reverse_reorganisation(reorganisation=record, by=personas.administrator)

    commune.refresh_from_db()
    assert (commune.successor, list(commune.further_successors.all()), commune.valid_to) == (None, [], None)
    assert not Unit.objects.filter(code__in=["X-A", "X-B"]).exists()


# --- a move waits for its effective day --------------------------------------------------------------------------


def test_a_move_recorded_ahead_changes_the_parent_only_on_its_effective_day(personas, tree):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    move = act("move", [tree.sub], target=tree.other, resolution_date=timezone.localdate(), effective_on=soon)

    record_reorganisation(act=move, by=personas.administrator)

    tree.sub.refresh_from_db()
    assert tree.sub.parent == tree.home
    assert apply_due_moves(today=soon - datetime.timedelta(days=1)) == 0
    assert apply_due_moves(today=soon) == 1
    tree.sub.refresh_from_db()
    assert tree.sub.parent == tree.other
    assert tree.sub.path == f"{tree.other.path}{tree.sub.pk}/"
    assert apply_due_moves(today=soon) == 0  # applied once


def test_the_hourly_task_applies_the_moves_that_have_come_due(personas, tree):
    move = act("move", [tree.sub], target=tree.other, resolution_date=timezone.localdate(),
               effective_on=timezone.localdate() + datetime.timedelta(days=1))  # fmt: skip
    record = record_reorganisation(act=move, by=personas.administrator)
    assert apply_due_reorganisation_moves.delay().get() == 0
    record.__class__.objects.filter(pk=record.pk).update(effective_on=timezone.localdate())

    assert apply_due_reorganisation_moves.delay().get() == 1

    tree.sub.refresh_from_db()
    assert tree.sub.parent == tree.other


def test_a_merge_recorded_ahead_hands_over_its_sub_units_on_the_day(personas, tree):
    soon = timezone.localdate() + datetime.timedelta(days=2)
    merge = act("merge", [tree.home], target=tree.other, resolution_date=timezone.localdate(), effective_on=soon)

    record_reorganisation(act=merge, by=personas.administrator)

    tree.sub.refresh_from_db()
    assert tree.sub.parent == tree.home
    assert ReorganisationChange.objects.get(kind="move_unit", unit=tree.sub).pending
    apply_due_moves(today=soon)
    tree.sub.refresh_from_db()
    assert tree.sub.parent == tree.other


def test_a_pending_move_undone_before_its_day_leaves_the_tree_as_it_was(personas, tree):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    move = act("move", [tree.sub], target=tree.other, resolution_date=timezone.localdate(), effective_on=soon)
    record = record_reorganisation(act=move, by=personas.administrator)

    reverse_reorganisation(reorganisation=record, by=personas.administrator)

    assert apply_due_moves(today=soon) == 0
    tree.sub.refresh_from_db()
    assert tree.sub.parent == tree.home


# --- the successor reads its predecessors' records, never changes them -------------------------------------------


@pytest.fixture
def merged(personas, tree):
    """Sở Tài chính (a score, a decision of its own, an award, an inspection, a rating) merged into a new Sở."""
    period = make_period(name="Năm 2024")
    records = {
        "score": make_score(tree.other, period),
        "decision": make_decision(status="signed", unit=tree.other, period=period),
        "inspection": make_inspection(unit=tree.other, status="submitted"),
        "rating": AnnualRating.objects.create(unit=tree.other, year=2024, rating="htxsnv"),
    }
    records["award"] = make_award(records["decision"], person=make_person(unit=tree.other))
    merge = act("merge", [tree.other], new_units=[NewUnit("STC-LD", "Sở Tài chính tỉnh Lâm Đồng")])
    record_reorganisation(act=merge, by=personas.administrator)
    new = Unit.objects.get(code="STC-LD")
    tree.other.refresh_from_db()
    return new, records


@pytest.mark.parametrize("role", ["unit_head", "administrator", "council_secretary", "inspector"])
def test_the_successors_people_read_the_predecessors_records(tree, merged, role):
    new, records = merged
    user = make_user_with_role(role, new)
    if role != "inspector":
        assert Score.objects.for_user(user).filter(pk=records["score"].pk).exists()
        assert Award.objects.for_user(user).filter(pk=records["award"].pk).exists()
        assert AnnualRating.objects.for_user(user).filter(pk=records["rating"].pk).exists()
    if role in ("administrator", "council_secretary"):
        assert Decision.objects.for_user(user).filter(pk=records["decision"].pk).exists()
    if role in ("unit_head", "administrator"):
        assert get_inspection_for_user(user, records["inspection"].pk) == records["inspection"]


@pytest.mark.parametrize("role", ["unit_head", "administrator", "council_secretary", "inspector"])
def test_the_successors_people_change_none_of_the_predecessors_records(tree, merged, role):
    new, records = merged
    old = tree.other
    user = make_user_with_role(role, new)
    assert not can_draft_decision(user, old) and not can_sign_decision(user, old)
    assert not can_issue_certificates(user, old)
    assert not can_record_standalone(user, old)
    assert not standalone_units(user).filter(pk=old.pk).exists()
    assert not can_record_for(user, old) and old.path not in record_writer_paths(user)
    assert not can_prepare_pledge(user, old) and not can_propose(user, old)
    with pytest.raises((PermissionDenied, Exception)):
        get_inspection_for_user(user, records["inspection"].pk, write=True)
    # the same roles act on the successor itself
    if role == "administrator":
        assert can_sign_decision(user, new) and can_record_for(user, new)
    if role == "unit_head":
        assert can_prepare_pledge(user, new) and can_record_for(user, new)


def test_the_successors_head_opens_but_cannot_change_or_delete_a_predecessors_record(login, tree, merged):
    new, records = merged
    rating = records["rating"]
    client = login(make_user_with_role("unit_head", new))
    assert client.get(reverse("evaluations:records", args=["ratings"])).status_code == 200
    assert client.get(reverse("evaluations:record_edit", args=["ratings", rating.pk])).status_code == 403

    edit = client.post(reverse("evaluations:record_edit", args=["ratings", rating.pk]), {"rating": "ht"})
    delete = client.post(reverse("evaluations:record_delete", args=["ratings", rating.pk]))

    assert (edit.status_code, delete.status_code) == (403, 403)
    assert AnnualRating.objects.get(pk=rating.pk).rating == "htxsnv"


def test_the_successors_administrator_cannot_edit_the_predecessor_unit(login, tree, merged):
    new, _ = merged
    client = login(make_user_with_role("administrator", new))
    assert client.get(reverse("units:unit_detail", args=[tree.other.pk])).status_code == 200
    response = client.post(reverse("units:unit_edit", args=[tree.other.pk]), {"name": "Đổi tên trái phép"})
    assert response.status_code == 403
    assert Unit.objects.get(pk=tree.other.pk).name == "Sở Tài chính"
    assert Inspection.objects.filter(unit=tree.other).count() == 1


def test_the_successors_administrator_is_not_offered_the_predecessor_to_pledge_for(login, tree, merged):
    new, _ = merged
    response = login(make_user_with_role("administrator", new)).get(reverse("emulation:pledge_start"))
    choices = {unit.pk for unit in response.context["form"].fields["unit"].queryset}
    assert new.pk in choices and tree.other.pk not in choices
