"""The access matrix, routes of one object:
the council: nominations and their files, councils, sessions, ballots, dossier documents, the title
catalogue and rule sets.

Each row: the URL's object (tests/access/matrix.py), then what each persona gets — GET home, GET other, POST home,
POST other — in the order administrator, unit_head, clerk, inspector, council_member, secretary, staff, outsider.
"""

import pytest

from tests.access.matrix import check

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = {
    "emulation:nomination_detail": (
        "pk=nomination",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:nomination_edit": (
        "pk=nomination",
        "200 200 403 404 403 403 403 404", "200 404 404 404 403 403 404 200",  # GET
        "200 200 403 404 403 403 403 404", "200 404 404 404 403 403 404 200",  # POST
    ),
    "emulation:nomination_attach": (
        "pk=nomination",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 302 403 404 403 403 403 404", "302 404 404 404 403 403 404 302",  # POST
    ),
    "emulation:nomination_attachment": (
        "pk=nomination attachment_pk=nomination_file",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:nomination_vet": (
        "pk=nomination",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 403 403 404 403 302 403 404", "403 404 404 404 403 302 404 403",  # POST
    ),
    "emulation:nomination_return": (
        "pk=nomination",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 403 403 404 403 302 403 404", "403 404 404 404 403 302 404 403",  # POST
    ),
    "emulation:nomination_schedule": (
        "pk=nomination",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 403 403 404 403 302 403 404", "403 404 404 404 403 302 404 403",  # POST
    ),
    "emulation:council_detail": (
        "pk=council",
        "404 404 404 404 200 200 404 404", "404 404 404 404 404 404 404 404",  # GET
        "404 404 404 404 403 200 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:session_detail": (
        "pk=session",
        "404 404 404 404 200 200 404 404", "404 404 404 404 404 404 404 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:session_open": (
        "pk=session",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 404 404 403 302 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:session_attendance": (
        "pk=session",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 404 404 403 302 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:session_close": (
        "pk=session",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 404 404 403 302 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:session_quota": (
        "pk=session",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 404 404 403 302 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:session_minutes": (
        "pk=session",
        "404 404 404 404 200 200 404 404", "404 404 404 404 404 404 404 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:ballot_open": (
        "pk=session nomination_pk=agenda_nomination",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 404 404 403 302 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:ballot_vote": (
        "pk=ballot",
        "404 404 404 404 200 403 404 404", "404 404 404 404 404 404 404 404",  # GET
        "404 404 404 404 302 403 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:ballot_written": (
        "pk=ballot",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 404 404 403 302 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:ballot_close": (
        "pk=ballot",
        "404 404 404 404 403 200 404 404", "404 404 404 404 404 404 404 404",  # GET
        "404 404 404 404 403 200 404 404", "404 404 404 404 404 404 404 404",  # POST
    ),
    "emulation:dossier_document": (
        "pk=nomination slug:to-trinh fmt:pdf",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:title_catalogue_add": (
        "kind:history",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:title_catalogue_edit": (
        "kind:history pk=history",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "emulation:rule_set_copy": (
        "pk=shared.rule_set",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
}
# fmt: on


@pytest.mark.parametrize("name", MATRIX)
def test_each_persona_gets_what_the_matrix_says_on_an_object_inside_and_outside_its_scope(world, name):
    check(world, name, MATRIX[name])
