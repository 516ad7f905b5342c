"""Consecutive-year conditions for a collective follow the successor chain when the rule says so, and say so."""

import datetime

import pytest

from emulation.models import TitleCondition, TitleHistory
from tests.emulation.eligibility.helpers import YEAR, make_team, national, result, title
from tests.emulation.factories import make_period
from tests.factories import make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return make_period()


def three_years_of_ttldtt(*, count_predecessors: bool) -> TitleCondition:
    return TitleCondition.objects.create(
        rule_set=national(), title=title("TTLDXS"), kind="consecutive_years", other_title=title("TTLDTT"), number=3,
        count_predecessors=count_predecessors, legal_basis="Quy định của tỉnh (thử)",
        effective_from=datetime.date(2024, 1, 1),
    )  # fmt: skip


def merged_team(period):
    """A team (TTLDTT this year from its own records), successor of a unit that held TTLDTT the two years before."""
    unit, _, _ = make_team(period, 10, target="TTLDXS")
    old = make_unit(
        name="Phòng Tài chính - Kế hoạch huyện Đắk Mil", valid_to=datetime.date(YEAR - 1, 12, 31), successor=unit
    )
    for year in (YEAR - 2, YEAR - 1):
        TitleHistory.objects.create(unit=old, title=title("TTLDTT"), year=year)
    return unit


def consecutive_check(period, unit):
    return result(period, unit=unit, code="TTLDXS").checks.get(kind="consecutive_years")


def test_a_rule_that_counts_predecessors_counts_the_merged_units_years_and_says_so(period):
    three_years_of_ttldtt(count_predecessors=True)
    check = consecutive_check(period, merged_team(period))
    assert check.met
    assert f"Tính cả đơn vị tiền thân: {YEAR - 2} (của Phòng Tài chính - Kế hoạch huyện Đắk Mil)" in check.reason


def test_a_rule_that_does_not_count_predecessors_looks_at_the_unit_alone(period):
    three_years_of_ttldtt(count_predecessors=False)
    check = consecutive_check(period, merged_team(period))
    assert not check.met
    assert f"năm {YEAR - 2}, {YEAR - 1}" in check.reason


def test_a_split_unit_s_years_count_for_each_of_its_new_units(period):
    """A split names every new unit as successor: the second one counts the old unit's years as well."""
    three_years_of_ttldtt(count_predecessors=True)
    unit, _, _ = make_team(period, 10, target="TTLDXS")
    first = make_unit(name="Xã A")
    old = make_unit(name="Xã Quảng Khê (cũ)", valid_to=datetime.date(YEAR - 1, 12, 31), successor=first)
    old.further_successors.add(unit)
    for year in (YEAR - 2, YEAR - 1):
        TitleHistory.objects.create(unit=old, title=title("TTLDTT"), year=year)
    check = consecutive_check(period, unit)
    assert check.met and "của Xã Quảng Khê (cũ)" in check.reason


def test_a_person_moved_since_registering_is_judged_where_they_registered(period):
    """The staff of a merged unit move to the successor; that year's result stays with the unit they pledged with."""
    unit, people, _ = make_team(period, 3, target="TTLDTT")
    successor = make_unit(name="Đơn vị kế thừa")
    moved = people[0]
    moved.unit = successor
    moved.save()
    assert result(period, person=moved, code="LDTT").unit == unit
