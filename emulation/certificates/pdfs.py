"""Certificate and register PDFs: the authority's chosen design (Giấy khen or Bằng khen, A4 landscape) with the
national heading, the recipient, the decision, the signer, the serial and a QR code to the public verification page.

The font, resource policy and NFC normalisation are those of `emulation.pdfs.render_pdf`.
"""

import datetime
from types import SimpleNamespace

import segno
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from emulation.certificates.models import Certificate
from emulation.decisions.models import Decision
from emulation.pdfs import letterhead_for, render_pdf, table_pages
from emulation.signing import sign_pdf

# Any of the eight masks gives a valid code; a fixed one skips segno's search for the best (¾ of its time). A URL
# never fits a Micro QR, so segno is told not to try (half of what was left; the same code).
QR_MASK = 4

TEMPLATES = {
    "giay_khen": "emulation/certificates/pdf/certificate_giay_khen.html",
    "bang_khen": "emulation/certificates/pdf/certificate_bang_khen.html",
}


def qr_data_uri(url: str) -> str:
    """A PNG QR code of the URL as a data URI; its size (module scale) is a setting."""
    code = segno.make(url, error="m", mask=QR_MASK, micro=False)
    return code.png_data_uri(scale=settings.CERTIFICATE_QR_SCALE, border=2)


def live_facts(certificate: Certificate) -> dict:
    """What the certificate would print from today's records (frozen into `Certificate.printed` at issue)."""
    award = certificate.award
    decision = award.decision
    return {
        "recipient": str(award.recipient),
        "recipient_unit": award.person.unit.name if award.person_id else "",
        "what": award.what.name,
        "is_title": award.title_id is not None,
        "achievement": award.achievement,
        "decision_number": decision.number,
        "decision_date": decision.decided_on.isoformat() if decision.decided_on else "",
        "issuer": decision.unit.name,
        "authority": decision.authority.name,
        "signer_name": decision.signer_name,
        "signer_position": decision.signer_position,
        "serial": certificate.serial,
        "place": certificate.place,
    }


def certificate_context(certificate: Certificate) -> dict:
    """What a certificate printed (its frozen facts), and therefore everything the public verification page shows."""
    facts = certificate.printed or live_facts(certificate)
    decided_on = datetime.date.fromisoformat(facts["decision_date"]) if facts["decision_date"] else None
    return {
        "certificate": certificate,
        "serial": facts["serial"],
        "issuer": SimpleNamespace(name=facts["issuer"]),
        "authority": SimpleNamespace(name=facts["authority"]),
        "recipient": facts["recipient"],
        "recipient_unit": SimpleNamespace(name=facts["recipient_unit"]) if facts["recipient_unit"] else None,
        "what": SimpleNamespace(name=facts["what"]),
        "is_title": facts["is_title"],
        "achievement": facts["achievement"],
        "decision": SimpleNamespace(
            number=facts["decision_number"],
            decided_on=decided_on,
            signer_name=facts["signer_name"],
            signer_position=facts["signer_position"],
        ),
        "place": facts["place"],
    }


CURRENT_NAME_LABELS = {"recipient": _("Người/tập thể được khen"), "recipient_unit": _("Đơn vị"), "issuer": _("Cơ quan")}


def current_names(certificate: Certificate) -> dict:
    """Names that changed since the certificate was printed (a rename or merger): field → today's name."""
    if not certificate.printed:
        return {}
    live = live_facts(certificate)
    return {key: live[key] for key in CURRENT_NAME_LABELS if live[key] and live[key] != certificate.printed[key]}


def certificate_pdf(certificate: Certificate) -> bytes:
    context = {**certificate_context(certificate), "qr": qr_data_uri(certificate.verify_url)}
    reason = f"{certificate.award.what} — {certificate.award.decision}"
    return sign_pdf(render_pdf(TEMPLATES[certificate.template], context), reason=reason)


SAMPLE_FACTS = {
    "recipient": "Nguyễn Văn A",
    "recipient_unit": "Phòng Tổ chức",
    "what": "Lao động tiên tiến",
    "is_title": True,
    "achievement": "",
    "decision_number": "1/QĐ",
    "decision_date": "2025-01-15",
    "issuer": "Sở Nội vụ",
    "authority": "Giám đốc Sở",
    "signer_name": "Trần Thị B",
    "signer_position": "Giám đốc",
    "serial": "00001/GK-SNV/2025",
    "place": "Đắk Nông",
}


def warm_up() -> None:
    """Load once per worker process what every certificate needs — the renderer's modules and fonts, both designs'
    templates, the QR encoder, the signer and its CMS template — by printing a sample of each design (nothing is
    stored), so a batch's first certificates cost what the others do."""
    for template in TEMPLATES:
        sample = Certificate(template=template, serial=SAMPLE_FACTS["serial"], printed=SAMPLE_FACTS)
        context = {**certificate_context(sample), "qr": qr_data_uri(sample.verify_url)}
        sign_pdf(render_pdf(TEMPLATES[template], context), reason=SAMPLE_FACTS["what"])


def register_pdf(decision: Decision, certificates) -> bytes:
    """The register (sổ theo dõi) of one decision's certificates: serial, recipient, title, decision, status."""
    doc = letterhead_for(
        decision.unit,
        number=decision.number,
        day=decision.decided_on,
        signer_position=decision.signer_position,
        signer_name=decision.signer_name,
    )
    context = {"doc": doc, "decision": decision, "pages": table_pages(certificates, first=14, then=20)}
    return render_pdf("emulation/certificates/pdf/certificate_register.html", context)
