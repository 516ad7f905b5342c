"""Dossier documents of a demo-like nomination, rendered as DOCX and PDF and read back: the nominee's full Vietnamese
name, the title, the vote figures and the records appear exactly; a province's own template replaces the default;
the documents follow the nomination's access rules."""

import datetime
import io
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from docx import Document

from emulation.council import sessions as council_sessions
from emulation.council.ballots import voting
from emulation.models import Authority, Choice, DocumentKind, DossierTemplate, Title
from evaluations.records.models import AnnualRating, DisciplineRecord, Initiative
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.emulation.factories import make_period
from tests.factories import make_person

pytestmark = pytest.mark.django_db

SLUGS = ["to-trinh", "bao-cao-thanh-tich", "bien-ban", "trich-ngang"]


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


def pdf_text(data: bytes) -> str:
    return " ".join(subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True).stdout.decode().split())


@pytest.fixture
def nomination(tree, personas):
    """Nguyễn Thị Ánh Tuyết of Văn phòng Sở Nội vụ proposed for Chiến sĩ thi đua cơ sở 2026, with two years' ratings,
    an initiative, and a council vote of 8 agree, 1 disagree over 10 members (80 %)."""
    person = make_person(unit=tree.sub, full_name="Nguyễn Thị Ánh Tuyết", position="Chuyên viên chính")
    AnnualRating.objects.create(person=person, year=2026, rating="htxsnv", source="QĐ 12/QĐ-SNV")
    AnnualRating.objects.create(person=person, year=2025, rating="httnv", source="QĐ 8/QĐ-SNV")
    Initiative.objects.create(
        person=person, title="Số hóa hồ sơ thi đua", level="co_so", recognised_on=datetime.date(2026, 5, 4)
    )
    title = Title.objects.get(code="CSTDCS")
    nomination = make_nomination(
        person=person, title=title, period=make_period(name="Năm 2026"), proposed_by=personas.unit_head
    )
    council = make_council(tree.province, size=10, secretary=personas.secretary)
    make_rule(title, pct="80")
    session = open_session_with(council, nomination, present=9)
    ballot = council_sessions.open_ballot(session=session, nomination=nomination, by=council.secretary)
    for member, choice in zip(members(council)[:9], [Choice.AGREE] * 8 + [Choice.DISAGREE], strict=True):
        voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
    voting.close_ballot(ballot=ballot, by=council.secretary)
    nomination.refresh_from_db()
    return nomination


def fetch(client, nomination, slug, fmt):
    return client.get(reverse("emulation:dossier_document", args=[nomination.pk, slug, fmt]))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("slug", SLUGS)
def test_each_document_carries_the_name_the_title_and_the_vote_from_the_records(login, personas, nomination, slug, fmt):
    response = fetch(login(personas.secretary), nomination, slug, fmt)
    assert response.status_code == 200
    text = (docx_text if fmt == "docx" else pdf_text)(response.content)
    assert "Nguyễn Thị Ánh Tuyết" in text
    assert "chiến sĩ thi đua cơ sở" in text.lower()  # the report's heading is in capitals
    if slug != "bao-cao-thanh-tich":
        assert "8/10" in text and "80 %" in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_achievement_report_lists_ratings_initiatives_and_says_no_discipline(login, personas, nomination, fmt):
    response = fetch(login(personas.secretary), nomination, SLUGS[1], fmt)
    text = (docx_text if fmt == "docx" else pdf_text)(response.content)
    for expected in ("Hoàn thành xuất sắc nhiệm vụ", "QĐ 12/QĐ-SNV", "Hoàn thành tốt nhiệm vụ", "Số hóa hồ sơ thi đua"):
        assert expected in text, expected
    assert "Chuyên viên chính" in text


def test_a_discipline_of_the_year_appears_in_the_report(login, personas, nomination):
    DisciplineRecord.objects.create(
        person=nomination.person, form="khien_trach", decided_on=datetime.date(2026, 3, 1), decision_number="5/QĐ-KL"
    )
    text = docx_text(fetch(login(personas.secretary), nomination, SLUGS[1], "docx").content)
    assert "Khiển trách (5/QĐ-KL, 01/03/2026)" in text


def test_a_collective_nomination_gets_the_collective_report(login, personas, tree):
    nomination = make_nomination(unit=tree.sub, title=Title.objects.get(code="TTLDXS"), proposed_by=personas.unit_head)
    text = docx_text(fetch(login(personas.unit_head), nomination, SLUGS[1], "docx").content)
    assert "Tên tập thể: Văn phòng Sở Nội vụ" in text and "TẬP THỂ LAO ĐỘNG XUẤT SẮC" in text


def test_a_provinces_own_template_for_the_competent_authority_replaces_the_default(login, personas, nomination):
    own = Document()
    own.add_paragraph("MẪU RIÊNG CỦA TỈNH: {{ nominee.name }} — {{ authority }}")
    buffer = io.BytesIO()
    own.save(buffer)
    authority = Authority.objects.get(code="GD_SO")
    DossierTemplate.objects.create(
        kind=DocumentKind.PROPOSAL, authority=authority, file=ContentFile(buffer.getvalue(), name="to-trinh.docx")
    )
    text = docx_text(fetch(login(personas.secretary), nomination, "to-trinh", "docx").content)
    assert text == f"MẪU RIÊNG CỦA TỈNH: Nguyễn Thị Ánh Tuyết — {authority.name}"


def test_the_documents_follow_the_nominations_access(client, login, personas, nomination):
    url = reverse("emulation:dossier_document", args=[nomination.pk, "to-trinh", "pdf"])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    assert login(personas.outsider).get(url).status_code == 404
    assert login(personas.unit_head).get(url).status_code == 200
    assert fetch(login(personas.secretary), nomination, "unknown", "pdf").status_code == 404


def test_the_short_list_shows_only_nominations_the_reader_may_see(login, personas, nomination, tree):
    other = make_nomination(person=make_person(unit=tree.other, full_name="Lý Thị Bên Ngoài"), title=nomination.title)
    other.session = nomination.session
    other.save()
    secretary_text = docx_text(fetch(login(personas.secretary), nomination, "trich-ngang", "docx").content)
    head_text = docx_text(fetch(login(personas.unit_head), nomination, "trich-ngang", "docx").content)
    assert "Lý Thị Bên Ngoài" in secretary_text
    assert "Lý Thị Bên Ngoài" not in head_text and "Nguyễn Thị Ánh Tuyết" in head_text
