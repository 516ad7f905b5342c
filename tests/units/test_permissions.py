import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from evaluations.models import Violation
from tests.factories import make_person, make_unit, make_user, make_user_with_role, make_violation
from units.models import Person, Unit
from units.permissions import get_person_for_user, get_unit_for_user, has_role, is_administrator, reads_as

pytestmark = pytest.mark.django_db


def test_role_on_a_unit_reaches_its_descendants(personas, tree):
    assert has_role(personas.unit_head, "unit_head", unit=tree.sub)
    assert not has_role(personas.unit_head, "unit_head", unit=tree.other)
    assert not reads_as(personas.unit_head, "unit_head", unit=tree.other)
    assert reads_as(make_user(is_superuser=True), "unit_head", unit=tree.other)
    assert not has_role(personas.unit_head, "unit_head", unit=tree.province)


def test_province_administrator_administers_every_unit(personas, tree):
    assert all(is_administrator(personas.administrator, unit=u) for u in Unit.objects.all())


def test_unit_helper_hides_units_outside_the_tree(personas, tree):
    with pytest.raises(Http404):
        get_unit_for_user(personas.outsider, tree.home.pk)


def test_unit_helper_refuses_writes_to_non_administrators(personas, tree):
    assert get_unit_for_user(personas.unit_head, tree.sub.pk) == tree.sub
    with pytest.raises(PermissionDenied):
        get_unit_for_user(personas.unit_head, tree.sub.pk, write=True)


def test_person_helper_lets_staff_see_only_themselves(personas, tree):
    colleague = make_person(unit=tree.home)
    own = Person.objects.get(user=personas.staff)
    assert get_person_for_user(personas.staff, own.pk) == own
    with pytest.raises(Http404):
        get_person_for_user(personas.staff, colleague.pk)


def test_staff_role_does_not_open_the_unit_tree(personas, tree):
    assert not Unit.objects.for_user(personas.staff).exists()
    assert set(Unit.objects.for_user(personas.unit_head)) == {tree.home, tree.sub}


def test_anonymous_reaches_nothing(tree):
    from django.contrib.auth.models import AnonymousUser

    assert not Unit.objects.for_user(AnonymousUser()).exists()
    assert not Person.objects.for_user(AnonymousUser()).exists()


def merged(tree, *sources):
    """`sources` merged into a new department on 01/07/2025 (their successor)."""
    new = make_unit(name="Sở mới", parent=tree.province, valid_from=datetime.date(2025, 7, 1))
    for unit in sources:
        unit.valid_to, unit.successor = datetime.date(2025, 6, 30), new
        unit.save()
    return new


def test_a_head_of_the_new_unit_sees_the_predecessors_and_their_records(personas, tree):
    new = merged(tree, tree.other)
    violation = make_violation(unit=tree.other)
    head = make_user_with_role("unit_head", new)
    assert get_unit_for_user(head, tree.other.pk) == tree.other
    assert reads_as(head, "unit_head", unit=tree.other)
    assert Violation.objects.for_user(head).filter(pk=violation.pk).exists()
    # reading the history is not acting for the predecessor
    assert not has_role(head, "unit_head", unit=tree.other)
    with pytest.raises(PermissionDenied):
        get_unit_for_user(make_user_with_role("administrator", new), tree.other.pk, write=True)


def test_the_history_follows_a_chain_of_successors(personas, tree):
    first = merged(tree, tree.other)
    second = make_unit(name="Sở mới hơn", parent=tree.province)
    first.valid_to, first.successor = datetime.date(2026, 1, 1), second
    first.save()
    head = make_user_with_role("unit_head", second)
    assert set(Unit.objects.for_user(head)) == {second, first, tree.other}
    assert reads_as(head, "unit_head", unit=tree.other)


def test_a_head_outside_the_successor_chain_does_not_see_the_predecessors(personas, tree):
    merged(tree, tree.other)
    with pytest.raises(Http404):
        get_unit_for_user(personas.unit_head, tree.other.pk)
    assert not has_role(personas.unit_head, "unit_head", unit=tree.other)
    assert not reads_as(personas.unit_head, "unit_head", unit=tree.other)
    assert reads_as(make_user(is_superuser=True), "unit_head", unit=tree.other)
