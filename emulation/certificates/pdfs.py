"""Certificate and register PDFs: the authority's chosen design (Giấy khen or Bằng khen, A4 landscape) with the
national heading, the recipient, the decision, the signer, the serial and a QR code to the public verification page.

The font, resource policy and NFC normalisation are those of `emulation.pdfs.render_pdf`.
"""

import segno
from django.conf import settings

from emulation.certificates.models import Certificate
from emulation.decisions.models import Decision
from emulation.pdfs import render_pdf
from emulation.signing import sign_pdf

TEMPLATES = {
    "giay_khen": "emulation/certificates/pdf/certificate_giay_khen.html",
    "bang_khen": "emulation/certificates/pdf/certificate_bang_khen.html",
}


def qr_data_uri(url: str) -> str:
    """A PNG QR code of the URL as a data URI; its size (module scale) is a setting."""
    return segno.make(url, error="m").png_data_uri(scale=settings.CERTIFICATE_QR_SCALE, border=2)


def certificate_context(certificate: Certificate) -> dict:
    """What a certificate prints, and therefore everything the public verification page may show."""
    award = certificate.award
    decision = award.decision
    return {
        "certificate": certificate,
        "issuer": decision.unit,
        "authority": decision.authority,
        "recipient": award.recipient,
        "recipient_unit": award.person.unit if award.person_id else None,
        "what": award.what,
        "is_title": award.title_id is not None,
        "achievement": award.achievement,
        "decision": decision,
        "place": certificate.place,
    }


def certificate_pdf(certificate: Certificate) -> bytes:
    context = {**certificate_context(certificate), "qr": qr_data_uri(certificate.verify_url)}
    reason = f"{certificate.award.what} — {certificate.award.decision}"
    return sign_pdf(render_pdf(TEMPLATES[certificate.template], context), reason=reason)


def register_pdf(decision: Decision, certificates) -> bytes:
    """The register (sổ theo dõi) of one decision's certificates: serial, recipient, title, decision, status."""
    return render_pdf(
        "emulation/certificates/pdf/certificate_register.html", {"decision": decision, "certificates": certificates}
    )
