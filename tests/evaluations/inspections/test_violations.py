"""Recording violations with photos (once, all or nothing), privacy of sensitive ones, the evidence view, history."""

import datetime
import io
import uuid

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from evaluations.inspections.violations import change_violation_status
from evaluations.models import Evidence, InspectionStatus, StatusChange, Violation, ViolationStatus
from tests.evaluations import images
from tests.factories import make_person, make_user, make_violation
from units.models import Person

pytestmark = pytest.mark.django_db


def record(client, inspection, catalogue, *, photos=(), token=None, person=None, type_=None):
    data = {
        "type": (type_ or catalogue.badge_type).pk,
        "occurred_at": "2025-03-12T11:45",
        "description": "Không đeo thẻ tại bộ phận một cửa",
        "token": str(token or uuid.uuid4()),
        "photos": list(photos),
    }
    if person:
        data["person"] = person.pk
    return client.post(reverse("evaluations:violation_create", args=[inspection.pk]), data)


def stored_files():
    root = settings.MEDIA_ROOT / "evidence"
    return sorted(root.iterdir()) if root.exists() else []


def test_an_inspector_records_a_violation_with_a_camera_photo(
    login, personas, inspection, catalogue, offender, django_capture_on_commit_callbacks
):
    photo = images.upload(images.jpeg_with_gps_and_orientation(), "IMG_0001.jpg")
    with django_capture_on_commit_callbacks(execute=True):  # the photo's task runs once the request commits
        response = record(login(personas.inspector), inspection, catalogue, photos=[photo], person=offender)
    violation = Violation.objects.get()
    evidence = violation.evidence.get()
    assert response.status_code == 302
    assert (violation.person, violation.unit, violation.status) == (offender, inspection.unit, ViolationStatus.RECORDED)
    assert "IMG_0001" not in evidence.image.name and len(stored_files()) == 2
    stored = Image.open(evidence.image.path)
    assert stored.size == (20, 60) and not stored.getexif()
    assert StatusChange.objects.for_object(violation).get().to_status == ViolationStatus.RECORDED


def test_sending_the_same_violation_form_twice_creates_one_record(login, personas, inspection, catalogue):
    client, token = login(personas.inspector), uuid.uuid4()
    record(client, inspection, catalogue, token=token, photos=[images.upload(images.jpeg_bytes())])
    again = record(client, inspection, catalogue, token=token, photos=[images.upload(images.jpeg_bytes())])
    assert again.status_code == 302
    assert Violation.objects.count() == 1 and Evidence.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (images.png_declaring(100_000, 100_000), "bom.png", "quá lớn"),
        (images.truncated_jpeg(), "cut.jpg", "không đầy đủ"),
        (images.svg_bytes(), "x.svg", "không phải là ảnh"),
        (images.html_bytes(), "trang.jpg", "không phải là ảnh"),
        (images.jpeg_zip_polyglot(), "poly.jpg", "nội dung khác ngoài ảnh"),
    ],
)
def test_a_hostile_file_is_a_form_error_and_nothing_is_saved(
    login, personas, inspection, catalogue, data, name, message
):
    good = images.upload(images.jpeg_bytes(), "tot.jpg")
    response = record(login(personas.inspector), inspection, catalogue, photos=[good, images.upload(data, name)])
    assert response.status_code == 400
    assert message in response.getvalue().decode() and name in response.getvalue().decode()
    assert not Violation.objects.exists() and not Evidence.objects.exists() and stored_files() == []


def test_the_typeahead_finds_the_units_staff_by_name_only(login, personas, inspection, offender, tree):
    make_person(unit=tree.other, full_name="Trịnh Văn Khác")
    url = reverse("evaluations:person_search", args=[inspection.pk])
    html = login(personas.inspector).get(url, {"q": "Trịnh"}, HTTP_HX_REQUEST="true").getvalue().decode()
    assert "Trịnh Văn Uống" in html and "Trịnh Văn Khác" not in html


def test_a_person_of_another_unit_cannot_be_named(login, personas, inspection, catalogue, tree):
    stranger = make_person(unit=tree.other)
    response = record(login(personas.inspector), inspection, catalogue, person=stranger)
    assert response.status_code == 400
    assert not Violation.objects.exists()


@pytest.fixture
def drinking(inspection, catalogue, offender, personas):
    violation = make_violation(
        inspection=inspection, type=catalogue.alcohol_type, person=offender, recorded_by=personas.inspector
    )
    inspection.status = InspectionStatus.SUBMITTED
    inspection.save()
    return violation


@pytest.mark.parametrize(
    ("persona", "named"),
    [
        ("unit_head", True),
        ("inspector", True),
        ("council_member", True),
        ("secretary", True),
        ("clerk", False),
        ("administrator", False),
    ],
)
def test_a_sensitive_violation_names_the_person_only_to_the_listed_roles(login, personas, drinking, persona, named):
    client = login(getattr(personas, persona))
    detail = client.get(reverse("evaluations:violation_detail", args=[drinking.pk])).getvalue().decode()
    export = client.get(reverse("evaluations:violations"), {"_export": "csv"}).getvalue().decode("utf-8-sig")
    assert ("Trịnh Văn Uống" in detail) is named
    assert ("Trịnh Văn Uống" in export) is named
    assert "Sở Nội vụ" in export  # the unit is always shown


