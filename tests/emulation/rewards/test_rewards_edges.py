"""Edges of the money and paperwork pages: names of the data rows, a body without a fund, the superuser's and the
anonymous reader's reach, an administrator uploading a dossier template, the signature check's limits."""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from emulation.models import AwardCoefficient, BaseSalary, ConsultationRule, DocumentKind, DossierTemplate, RewardFund
from emulation.rewards.fund import overspend_warnings
from emulation.rewards.permissions import funds_for_user
from emulation.statistics.permissions import statistics_bodies
from tests.factories import enrol_totp, make_user
from units.models import Unit

pytestmark = pytest.mark.django_db


def test_data_rows_name_themselves_in_the_admin(tree):
    assert str(BaseSalary.objects.get(effective_from=datetime.date(2026, 7, 1))) == "2.530.000 đ — 01/07/2026"
    coefficient = AwardCoefficient.objects.filter(title__code="LDTT").first()
    assert str(coefficient) == "Lao động tiên tiến (Cá nhân) × 0.30"
    fund = RewardFund.objects.create(unit=tree.province, year=2026, budget=1)
    assert str(fund) == "Quỹ thi đua, khen thưởng Tỉnh Đắk Nông năm 2026"
    rule = ConsultationRule.objects.create(
        title=coefficient.title, days=7, legal_basis="x", effective_from=datetime.date(2024, 1, 1)
    )
    assert str(rule) == "Lao động tiên tiến — 7"
    template = DossierTemplate(kind=DocumentKind.MINUTES)
    assert str(template).startswith("Trích biên bản họp Hội đồng")


def test_a_body_without_a_fund_signs_without_warning(issue, people):
    draft = issue([(people.an, "CSTD_TINH")])
    assert overspend_warnings(decision=draft, on=datetime.date(2026, 7, 1)) == []


def test_a_superuser_reads_every_fund_and_body_and_an_anonymous_reader_none(tree):
    RewardFund.objects.create(unit=tree.other, year=2026, budget=1)
    root = make_user(is_superuser=True)
    assert funds_for_user(root).count() == 1 and statistics_bodies(root).count() == Unit.objects.count()
    assert not funds_for_user(AnonymousUser()).exists() and not statistics_bodies(AnonymousUser()).exists()


def test_an_administrator_uploads_a_provinces_template_in_the_admin(client, tree):
    root = make_user(is_superuser=True, is_staff=True)
    enrol_totp(root)
    client.force_login(root)
    buffer = io.BytesIO()
    Document().save(buffer)
    upload = SimpleUploadedFile("mau.docx", buffer.getvalue())
    response = client.post(
        reverse("admin:emulation_dossiertemplate_add"),
        {"kind": DocumentKind.PROPOSAL, "note": "Mẫu tỉnh", "file": upload},
    )
    assert response.status_code == 302
    assert DossierTemplate.objects.get().uploaded_by == root


def test_the_signature_check_refuses_a_large_file_and_too_many_requests(client, settings):
    settings.EVIDENCE_MAX_BYTES = 10
    big = SimpleUploadedFile("a.pdf", b"%PDF-1.4 " + b"x" * 20, content_type="application/pdf")
    assert "Tệp quá lớn." in client.post(reverse("signature_check"), {"pdf": big}).content.decode()
    settings.VERIFY_RATE_LIMIT_PER_MINUTE = 0
    assert client.post(reverse("signature_check"), {}).status_code == 429
