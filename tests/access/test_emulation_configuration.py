"""The access matrix, routes of one object: the administrators' configuration pages (scoring schemes, councils and
their seats, council points and bonus grants). Only a province administrator opens them, on either side.

Each row: the URL's object (tests/access/matrix.py), then what each persona gets — GET home, GET other, POST home,
POST other — in the order administrator, unit_head, clerk, inspector, council_member, secretary, staff, outsider.
"""

import pytest

from tests.access.matrix import check

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = {
    "emulation:council_manage_edit": (
        "pk=council",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:council_seat_add": (
        "pk=council",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:council_seat_edit": (
        "pk=council seat_pk=seat",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:council_seat_remove": (
        "pk=council seat_pk=seat",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "302 403 403 403 403 403 403 403", "302 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:scheme_edit": (
        "pk=scheme",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:scheme_group_edit": (
        "pk=scheme group_pk=group",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:scheme_copy_to": (
        "pk=scheme",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:manual_score_edit": (
        "pk=manual_score",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:manual_score_delete": (
        "pk=manual_score",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "302 403 403 403 403 403 403 403", "302 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:bonus_grant_edit": (
        "pk=bonus_grant",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:bonus_grant_delete": (
        "pk=bonus_grant",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "302 403 403 403 403 403 403 403", "302 403 403 403 403 403 403 403",  # POST
    ),
}
# fmt: on


@pytest.mark.parametrize("name", MATRIX)
def test_each_persona_gets_what_the_matrix_says_on_an_object_inside_and_outside_its_scope(world, name):
    check(world, name, MATRIX[name])
