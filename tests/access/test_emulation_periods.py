"""The access matrix, routes of one object:
emulation set-up and scores: movements, commitment items, blocs, periods, schemes, pledges,
self-assessment, scores, ranking prints, eligibility.

Each row: the URL's object (tests/access/matrix.py), then what each persona gets — GET home, GET other, POST home,
POST other — in the order administrator, unit_head, clerk, inspector, council_member, secretary, staff, outsider.
"""

import pytest

from tests.access.matrix import check

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = {
    "emulation:movement_detail": (
        "pk=movement",
        "200 200 200 200 200 200 404 200", "200 200 200 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:movement_edit": (
        "pk=movement",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:commitment_item_create": (
        "movement_pk=movement",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:commitment_item_edit": (
        "movement_pk=movement pk=commitment_item",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:bloc_create": (
        "period_pk=period",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:bloc_edit": (
        "period_pk=period pk=bloc",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:period_detail": (
        "pk=period",
        "200 200 200 200 200 200 404 200", "200 200 200 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:period_edit": (
        "pk=period",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:period_advance": (
        "pk=period",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 403 404 403", "302 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:period_reopen": (
        "pk=period",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:scheme_detail": (
        "pk=period",
        "200 200 200 200 200 200 404 200", "200 200 200 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:scheme_copy": (
        "pk=period",
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 403", "200 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:pledge_detail": (
        "pk=pledge",
        "200 200 200 200 200 404 404 404", "200 404 404 200 200 404 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:pledge_edit": (
        "pk=pledge",
        "200 200 200 403 403 404 404 404", "200 404 404 403 403 404 404 200",  # GET
        "200 200 200 403 403 404 404 404", "200 404 404 403 403 404 404 200",  # POST
    ),
    "emulation:pledge_registrations": (
        "pk=pledge",
        "200 200 200 403 403 404 404 404", "200 404 404 403 403 404 404 200",  # GET
        "200 200 200 403 403 404 404 404", "200 404 404 403 403 404 404 200",  # POST
    ),
    "emulation:pledge_submit": (
        "pk=pledge",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 302 403 403 403 404 404 404", "403 404 404 403 403 404 404 302",  # POST
    ),
    "emulation:pledge_accept": (
        "pk=pledge",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 404 404 404", "302 404 404 403 403 404 404 403",  # POST
    ),
    "emulation:pledge_return": (
        "pk=pledge",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 404 404 404", "302 404 404 403 403 404 404 403",  # POST
    ),
    "emulation:pledge_pdf": (
        "pk=pledge",
        "200 200 200 200 200 404 404 404", "200 404 404 200 200 404 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:self_assessment": (
        "pk=pledge",
        "200 200 200 200 200 404 404 404", "200 404 404 200 200 404 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:self_assessment_claim": (
        "pk=pledge criterion_pk=criterion",
        "200 200 200 403 403 404 404 404", "200 404 404 403 403 404 404 200",  # GET
        "200 200 200 403 403 404 404 404", "200 404 404 403 403 404 404 200",  # POST
    ),
    "emulation:self_assessment_verify": (
        "pk=claim",
        "403 403 403 200 403 404 404 404", "403 404 404 403 403 404 404 403",  # GET
        "403 403 403 200 403 404 404 404", "403 404 404 403 403 404 404 403",  # POST
    ),
    "emulation:self_assessment_evidence": (
        "pk=claim",
        "200 200 200 200 200 404 404 404", "200 404 404 200 200 404 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:score_detail": (
        "period_pk=period unit_pk=unit",
        "200 200 200 404 200 200 200 404", "200 404 404 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:unit_scores": (
        "unit_pk=unit",
        "200 200 200 200 200 200 200 404", "200 404 404 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:eligibility_results": (
        "period_pk=period",
        "200 200 200 200 200 200 404 200", "200 200 200 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:eligibility_run": (
        "period_pk=period",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 403 404 403", "302 403 403 403 403 403 404 403",  # POST
    ),
    "emulation:eligibility_detail": (
        "pk=eligibility",
        "200 200 200 404 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:ranking_print": (  # only the user who asked for the print reads it
        "pk=ranking_print",
        "404 404 403 403 404 200 403 404", "404 404 403 403 404 404 403 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "emulation:ranking_print_file": (
        "pk=ranking_print",
        "404 404 403 403 404 200 403 404", "404 404 403 403 404 404 403 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
}
# fmt: on


@pytest.mark.parametrize("name", MATRIX)
def test_each_persona_gets_what_the_matrix_says_on_an_object_inside_and_outside_its_scope(world, name):
    check(world, name, MATRIX[name])
