"""The access matrix, routes of one object:
decisions, awards, money, funds, public notices and certificates.

Each row: the URL's object (tests/access/matrix.py), then what each persona gets — GET home, GET other, POST home,
POST other — in the order administrator, unit_head, clerk, inspector, council_member, secretary, staff, outsider.
"""

import pytest

from tests.access.matrix import check

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = {
    "emulation:decision_detail": (
        "pk=decision",
        "200 200 200 404 200 200 404 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:decision_edit": (
        "pk=draft",
        "200 404 404 404 403 200 404 404", "200 404 404 404 403 200 404 404",  # GET
        "200 404 404 404 403 200 404 404", "200 404 404 404 403 200 404 404",  # POST
    ),
    "emulation:decision_add_recipient": (
        "pk=draft",
        "200 404 404 404 403 200 404 404", "200 404 404 404 403 200 404 404",  # GET
        "200 404 404 404 403 200 404 404", "200 404 404 404 403 200 404 404",  # POST
    ),
    "emulation:decision_add_nominations": (
        "pk=draft",
        "200 404 404 404 403 200 404 404", "200 404 404 404 403 200 404 404",  # GET
        "200 404 404 404 403 200 404 404", "200 404 404 404 403 200 404 404",  # POST
    ),
    "emulation:decision_sign": (
        "pk=draft",
        "200 404 404 404 403 403 404 404", "200 404 404 404 403 403 404 404",  # GET
        "200 404 404 404 403 403 404 404", "200 404 404 404 403 403 404 404",  # POST
    ),
    "emulation:decision_annul": (
        "pk=decision",
        "200 403 403 404 403 403 404 404", "200 404 404 404 403 403 404 403",  # GET
        "200 403 403 404 403 403 404 404", "200 404 404 404 403 403 404 403",  # POST
    ),
    "emulation:award_detail": (
        "pk=award",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:award_remove": (
        "pk=award",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 404 403 302 404 404", "302 404 404 404 403 302 404 403",  # POST
    ),
    "emulation:award_revoke": (
        "pk=award",
        "200 403 403 404 403 403 403 404", "200 404 404 404 403 403 404 403",  # GET
        "200 403 403 404 403 403 403 404", "200 404 404 404 403 403 404 403",  # POST
    ),
    "emulation:decision_money": (
        "pk=decision",
        "200 200 200 404 200 200 404 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:decision_pdf": (
        "pk=decision",
        "200 200 200 404 200 200 404 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:award_decision_pdf": (
        "pk=award",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:fund_detail": (
        "pk=fund",
        "200 404 404 404 200 200 404 404", "200 404 404 404 200 200 404 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:notice_body": (
        "pk=unit",
        "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:certificate_batch": (
        "pk=decision",
        "200 403 403 404 403 200 404 404", "200 404 404 404 403 200 404 403",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:certificate_panel": (
        "pk=decision",
        "200 nil nil nil nil 200 nil nil", "200 nil nil nil nil 200 nil nil",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:certificate_issue": (
        "pk=decision",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 404 403 302 404 404", "302 404 404 404 403 302 404 403",  # POST
    ),
    "emulation:certificate_batch_file": (
        "pk=decision kind:zip",
        "200 403 403 404 403 200 404 404", "200 404 404 404 403 200 404 403",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:certificate_pdf": (
        "pk=certificate",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:certificate_design_edit": (
        "authority_pk=design_authority",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
}
# fmt: on


@pytest.mark.parametrize("name", MATRIX)
def test_each_persona_gets_what_the_matrix_says_on_an_object_inside_and_outside_its_scope(world, name):
    check(world, name, MATRIX[name])
