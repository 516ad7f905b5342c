"""The access matrix, part one: every route without an object × every persona (tests/conftest.py), GET and POST.

Each route has its expected status per persona; a new route without an entry fails the test, so access is decided on
purpose. A persona refused the page is refused its POST too (403/404/405), and the refusal changes nothing.
Routes of one object have their own matrix (an object inside and outside each persona's scope) in tests/access/; the
net at the end makes sure each has a row there.
"""

import pytest
from django.urls import reverse

from tests.access import (
    test_emulation_configuration,
    test_emulation_council,
    test_emulation_decisions,
    test_emulation_periods,
    test_units_and_evaluations,
)
from tests.test_url_access import our_routes
from units.audit.models import AuditEntry
from units.models import RoleAssignment, Unit

pytestmark = pytest.mark.django_db
PERSONAS = ("administrator", "unit_head", "clerk", "inspector", "council_member", "secretary", "staff", "outsider")
REFUSED = {403, 404, 405}
POST_ONLY = {"units:notification_read_all": 302}  # GET 405; POST marks only the persona's own notifications

# route: expected GET status for each persona, in the order of PERSONAS
MATRIX = {
    "home": (200, 200, 200, 200, 200, 200, 200, 200),
    "health": (200, 200, 200, 200, 200, 200, 200, 200),
    "units:profile": (200, 200, 200, 200, 200, 200, 200, 200),
    "units:notifications": (200, 200, 200, 200, 200, 200, 200, 200),
    "units:notification_read_all": (405, 405, 405, 405, 405, 405, 405, 405),
    "units:units": (200, 200, 200, 200, 200, 200, 403, 200),
    "units:unit_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "units:people": (200, 200, 200, 200, 200, 200, 403, 200),
    "units:person_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "units:roles": (200, 403, 403, 403, 403, 403, 403, 403),
    "units:role_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "units:audit_log": (200, 403, 403, 403, 403, 403, 403, 403),
    "evaluations:inspections": (200, 200, 200, 200, 200, 200, 403, 200),
    "evaluations:inspection_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "evaluations:violations": (200, 200, 200, 200, 200, 200, 200, 200),
    "evaluations:catalogue": (200, 403, 403, 403, 403, 403, 403, 403),
    "evaluations:kpi_list": (200, 200, 200, 200, 200, 200, 403, 200),
    "evaluations:kpi_entry": (200, 403, 403, 403, 403, 403, 403, 403),
    "evaluations:kpi_import": (200, 403, 403, 403, 403, 403, 403, 403),
    "evaluations:standalone_create": (200, 403, 403, 200, 403, 403, 403, 403),
    "evaluations:my_violations": (200, 200, 200, 200, 200, 200, 200, 200),
    "evaluations:appeals": (200, 200, 200, 200, 200, 200, 200, 200),
    "evaluations:corrective_list": (200, 200, 200, 200, 200, 200, 200, 200),
    "emulation:movements": (200, 200, 200, 200, 200, 200, 403, 200),
    "emulation:movement_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:period_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:pledges": (200, 200, 200, 200, 200, 200, 403, 200),
    "emulation:pledge_start": (200, 200, 200, 403, 403, 403, 403, 200),
    "emulation:my_registrations": (200, 200, 200, 200, 200, 200, 200, 200),
    "emulation:verification_queue": (403, 403, 403, 200, 403, 403, 403, 403),
    "emulation:ranking": (200, 403, 403, 403, 200, 200, 403, 403),
    "emulation:ranking_pdf": (404, 403, 403, 403, 404, 404, 403, 403),
    "emulation:dashboard": (200, 403, 403, 403, 200, 200, 403, 403),
    "emulation:eligibility": (200, 200, 200, 200, 200, 200, 403, 200),
    "emulation:nominations": (200, 200, 200, 200, 200, 200, 200, 200),
    "emulation:nomination_create": (200, 200, 403, 403, 403, 403, 403, 200),
    "emulation:councils": (200, 200, 200, 200, 200, 200, 200, 200),
    "emulation:title_catalogue": (200, 200, 200, 200, 200, 200, 403, 200),
    "emulation:title_history": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:decisions": (200, 200, 200, 403, 200, 200, 403, 200),
    "emulation:decision_create": (200, 403, 403, 403, 403, 200, 403, 403),
    "emulation:awards": (200, 200, 200, 200, 200, 200, 200, 200),
    "emulation:certificate_register": (200, 200, 200, 403, 200, 200, 403, 200),
    "emulation:my_certificates": (200, 200, 200, 200, 200, 200, 200, 200),
    "emulation:certificate_designs": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:funds": (200, 403, 403, 403, 200, 200, 403, 403),
    "emulation:statistics": (200, 403, 403, 403, 200, 200, 403, 403),
    "emulation:notices": (200, 200, 200, 200, 200, 200, 200, 200),  # public notices
    "emulation:notices_feed": (200, 200, 200, 200, 200, 200, 200, 200),
    "signature_check": (200, 200, 200, 200, 200, 200, 200, 200),  # public
    "units:pick_people": (200, 200, 200, 200, 200, 200, 200, 200),  # results scoped to what the persona sees
    "units:pick_units": (200, 200, 200, 200, 200, 200, 200, 200),
    "evaluations:pick_inspectors": (200, 403, 403, 200, 403, 403, 403, 403),  # those who plan or lead inspections
    "units:reorganisations": (200, 403, 403, 403, 403, 403, 403, 403),
    "units:reorganisation_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:scheme_list": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:scheme_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:council_manage_list": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:council_manage_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:manual_score_list": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:manual_score_create": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:bonus_grant_list": (200, 403, 403, 403, 403, 403, 403, 403),
    "emulation:bonus_grant_create": (200, 403, 403, 403, 403, 403, 403, 403),
}


