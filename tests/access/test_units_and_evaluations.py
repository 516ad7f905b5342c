"""The access matrix, routes of one object:
units (units, people, roles, reorganisations, imports) and evaluations (inspections, violations,
photos, catalogue, personnel records, KPI, appeals, corrective actions, attachments).

Each row: the URL's object (tests/access/matrix.py), then what each persona gets — GET home, GET other, POST home,
POST other — in the order administrator, unit_head, clerk, inspector, council_member, secretary, staff, outsider.
"""

import pytest

from tests.access.matrix import check

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = {
    "units:notification_read": (
        "pk=notification",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "404 404 302 404 404 404 404 404", "404 404 404 404 404 404 404 302",  # POST
    ),
    "units:unit_detail": (
        "pk=unit",
        "200 200 200 200 200 200 404 404", "200 404 404 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "units:unit_edit": (
        "pk=unit",
        "200 403 403 403 403 403 404 404", "200 404 404 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 404", "200 404 404 403 403 403 404 403",  # POST
    ),
    "units:reorganisation_detail": (
        "pk=reorganisation",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "units:reorganisation_reverse": (
        "pk=reorganisation",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 403 403 403", "302 403 403 403 403 403 403 403",  # POST
    ),
    "units:person_detail": (
        "pk=person",
        "200 200 200 200 200 200 200 404", "200 404 404 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "units:person_edit": (
        "pk=person",
        "200 403 403 403 403 403 403 404", "200 404 404 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 403 404", "200 404 404 403 403 403 404 403",  # POST
    ),
    "units:person_invite": (
        "pk=person",
        "200 403 403 403 403 403 403 404", "200 404 404 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 403 404", "200 404 404 403 403 403 404 403",  # POST
    ),
    "units:role_delete": (
        "pk=role",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 403 404 404", "302 404 404 403 403 403 404 403",  # POST
    ),
    "units:import": (
        "kind:people",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "units:import_confirm": (
        "kind:people token=import_token",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 403 403 403", "404 403 403 403 403 403 403 403",  # POST
    ),
    "evaluations:inspection_detail": (
        "pk=inspection",
        "200 404 404 200 404 404 404 404", "200 404 404 404 404 404 404 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:inspection_edit": (
        "pk=inspection",
        "200 404 404 200 404 404 404 404", "200 404 404 404 404 404 404 404",  # GET
        "200 404 404 200 404 404 404 404", "200 404 404 404 404 404 404 404",  # POST
    ),
    "evaluations:inspection_conduct": (
        "pk=inspection",
        "403 404 404 200 404 404 404 404", "403 404 404 404 404 404 404 404",  # GET
        "403 404 404 302 404 404 404 404", "403 404 404 404 404 404 404 404",  # POST
    ),
    "evaluations:item_save": (
        "pk=inspection item_pk=shared.item",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 404 404 200 404 404 404 404", "403 404 404 404 404 404 404 404",  # POST
    ),
    "evaluations:person_search": (
        "pk=inspection",
        "403 404 404 200 404 404 404 404", "403 404 404 404 404 404 404 404",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:violation_create": (
        "pk=inspection",
        "403 404 404 200 404 404 404 404", "403 404 404 404 404 404 404 404",  # GET
        "403 404 404 400 404 404 404 404", "403 404 404 404 404 404 404 404",  # POST
    ),
    "evaluations:violation_detail": (
        "pk=violation",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:violation_add_photos": (
        "pk=violation",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 403 403 403 403 403 404 404", "403 404 404 404 403 403 404 403",  # POST
    ),
    "evaluations:evidence_file": (
        "pk=evidence",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:evidence_thumbnail": (
        "pk=evidence",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:catalogue_add": (
        "kind:type",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "evaluations:catalogue_edit": (
        "kind:type pk=violation_type",
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # GET
        "200 403 403 403 403 403 403 403", "200 403 403 403 403 403 403 403",  # POST
    ),
    "evaluations:records": (
        "kind:ratings",
        "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:record_create": (
        "kind:ratings",
        "200 200 200 403 403 403 403 200", "200 200 200 403 403 403 403 200",  # GET
        "200 200 200 403 403 403 403 200", "200 200 200 403 403 403 403 200",  # POST
    ),
    "evaluations:record_edit": (
        "kind:ratings pk=rating",
        "200 200 200 404 403 403 403 404", "200 404 404 404 403 403 404 200",  # GET
        "200 200 200 404 403 403 403 404", "200 404 404 404 403 403 404 200",  # POST
    ),
    "evaluations:record_delete": (
        "kind:ratings pk=rating",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 302 302 404 403 403 403 404", "302 404 404 404 403 403 404 302",  # POST
    ),
    "evaluations:record_import": (
        "kind:ratings",
        "200 200 200 403 403 403 403 200", "200 200 200 403 403 403 403 200",  # GET
        "200 200 200 403 403 403 403 200", "200 200 200 403 403 403 403 200",  # POST
    ),
    "evaluations:record_import_confirm": (
        "kind:ratings token=record_token",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 404 404 403 403 403 403 404", "404 404 404 403 403 403 403 404",  # POST
    ),
    "evaluations:kpi_import_confirm": (
        "token=kpi_token",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "200 403 403 403 403 403 403 403", "404 403 403 403 403 403 403 403",  # POST
    ),
    "evaluations:kpi_edit": (
        "pk=kpi_reading",
        "200 403 403 403 403 403 404 404", "200 404 404 403 403 403 404 403",  # GET
        "200 403 403 403 403 403 404 404", "200 404 404 403 403 403 404 403",  # POST
    ),
    "evaluations:kpi_delete": (
        "pk=kpi_reading",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 403 404 404", "302 404 404 403 403 403 404 403",  # POST
    ),
    "evaluations:kpi_unit": (
        "pk=unit",
        "200 200 200 200 200 200 404 404", "200 404 404 200 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:appeal_create": (
        "pk=violation",
        "403 200 200 403 403 403 200 404", "403 404 404 404 403 403 404 200",  # GET
        "403 409 409 403 403 403 409 404", "403 404 404 404 403 403 404 409",  # POST
    ),
    "evaluations:violation_panel": (
        "pk=violation",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:corrective_create": (
        "pk=violation",
        "200 403 403 200 403 403 403 404", "200 404 404 404 403 403 404 403",  # GET
        "200 403 403 200 403 403 403 404", "200 404 404 404 403 403 404 403",  # POST
    ),
    "evaluations:appeal_detail": (
        "pk=appeal",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:appeal_decide": (
        "pk=appeal",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 403 403 302 403 404", "302 404 404 404 403 302 404 403",  # POST
    ),
    "evaluations:corrective_detail": (
        "pk=corrective",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:corrective_done": (
        "pk=corrective",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "403 302 302 403 403 403 302 404", "403 404 404 404 403 403 404 302",  # POST
    ),
    "evaluations:corrective_confirm": (
        "pk=corrective",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 302 403 403 403 404", "302 404 404 404 403 403 404 403",  # POST
    ),
    "evaluations:corrective_reopen": (
        "pk=corrective",
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # GET
        "302 403 403 302 403 403 403 404", "302 404 404 404 403 403 404 403",  # POST
    ),
    "evaluations:attachment_file": (
        "pk=attachment",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
    "evaluations:attachment_thumbnail": (
        "pk=attachment",
        "200 200 200 200 200 200 200 404", "200 404 404 404 200 200 404 200",  # GET
        "405 405 405 405 405 405 405 405", "405 405 405 405 405 405 405 405",  # POST
    ),
}
# fmt: on


@pytest.mark.parametrize("name", MATRIX)
def test_each_persona_gets_what_the_matrix_says_on_an_object_inside_and_outside_its_scope(world, name):
    check(world, name, MATRIX[name])
