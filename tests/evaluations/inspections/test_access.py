"""The access matrix of every evaluations view: anonymous → login, outsiders refused, allowed roles served."""

import pytest
from django.urls import reverse

from evaluations.models import InspectionStatus
from tests.factories import make_violation

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(inspection, catalogue, offender, personas):
    violation = make_violation(
        inspection=inspection, type=catalogue.badge_type, person=offender, recorded_by=personas.inspector
    )
    return violation


def pages(inspection, violation, catalogue):
    return {
        "inspections": reverse("evaluations:inspections"),
        "create": reverse("evaluations:inspection_create"),
        "detail": reverse("evaluations:inspection_detail", args=[inspection.pk]),
        "edit": reverse("evaluations:inspection_edit", args=[inspection.pk]),
        "conduct": reverse("evaluations:inspection_conduct", args=[inspection.pk]),
        "people": reverse("evaluations:person_search", args=[inspection.pk]) + "?q=Trịnh",
        "violation_new": reverse("evaluations:violation_create", args=[inspection.pk]),
        "violations": reverse("evaluations:violations"),
        "violation": reverse("evaluations:violation_detail", args=[violation.pk]),
    }


def test_anonymous_is_sent_to_login_everywhere(client, inspection, records, catalogue):
    for url in pages(inspection, records, catalogue).values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))
    post_only = [
        reverse("evaluations:item_save", args=[inspection.pk, catalogue.id01.pk]),
        reverse("evaluations:violation_add_photos", args=[records.pk]),
    ]
    for url in post_only:
        assert client.post(url)["Location"].startswith(reverse("account_login"))


# (persona, page) → status while the inspection is a draft
DRAFT_MATRIX = {
    "administrator": {
        "inspections": 200,
        "create": 200,
        "detail": 200,
        "edit": 200,
        "conduct": 403,
        "people": 403,
        "violation_new": 403,
        "violations": 200,
        "violation": 200,
    },
    "inspector": {
        "inspections": 200,
        "create": 403,
        "detail": 200,
        "edit": 200,
        "conduct": 200,
        "people": 200,
        "violation_new": 200,
        "violations": 200,
        "violation": 200,
    },
    "unit_head": {
        "inspections": 200,
        "create": 403,
        "detail": 404,
        "edit": 404,
        "conduct": 404,
        "people": 404,
        "violation_new": 404,
        "violations": 200,
        "violation": 404,
    },
    "outsider": {
        "inspections": 200,
        "create": 403,
        "detail": 404,
        "edit": 404,
        "conduct": 404,
        "people": 404,
        "violation_new": 404,
        "violations": 200,
        "violation": 404,
    },
    "staff": {
        "inspections": 403,
        "create": 403,
        "detail": 404,
        "edit": 404,
        "conduct": 404,
        "people": 404,
        "violation_new": 404,
        "violations": 200,
        "violation": 404,
    },
}


@pytest.mark.parametrize("persona", sorted(DRAFT_MATRIX))
def test_access_matrix_of_a_draft_inspection(login, personas, inspection, records, catalogue, persona):
    client = login(getattr(personas, persona))
    for page, url in pages(inspection, records, catalogue).items():
        assert client.get(url).status_code == DRAFT_MATRIX[persona][page], (persona, page)


# Once submitted, the unit's head, clerk and the council may read it; nobody may change it.
SUBMITTED_MATRIX = {
    "administrator": {"detail": 200, "edit": 403, "conduct": 302, "violation": 200},
    "inspector": {"detail": 200, "edit": 403, "conduct": 302, "violation": 200},
    "unit_head": {"detail": 200, "edit": 403, "conduct": 302, "violation": 200},
    "clerk": {"detail": 200, "edit": 403, "conduct": 302, "violation": 200},
    "council_member": {"detail": 200, "edit": 403, "conduct": 302, "violation": 200},
    "secretary": {"detail": 200, "edit": 403, "conduct": 302, "violation": 200},
    "outsider": {"detail": 404, "edit": 404, "conduct": 404, "violation": 404},
    "staff": {"detail": 404, "edit": 404, "conduct": 404, "violation": 404},
}


@pytest.mark.parametrize("persona", sorted(SUBMITTED_MATRIX))
def test_access_matrix_of_a_submitted_inspection(login, personas, inspection, records, catalogue, persona):
    inspection.status = InspectionStatus.SUBMITTED
    inspection.save()
    client = login(getattr(personas, persona))
    urls = pages(inspection, records, catalogue)
    for page, expected in SUBMITTED_MATRIX[persona].items():
        assert client.get(urls[page]).status_code == expected, (persona, page)


def test_staff_see_a_violation_recorded_against_themselves_once_submitted(login, personas, inspection, catalogue):
    from units.models import Person

    own = make_violation(
        inspection=inspection, type=catalogue.badge_type, person=Person.objects.get(user=personas.staff)
    )
    client = login(personas.staff)
    assert client.get(reverse("evaluations:violation_detail", args=[own.pk])).status_code == 404
    inspection.status = InspectionStatus.SUBMITTED
    inspection.save()
    assert client.get(reverse("evaluations:violation_detail", args=[own.pk])).status_code == 200


@pytest.mark.parametrize("persona", ["outsider", "unit_head", "clerk", "staff", "council_member"])
def test_write_endpoints_refuse_everyone_off_the_team(login, personas, inspection, records, catalogue, persona):
    from tests.evaluations import images

    client = login(getattr(personas, persona))
    item = catalogue.id01
    writes = [
        (reverse("evaluations:item_save", args=[inspection.pk, item.pk]), {f"item_{item.pk}": "pass"}),
        (
            reverse("evaluations:violation_add_photos", args=[records.pk]),
            {"photos": images.upload(images.jpeg_bytes())},
        ),
        (
            reverse("evaluations:inspection_conduct", args=[inspection.pk]),
            {"action": "save", f"item_{item.pk}": "pass"},
        ),
    ]
    for url, data in writes:
        assert client.post(url, data).status_code in {403, 404}, url
    assert not inspection.results.exists() and not records.evidence.exists()
