"""The templated signer (emulation/signing.py): the CMS container is pyHanko's, built once and re-used, so each
document's signature costs one digest and one raw signature — and must be exactly what pyHanko itself would write."""

import asyncio
import hashlib
import io
from pathlib import Path

import pytest
from asn1crypto import cms
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers

from emulation.demo_signing_key import write_demo_credentials
from emulation.pdfs import render_pdf
from emulation.signing import (
    PLACEHOLDER_DIGEST,
    SignatureState,
    configured_signer,
    der,
    load_signer,
    sign_pdf,
    signature_status,
)

# As every signing test: outside the database mark, after a browser test, pyHanko's asyncio.run met a running loop.
pytestmark = pytest.mark.django_db


@pytest.fixture
def key(settings, tmp_path):
    ca, signer = write_demo_credentials(tmp_path / "keys")
    settings.SIGNING_PKCS12_PATH, settings.SIGNING_TRUST_ROOTS = str(signer), str(ca)
    return signer


def pdf(name: str) -> bytes:
    return render_pdf("pdf/document.html", {"doc": {"issuer": name}, "title": name})


def embedded(data: bytes):
    return PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]


def test_two_documents_signed_from_the_template_are_valid_each_with_its_own_digest(key):
    first, second = sign_pdf(pdf("Sở Nội vụ"), reason="a"), sign_pdf(pdf("Sở Tài chính"), reason="b")
    assert signature_status(first).state == signature_status(second).state == SignatureState.VALID
    digests = [embedded(data).signer_info["signed_attrs"][1]["values"][0].native for data in (first, second)]
    assert digests[0] != digests[1] and PLACEHOLDER_DIGEST not in digests


def test_a_templated_container_is_the_one_pyhanko_writes_apart_from_the_signature_value(key):
    signer = configured_signer()
    digest = hashlib.sha256(b"document").digest()
    ours = asyncio.run(signer.async_sign(digest, "sha256", use_pades=True))
    ours = asyncio.run(signer.async_sign(digest, "sha256", use_pades=True))  # the second one comes from the template
    plain = signers.SimpleSigner.load_pkcs12(pfx_file=str(key))
    theirs = cms.ContentInfo.load(asyncio.run(plain.async_sign(digest, "sha256", use_pades=True)).dump())
    ours, theirs = ours["content"], theirs["content"]
    for name in ("version", "digest_algorithms", "encap_content_info", "certificates"):
        assert ours[name].dump() == theirs[name].dump()
    mine, pyhanko = ours["signer_infos"][0], theirs["signer_infos"][0]
    for name in ("version", "sid", "digest_algorithm", "signed_attrs", "signature_algorithm"):
        assert mine[name].dump() == pyhanko[name].dump()
    assert mine["signature"].native != pyhanko["signature"].native  # ECDSA: a fresh signature each time


def test_the_key_is_loaded_once_and_again_when_its_file_is_replaced(key, tmp_path, settings):
    load_signer.cache_clear()
    sign_pdf(pdf("A"), reason="a")
    sign_pdf(pdf("B"), reason="b")
    assert load_signer.cache_info().misses == 1
    _ca, other = write_demo_credentials(tmp_path / "other")
    Path(key).write_bytes(Path(other).read_bytes())
    settings.SIGNING_TRUST_ROOTS = str(_ca)
    assert signature_status(sign_pdf(pdf("C"), reason="c")).state == SignatureState.VALID
    assert load_signer.cache_info().misses == 2


def test_der_lengths_short_and_long():
    assert der(0x04, b"ab") == b"\x04\x02ab"
    assert der(0x04, b"x" * 200)[:3] == b"\x04\x81\xc8"
    assert der(0x04, b"x" * 300)[:4] == b"\x04\x82\x01\x2c"
