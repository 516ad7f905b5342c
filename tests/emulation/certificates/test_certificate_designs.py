"""An administrator chooses each authority's certificate design: layout, serial format (with {number}, {year} and
{unit}) and place name; later certificates of that authority follow it."""

import pytest

from emulation.certificates.issuing import issue_certificate
from emulation.models import Authority, CertificateDesign
from tests.emulation.certificates.helpers import make_awards, make_signed_decision, pdf_text

pytestmark = pytest.mark.django_db


def design_url(authority):
    return f"/emulation/certificates/designs/{authority.pk}/"


def test_only_administrators_open_the_designs(client, login, personas):
    assert client.get("/emulation/certificates/designs/").status_code == 302
    for persona in [personas.secretary, personas.unit_head, personas.staff]:
        assert login(persona).get("/emulation/certificates/designs/").status_code == 403
    page = login(personas.administrator).get("/emulation/certificates/designs/").content.decode()
    assert (
        "Giám đốc Sở, Thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh" in page and "{number:05d}/GK-{unit}/{year}" in page
    )


def test_an_administrator_changes_an_authority_s_design_and_new_certificates_follow(login, personas, tree):
    authority = Authority.objects.get(code="GD_SO")
    data = {
        "name": "Bằng khen Sở",
        "template": "bang_khen",
        "serial_format": "{number:04d}-{unit}-{year}",
        "place": "Gia Nghĩa",
    }
    response = login(personas.administrator).post(design_url(authority), data)
    assert response.status_code == 302
    certificate = issue_certificate(award=make_awards(make_signed_decision(tree.home), 1, tree.sub)[0])
    assert certificate.serial == "0001-SNV-2025"
    text = pdf_text(certificate.pdf.read())
    assert "BẰNG KHEN" in text and "Gia Nghĩa, ngày 15 tháng 01 năm 2025" in text


def test_a_serial_format_without_the_issuing_body_is_refused(login, personas):
    authority = Authority.objects.get(code="GD_SO")
    data = {"name": "Giấy khen", "template": "giay_khen", "serial_format": "{number:05d}/GK/{year}", "place": ""}
    response = login(personas.administrator).post(design_url(authority), data)
    assert response.status_code == 200
    assert "Định dạng số hiệu phải có {number}, {year} và {unit}." in response.content.decode()
    assert CertificateDesign.objects.get(authority=authority).serial_format == "{number:05d}/GK-{unit}/{year}"


def test_a_broken_serial_format_is_refused(login, personas):
    authority = Authority.objects.get(code="GD_SO")
    data = {"name": "Giấy khen", "template": "giay_khen", "serial_format": "{number:05q}/{unit}/{year}", "place": ""}
    response = login(personas.administrator).post(design_url(authority), data)
    assert "Định dạng số hiệu không hợp lệ" in response.content.decode()