def test_the_person_themself_sees_their_sensitive_violation(login, drinking, offender):
    offender.user = make_user()
    offender.save()
    detail = login(offender.user).get(reverse("evaluations:violation_detail", args=[drinking.pk]))
    assert "Trịnh Văn Uống" in detail.getvalue().decode()


def test_evidence_is_served_only_through_the_checked_view(
    login, client, personas, inspection, catalogue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record(login(personas.inspector), inspection, catalogue, photos=[images.upload(images.jpeg_bytes())])
    evidence = Evidence.objects.get()
    url = reverse("evaluations:evidence_file", args=[evidence.pk])
    response = login(personas.inspector).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == "inline"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "JPEG"
    thumb = login(personas.inspector).get(reverse("evaluations:evidence_thumbnail", args=[evidence.pk]))
    assert thumb.status_code == 200
    assert login(personas.outsider).get(url).status_code == 404
    assert login(personas.unit_head).get(url).status_code == 404  # the inspection is still a draft
    client.logout()
    assert client.get(url)["Location"].startswith(reverse("account_login"))


def test_photos_of_a_sensitive_violation_follow_the_naming_rule(login, personas, drinking):
    evidence = Evidence.objects.create(
        violation=drinking,
        image="evidence/x.jpg",
        thumbnail="evidence/y.jpg",
        content_type="image/jpeg",
        width=1,
        height=1,
        byte_size=1,
    )
    assert login(personas.clerk).get(reverse("evaluations:evidence_file", args=[evidence.pk])).status_code == 403


def test_more_photos_can_be_added_while_the_inspection_is_a_draft(login, personas, inspection, catalogue):
    violation = make_violation(inspection=inspection, type=catalogue.badge_type)
    url = reverse("evaluations:violation_add_photos", args=[violation.pk])
    login(personas.inspector).post(
        url, {"photos": [images.upload(images.png_bytes()), images.upload(images.webp_bytes())]}
    )
    assert violation.evidence.count() == 2
    login(personas.inspector).post(
        url, {"photos": [images.upload(images.jpeg_bytes()), images.upload(images.svg_bytes())]}
    )
    assert violation.evidence.count() == 2


def test_status_changes_are_recorded_and_illegal_ones_refused(personas, inspection, catalogue):
    violation = make_violation(inspection=inspection, type=catalogue.badge_type)
    change_violation_status(
        violation=violation, to_status=ViolationStatus.CONTESTED, by=personas.unit_head, reason="Có phép"
    )
    change_violation_status(violation=violation, to_status=ViolationStatus.DISMISSED, by=personas.administrator)
    with pytest.raises(ValidationError):
        change_violation_status(violation=violation, to_status=ViolationStatus.UPHELD, by=personas.administrator)
    lines = [(c.from_status, c.to_status, c.reason) for c in StatusChange.objects.for_object(violation)]
    assert lines == [("recorded", "contested", "Có phép"), ("contested", "dismissed", "")]


def test_only_upheld_violations_within_dates_are_read_for_scoring(catalogue, tree):
    day = timezone.make_aware(datetime.datetime(2024, 6, 1, 9))
    kept = make_violation(unit=tree.home, type=catalogue.badge_type, occurred_at=day, status=ViolationStatus.UPHELD)
    make_violation(unit=tree.home, type=catalogue.badge_type, occurred_at=day, status=ViolationStatus.DISMISSED)
    make_violation(unit=tree.home, type=catalogue.badge_type, occurred_at=day.replace(year=2023), status="upheld")
    found = Violation.objects.upheld().between(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert list(found) == [kept]


def test_staff_see_only_their_own_violations_in_the_list(login, personas, drinking, catalogue, inspection):
    own = make_violation(
        inspection=inspection, type=catalogue.badge_type, person=Person.objects.get(user=personas.staff)
    )
    rows = login(personas.staff).get(reverse("evaluations:violations")).context["table"].rows
    assert [row.record for row in rows] == [own]


def test_the_violation_list_costs_the_same_queries_for_3_or_30_rows(login, personas, inspection, catalogue, offender):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_list():
        client = login(personas.unit_head)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("evaluations:violations")).status_code == 200
        return len(captured)

    inspection.status = InspectionStatus.SUBMITTED
    inspection.save()
    for _ in range(3):
        make_violation(inspection=inspection, type=catalogue.alcohol_type, person=offender)
    few = queries_for_list()
    for _ in range(27):
        make_violation(inspection=inspection, type=catalogue.alcohol_type, person=offender)
    assert queries_for_list() == few


def test_stored_photos_have_no_public_url(login, client, personas, inspection, catalogue):
    record(login(personas.inspector), inspection, catalogue, photos=[images.upload(images.jpeg_bytes())])
    evidence = Evidence.objects.get()
    assert evidence.image.path.startswith(str(settings.MEDIA_ROOT))
    for guess in (f"{settings.MEDIA_URL}{evidence.image.name}", f"/media/{evidence.image.name}"):
        assert login(personas.inspector).get(guess).status_code == 404


def test_an_inspector_lists_only_the_inspections_of_their_teams(login, personas, inspection, tree):
    from tests.factories import make_inspection, make_user_with_role
    from units.models import Role

    colleague = make_user_with_role(Role.INSPECTOR, tree.province, person_unit=tree.other)
    make_inspection(unit=tree.home, lead=colleague)
    rows = login(personas.inspector).get(reverse("evaluations:inspections")).context["table"].rows
    assert [row.record for row in rows] == [inspection]
