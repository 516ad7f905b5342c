import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.factories import make_person
from units.models import Person, Unit
from units.permissions import get_person_for_user, get_unit_for_user, has_role, is_administrator

pytestmark = pytest.mark.django_db


def test_role_on_a_unit_reaches_its_descendants(personas, tree):
    assert has_role(personas.unit_head, "unit_head", unit=tree.sub)
    assert not has_role(personas.unit_head, "unit_head", unit=tree.other)
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