def routes_without_an_object() -> set[str]:
    return {name for name, converters in our_routes() if not converters and name != "verify"}


def test_every_route_without_an_object_has_an_entry_and_no_entry_is_stale():
    assert set(MATRIX) == routes_without_an_object()


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_exactly_the_pages_the_matrix_gives_it(persona, personas, client):
    client.force_login(getattr(personas, persona))
    column = PERSONAS.index(persona)
    wrong = {}
    for name, expected in MATRIX.items():
        status = client.get(reverse(name)).status_code
        if status != expected[column]:
            wrong[name] = (status, expected[column])
    assert not wrong


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_persona_refused_a_page_is_refused_its_post_and_nothing_changes(persona, personas, client):
    client.force_login(getattr(personas, persona))
    column = PERSONAS.index(persona)
    before = (Unit.objects.count(), RoleAssignment.objects.count(), AuditEntry.objects.count())
    let_through = {}
    for name, expected in MATRIX.items():
        if expected[column] in REFUSED and name not in POST_ONLY:
            status = client.post(reverse(name), {"name": "x", "email": "staff@example.vn", "role": "staff"}).status_code
            if status not in REFUSED:
                let_through[name] = status
    assert not let_through
    assert (Unit.objects.count(), RoleAssignment.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_post_only_routes_answer_every_persona_as_the_matrix_says(persona, personas, client):
    client.force_login(getattr(personas, persona))
    assert {name: client.post(reverse(name)).status_code for name in POST_ONLY} == POST_ONLY


# Routes of one object: every persona × an object inside and one outside its scope, GET and POST, in tests/access/.
# A new route of one object without a row there fails here.
def test_every_route_with_an_object_has_a_row_in_the_access_matrix_and_no_row_is_stale():
    modules = (
        test_units_and_evaluations,
        test_emulation_periods,
        test_emulation_configuration,
        test_emulation_council,
        test_emulation_decisions,
    )
    rows = [name for module in modules for name in module.MATRIX]
    with_object = {name for name, converters in our_routes() if converters and name != "verify"}
    assert len(rows) == len(set(rows))  # a route has one row
    assert set(rows) == with_object
