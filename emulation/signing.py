"""PAdES signatures on the PDFs the app issues (decisions, certificates), and the check of an uploaded PDF's signature.

Rules
-----
- The authority's key is a PKCS#12 file (`SIGNING_PKCS12_PATH`, passphrase `SIGNING_PKCS12_PASSPHRASE`); without
  either setting the demo credentials under MEDIA_ROOT/private/signing/ are used when present (`load_demo` writes
  them). In production the key stays on a PKCS#11 token (USB token or HSM, pyHanko's `pkcs11` signer): see README.
- No key: PDFs are issued unsigned (the signature is an addition, never a condition of download).
- Speed (a batch signs thousands of certificates): the key is loaded once per process, the CMS container of the
  signer is built by pyHanko once (for a placeholder digest) and then re-used as a template — each document only
  gets its message digest put in and the signed attributes signed (`TemplatedSigner`); the space reserved for the
  signature is known from that template, so pyHanko's dry-run signing to estimate it is skipped. The result is the
  same CMS structure pyHanko writes (tests compare them), at a tenth of the cost.
- An uploaded PDF's signature is "valid" when every signature is intact and chains to a trust root
  (`SIGNING_TRUST_ROOTS`, PEM files; default the demo CA), "invalid" when one is altered or untrusted, and "absent"
  when the file carries none (or is not a PDF).
"""

import datetime
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import cms
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


PLACEHOLDER_DIGEST = bytes(range(0xA0, 0xC0))  # 32 bytes (SHA-256) found once in the template's signed attributes


def der(tag: int, body: bytes) -> bytes:
    """One DER element: tag, definite length, contents."""
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + body


class TemplatedSigner(signers.SimpleSigner):
    """pyHanko's signer whose CMS container is built once (for a placeholder digest) and re-used: per document only
    the message digest changes in the signed attributes, which are then signed — everything else (certificates,
    algorithms, signing-certificate-v2, CMS algorithm protection) is the same bytes pyHanko would write again."""

    _template: tuple | None = None

    async def _build_template(self, digest_algorithm: str, **kwargs) -> tuple:
        reference = await super().async_sign(PLACEHOLDER_DIGEST, digest_algorithm, **kwargs)
        reference = cms.ContentInfo.load(reference.dump())
        signed_data = reference["content"]
        info = signed_data["signer_infos"][0]
        attributes = info["signed_attrs"].dump()  # implicitly tagged [0]; signed as a SET
        if attributes.count(PLACEHOLDER_DIGEST) != 1 or info["unsigned_attrs"].dump():
            raise ValueError("unexpected signed attributes: no template")
        head = b"".join(info[name].dump() for name in ("version", "sid", "digest_algorithm"))
        fields_before = ("version", "digest_algorithms", "encap_content_info", "certificates", "crls")
        prefix = b"".join(signed_data[name].dump() for name in fields_before)
        self.reserved = 2 * (len(reference.dump()) + 32)  # hex digits, with room for the longest signature value
        return reference["content_type"].dump(), prefix, head, attributes, info["signature_algorithm"].dump()

    async def async_sign(self, data_digest: bytes, digest_algorithm: str, dry_run=False, **kwargs) -> cms.ContentInfo:
        if dry_run or len(data_digest) != len(PLACEHOLDER_DIGEST):
            return await super().async_sign(data_digest, digest_algorithm, dry_run=dry_run, **kwargs)
        if self._template is None:
            self._template = await self._build_template(digest_algorithm, **kwargs)
        content_type, prefix, head, attributes, algorithm = self._template
        attributes = attributes.replace(PLACEHOLDER_DIGEST, data_digest)
        signature = await self.async_sign_raw(b"\x31" + attributes[1:], digest_algorithm)
        signer_info = der(0x30, head + attributes + algorithm + der(0x04, signature))
        signed_data = der(0x30, prefix + der(0x31, signer_info))
        return cms.ContentInfo.load(der(0x30, content_type + der(0xA0, signed_data)))


@functools.lru_cache(maxsize=4)
def load_signer(path: str, modified_ns: int, passphrase: bytes | None) -> TemplatedSigner:
    """The key of the file as it is now (a replaced file has another modification time, so it is loaded again)."""
    loaded = signers.SimpleSigner.load_pkcs12(pfx_file=path, passphrase=passphrase)
    signer = TemplatedSigner(
        signing_cert=loaded.signing_cert, signing_key=loaded.signing_key, cert_registry=loaded.cert_registry
    )
    return signer


def configured_signer() -> TemplatedSigner | None:
    path = signer_file()
    if path is None:
        return None
    return load_signer(str(path), path.stat().st_mtime_ns, settings.SIGNING_PKCS12_PASSPHRASE.encode() or None)


def sign_pdf(pdf: bytes, *, reason: str, location: str = "") -> bytes:
    """The PDF with a PAdES signature of the configured key added (incremental update); unchanged without a key."""
    signer = configured_signer()
    if signer is None:
        return pdf
    meta = signers.PdfSignatureMetadata(
        field_name="ChuKySo", reason=reason, location=location, subfilter=fields.SigSeedSubFilter.PADES
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    reserved = getattr(signer, "reserved", None)  # unknown before the first signature: pyHanko estimates it once
    return signers.sign_pdf(writer, meta, signer=signer, bytes_reserved=reserved).getvalue()


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
