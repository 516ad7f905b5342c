from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.assessments.permissions import can_verify_unit
from emulation.models import BlocMembership, Pledge, SelfAssessment
from emulation.pledges.permissions import get_pledge_for_user, get_registration_for_user
from tests.emulation.factories import make_criterion, make_period, make_pledge, make_scheme, make_title
from tests.factories import make_unit, make_user_with_role
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(tree):
    return make_pledge(unit=tree.home)


def test_head_and_clerk_see_their_units_pledge_outsider_does_not(personas, pledge):
    assert get_pledge_for_user(personas.unit_head, pledge.pk, action="submit") == pledge
    assert get_pledge_for_user(personas.clerk, pledge.pk, action="prepare") == pledge
    with pytest.raises(Http404):
        get_pledge_for_user(personas.outsider, pledge.pk)


def test_only_the_head_may_submit(personas, pledge):
    with pytest.raises(PermissionDenied):
        get_pledge_for_user(personas.clerk, pledge.pk, action="submit")


def test_council_member_reads_but_cannot_prepare(personas, pledge):
    assert get_pledge_for_user(personas.council_member, pledge.pk) == pledge
    with pytest.raises(PermissionDenied):
        get_pledge_for_user(personas.council_member, pledge.pk, action="prepare")


def test_inspector_verifies_other_units_never_their_own(personas, tree):
    period = make_period()
    assert can_verify_unit(personas.inspector, tree.home, period)
    # The inspector's own record is in Sở Tài chính.
    assert not can_verify_unit(personas.inspector, tree.other, period)


def test_bloc_leaders_head_verifies_members_of_the_bloc_only(personas, tree):
    period = make_period()
    bloc = period.blocs.create(name="Khối Tổng hợp", leader=tree.other)
    BlocMembership.objects.create(bloc=bloc, unit=tree.home)
    BlocMembership.objects.create(bloc=bloc, unit=tree.other)
    stranger = make_unit(parent=tree.province)
    leader_head = personas.outsider  # head of Sở Tài chính, the leader unit
    assert can_verify_unit(leader_head, tree.home, period)
    assert not can_verify_unit(leader_head, tree.other, period)
    assert not can_verify_unit(leader_head, stranger, period)
    assert not can_verify_unit(leader_head, tree.home, make_period())
    member_pledge = make_pledge(unit=tree.home, period=period)
    assert Pledge.objects.for_user(leader_head).filter(pk=member_pledge.pk).exists()


def test_staff_see_only_their_own_registration(personas, pledge, tree):
    title = make_title()
    own = pledge.registrations.create(person=personas.staff.person, title=title)
    other = pledge.registrations.create(person=personas.clerk.person, title=title)
    assert get_registration_for_user(personas.staff, own.pk) == own
    with pytest.raises(Http404):
        get_registration_for_user(personas.staff, other.pk)


def test_head_of_a_parent_unit_reads_sub_unit_pledges(tree):
    head = make_user_with_role(Role.UNIT_HEAD, tree.home)
    sub_pledge = make_pledge(unit=tree.sub)
    assert get_pledge_for_user(head, sub_pledge.pk, action="review") == sub_pledge


def test_verifiable_lines_agree_with_the_verify_rule(personas, tree):
    period = make_period()
    criterion = make_criterion(make_scheme(period))
    bloc = period.blocs.create(name="Khối Tổng hợp", leader=tree.other)
    for unit in (tree.home, tree.other):
        BlocMembership.objects.create(bloc=bloc, unit=unit)
    lines = [
        SelfAssessment.objects.create(
            pledge=make_pledge(unit=unit, period=period), criterion=criterion, claimed_points=Decimal("1")
        )
        for unit in (tree.home, tree.sub, tree.other)
    ]
    for user in (personas.inspector, personas.outsider, personas.unit_head, personas.administrator, personas.staff):
        expected = {line.pk for line in lines if can_verify_unit(user, line.pledge.unit, period)}
        assert set(SelfAssessment.objects.verifiable_by(user).values_list("pk", flat=True)) == expected, user
