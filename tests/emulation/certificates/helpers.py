"""Helpers of the certificate tests: signed decisions with awards, and reading PDFs back with poppler and zbar."""

import datetime
import re
import subprocess
import tempfile
from pathlib import Path

from xhtml2pdf import pisa

from emulation.models import Authority, AwardStatus, CertificateDesign, DecisionStatus, Revocation, Title
from tests.emulation.factories import make_title
from tests.factories import make_award, make_decision, make_person, n
from units.models import Level


def make_authority(**overrides) -> Authority:
    """An authority of its own with a Giấy khen design (tests that flush the database cannot rely on seeded rows)."""
    i = n()
    fields = {"code": f"AUTH{i}", "name": f"Giám đốc Sở {i}", "unit_level": Level.DEPARTMENT}
    fields.update(overrides)
    fields.setdefault("effective_from", datetime.date(2020, 1, 1))
    authority = Authority.objects.create(**fields)
    CertificateDesign.objects.create(
        authority=authority, name="Giấy khen", template="giay_khen", serial_format="{number:05d}/GK-{unit}/{year}"
    )
    return authority


def make_signed_decision(unit, **overrides):
    """A signed decision of `unit` (default: Giám đốc Sở, Giấy khen), number and date given."""
    fields = {
        "unit": unit,
        "status": DecisionStatus.SIGNED,
        "number": f"{n()}/QĐ-SNV",
        "decided_on": datetime.date(2025, 1, 15),
        "signer_name": "Trần Văn Ký",
        "signer_position": "Giám đốc Sở Nội vụ",
    }
    fields.update(overrides)
    if "authority" not in fields:
        fields["authority"] = Authority.objects.get(code="GD_SO")
    return make_decision(**fields)


def make_awards(decision, count: int, unit, title: Title | None = None):
    """`count` awards of the decision to new people of `unit`."""
    title = title or make_title()
    return [make_award(decision, person=make_person(unit=unit), title=title) for _ in range(count)]


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdftotext extracts it, with runs of whitespace (line breaks) as one space."""
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", " ", text)


def qr_payload(data: bytes) -> str:
    """Page 1 rendered at 150 dpi and its QR code decoded by zbarimg."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "c.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", pdf, Path(folder) / "page"], check=True)
        image = next(Path(folder).glob("page*.png"))
        result = subprocess.run(["zbarimg", "--raw", "-q", image], capture_output=True, check=True)
        return result.stdout.decode().strip()


def revoke(award, by):
    revocation = Revocation.objects.create(
        award=award,
        reason="Kê khai thành tích không trung thực",
        number="3/QĐ-SNV",
        decided_on=datetime.date(2025, 6, 2),
        authority=award.decision.authority,
        revoked_by=by,
    )
    award.status, award.revocation = AwardStatus.REVOKED, revocation
    award.save(update_fields=["status", "revocation"])
    return revocation


def fail_for(monkeypatch, name: str) -> None:
    """xhtml2pdf (not our code) fails for the one certificate naming `name`."""
    real = pisa.CreatePDF

    def create_pdf(html, *args, **kwargs):
        if name in html:
            raise RuntimeError("renderer crashed")
        return real(html, *args, **kwargs)

    monkeypatch.setattr(pisa, "CreatePDF", create_pdf)
