import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from emulation.assessments.services import claim_points, verify_line
from emulation.models import CriterionMethod, CriterionSource, PeriodStatus
from tests import files
from tests.emulation.factories import make_criterion, make_period, make_pledge, make_scheme
from tests.evaluations import images
from units.uploads import clean_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tree):
    period = make_period(status=PeriodStatus.IN_PROGRESS)
    scheme = make_scheme(period)
    return make_pledge(unit=tree.home, period=period), make_criterion(scheme, max_points=Decimal("5"))


def test_claim_is_bounded_by_the_criterion_and_its_step(personas, setup):
    pledge, criterion = setup
    for bad in (Decimal("5.5"), Decimal("-1"), Decimal("2.25")):
        with pytest.raises(ValidationError):
            claim_points(pledge=pledge, criterion=criterion, points=bad, note="", evidence=None, by=personas.unit_head)
    line = claim_points(
        pledge=pledge, criterion=criterion, points=Decimal("4.5"), note="", evidence=None, by=personas.clerk
    )
    assert line.claimed_points == Decimal("4.5")


def test_only_self_assessed_criteria_are_claimed(personas, setup):
    pledge, _criterion = setup
    kpi = make_criterion(pledge.period.scheme, source=CriterionSource.KPI, method=CriterionMethod.KPI_THRESHOLD_LINEAR)
    with pytest.raises(ValidationError):
        claim_points(pledge=pledge, criterion=kpi, points=Decimal("1"), note="", evidence=None, by=personas.unit_head)


def test_evidence_required_criteria_need_a_file(personas, setup):
    pledge, criterion = setup
    criterion.evidence_required = True
    criterion.save()
    with pytest.raises(ValidationError):
        claim_points(
            pledge=pledge, criterion=criterion, points=Decimal("3"), note="", evidence=None, by=personas.unit_head
        )
    upload = clean_upload(SimpleUploadedFile("ke-hoach.pdf", files.pdf_bytes()))
    line = claim_points(
        pledge=pledge, criterion=criterion, points=Decimal("3"), note="", evidence=upload, by=personas.unit_head
    )
    assert line.evidence.name.endswith(".pdf")


def test_verifier_confirms_or_adjusts_with_reason_and_a_new_claim_clears_it(personas, setup):
    pledge, criterion = setup
    line = claim_points(
        pledge=pledge, criterion=criterion, points=Decimal("5"), note="", evidence=None, by=personas.unit_head
    )
    with pytest.raises(PermissionDenied):
        verify_line(line=line, points=Decimal("5"), reason="", by=personas.unit_head)
    with pytest.raises(ValidationError):
        verify_line(line=line, points=Decimal("3"), reason="", by=personas.inspector)
    line = verify_line(line=line, points=Decimal("3"), reason="Chưa có biên bản", by=personas.inspector)
    assert line.is_adjusted and line.verifier == personas.inspector
    line = claim_points(
        pledge=pledge, criterion=criterion, points=Decimal("4"), note="", evidence=None, by=personas.unit_head
    )
    assert not line.is_verified


def test_no_claims_outside_the_self_assessment_stages(personas, setup):
    pledge, criterion = setup
    pledge.period.status = PeriodStatus.FINALIZED
    pledge.period.save()
    with pytest.raises(ValidationError):
        claim_points(
            pledge=pledge, criterion=criterion, points=Decimal("1"), note="", evidence=None, by=personas.unit_head
        )


def test_once_review_freezes_the_scores_no_claim_or_verification_is_taken(personas, setup):
    pledge, criterion = setup
    line = claim_points(
        pledge=pledge, criterion=criterion, points=Decimal("5"), note="", evidence=None, by=personas.unit_head
    )
    pledge.period.status = PeriodStatus.REVIEW
    pledge.period.save()
    with pytest.raises(ValidationError, match="đã được chốt"):
        verify_line(line=line, points=Decimal("4"), reason="Thiếu minh chứng", by=personas.inspector)
    with pytest.raises(ValidationError):
        claim_points(
            pledge=pledge, criterion=criterion, points=Decimal("2"), note="", evidence=None, by=personas.unit_head
        )
    line.refresh_from_db()
    assert line.verified_points is None


def claim_with(client, pledge, criterion, data: bytes, name: str = "minh-chung.jpg"):
    url = reverse("emulation:self_assessment_claim", args=[pledge.pk, criterion.pk])
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return client.post(url, {"points": "4", "note": "", "evidence": upload})


def test_evidence_is_re_encoded_without_gps_and_served_as_a_download_only(login, personas, setup):
    pledge, criterion = setup
    client = login(personas.unit_head)
    claim_with(client, pledge, criterion, images.jpeg_with_gps_and_orientation())
    line = pledge.self_assessments.get()
    response = client.get(reverse("emulation:self_assessment_evidence", args=[line.pk]))
    stored = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert not stored.getexif() and (stored.width, stored.height) == (20, 60)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        login(personas.outsider).get(reverse("emulation:self_assessment_evidence", args=[line.pk])).status_code == 404
    )


def test_an_html_file_renamed_jpg_is_refused_and_nothing_is_claimed(login, personas, setup):
    pledge, criterion = setup
    response = claim_with(login(personas.unit_head), pledge, criterion, images.html_bytes())
    assert response.status_code == 200 and "không phải là ảnh" in response.content.decode()
    assert not pledge.self_assessments.exists()


def test_replaced_evidence_leaves_storage_after_the_commit(login, personas, setup, django_capture_on_commit_callbacks):
    pledge, criterion = setup
    client = login(personas.unit_head)
    claim_with(client, pledge, criterion, images.jpeg_bytes())
    first = pledge.self_assessments.get().evidence
    storage, name = first.storage, first.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        claim_with(client, pledge, criterion, files.pdf_bytes(), name="ke-hoach.pdf")
    assert not storage.exists(name)
    line = pledge.self_assessments.get()
    assert line.evidence.name.endswith(".pdf") and storage.exists(line.evidence.name)
    with django_capture_on_commit_callbacks(execute=True):
        pledge.delete()
    assert not storage.exists(line.evidence.name)
