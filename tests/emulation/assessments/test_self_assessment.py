from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from emulation.assessments.services import claim_points, verify_line
from emulation.models import CriterionMethod, CriterionSource, PeriodStatus
from tests.emulation.factories import make_criterion, make_period, make_pledge, make_scheme

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
    upload = SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4")
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
