"""A ninth persona beside the matrix's eight: the administrator of one department (Sở Tài chính, the "other" side).
Province-wide settings stay with the province's administrators; the department's own records are theirs."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.access import (
    test_emulation_council,
    test_emulation_decisions,
    test_emulation_periods,
    test_units_and_evaluations,
)
from tests.access.matrix import kwargs_for, outcome, request
from units.models import User

pytestmark = pytest.mark.django_db
ROWS = {
    **test_units_and_evaluations.MATRIX,
    **test_emulation_periods.MATRIX,
    **test_emulation_council.MATRIX,
    **test_emulation_decisions.MATRIX,
}
PROVINCE_WIDE = (
    "evaluations:catalogue_add",
    "evaluations:catalogue_edit",
    "emulation:movement_edit",
    "emulation:commitment_item_create",
    "emulation:commitment_item_edit",
    "emulation:bloc_create",
    "emulation:bloc_edit",
    "emulation:period_edit",
    "emulation:period_advance",
    "emulation:period_reopen",
    "emulation:scheme_copy",
    "emulation:eligibility_run",
    "emulation:title_catalogue_add",
    "emulation:title_catalogue_edit",
    "emulation:rule_set_copy",
    "emulation:certificate_design_edit",
)
OWN_DEPARTMENT = (
    "units:unit_edit",
    "units:person_edit",
    "units:role_delete",
    "units:reorganisation_detail",
    "units:reorganisation_reverse",
    "evaluations:kpi_edit",
    "evaluations:kpi_delete",
)


@pytest.fixture
def department_admin(world):
    client = Client()
    client.force_login(User.objects.get(email="admin2@example.vn"))
    return client


def statuses(world, client, name, side):
    url = reverse(name, kwargs=kwargs_for(world, ROWS[name][0], side))
    return outcome(request(client, "get", url)), outcome(request(client, "post", url))


def test_a_department_administrator_changes_no_province_wide_setting(world, department_admin):
    allowed = {}
    for name in PROVINCE_WIDE:
        for side in ("home", "other"):
            got = statuses(world, department_admin, name, side)
            if not set(got) <= {"403", "405"}:
                allowed[(name, side)] = got
    assert not allowed


def test_a_department_administrator_manages_their_department_and_nothing_of_another(world, department_admin):
    own = {name: statuses(world, department_admin, name, "other") for name in OWN_DEPARTMENT}
    assert all(set(got) <= {"200", "302", "405"} and set(got) != {"405"} for got in own.values()), own
    foreign = {name: statuses(world, department_admin, name, "home") for name in OWN_DEPARTMENT}
    assert all(set(got) <= {"403", "404", "405"} for got in foreign.values()), foreign
