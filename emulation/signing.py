"""PAdES signatures on the PDFs the app issues (decisions, certificates), and the check of an uploaded PDF's signature.

Rules
-----
- The authority's key is a PKCS#12 file (`SIGNING_PKCS12_PATH`, passphrase `SIGNING_PKCS12_PASSPHRASE`); without
  either setting the demo credentials under MEDIA_ROOT/private/signing/ are used when present (`load_demo` writes
  them). In production the key stays on a PKCS#11 token (USB token or HSM, pyHanko's `pkcs11` signer): see README.
- No key: PDFs are issued unsigned (the signature is an addition, never a condition of download).
- An uploaded PDF's signature is "valid" when every signature is intact and chains to a trust root
  (`SIGNING_TRUST_ROOTS`, PEM files; default the demo CA), "invalid" when one is altered or untrusted, and "absent"
  when the file carries none (or is not a PDF).
"""

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

DEMO_FOLDER = Path("private") / "signing"
DEMO_SIGNER, DEMO_CA = "demo-signer.p12", "demo-ca.pem"


class SignatureState(models.TextChoices):
    VALID = "valid", _("Chữ ký số hợp lệ")
    INVALID = "invalid", _("Chữ ký số không hợp lệ")
    ABSENT = "absent", _("Không có chữ ký số")


@dataclass
class SignatureStatus:
    state: str
    signer: str = ""
    signed_at: datetime.datetime | None = None

    @property
    def label(self) -> str:
        return SignatureState(self.state).label


def _demo(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / DEMO_FOLDER / name


def signer_file() -> Path | None:
    path = Path(settings.SIGNING_PKCS12_PATH) if settings.SIGNING_PKCS12_PATH else _demo(DEMO_SIGNER)
    return path if path.is_file() else None


def trust_roots() -> list:
    paths = [Path(p) for p in settings.SIGNING_TRUST_ROOTS.split(",") if p.strip()] or [_demo(DEMO_CA)]
    return [load_cert_from_pemder(str(path)) for path in paths if path.is_file()]


def sign_pdf(pdf: bytes, *, reason: str, location: str = "") -> bytes:
    """The PDF with a PAdES signature of the configured key added (incremental update); unchanged without a key."""
    path = signer_file()
    if path is None:
        return pdf
    passphrase = settings.SIGNING_PKCS12_PASSPHRASE.encode() or None
    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(path), passphrase=passphrase)
    meta = signers.PdfSignatureMetadata(
        field_name="ChuKySo", reason=reason, location=location, subfilter=fields.SigSeedSubFilter.PADES
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


def signature_status(pdf_bytes: bytes) -> SignatureStatus:
    """valid / invalid / absent, with the signer's name and the signing time of the last signature."""
    try:
        signatures = PdfFileReader(io.BytesIO(pdf_bytes), strict=False).embedded_signatures
    except Exception:  # not a PDF at all: nothing signed to report
        return SignatureStatus(SignatureState.ABSENT)
    if not signatures:
        return SignatureStatus(SignatureState.ABSENT)
    context = ValidationContext(trust_roots=trust_roots())
    try:
        results = [validate_pdf_signature(signature, context) for signature in signatures]
    except Exception:  # a malformed signature dictionary or certificate cannot be valid
        return SignatureStatus(SignatureState.INVALID)
    last = results[-1]
    signer = last.signing_cert.subject.native.get("common_name", "") if last.signing_cert else ""
    state = SignatureState.VALID if all(r.bottom_line for r in results) else SignatureState.INVALID
    return SignatureStatus(state, signer=signer, signed_at=last.signer_reported_dt)
