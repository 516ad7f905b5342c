"""The demo's signing credentials: a demo CA and an authority's signing certificate (PKCS#12, no passphrase),
written under MEDIA_ROOT/private/signing/ by `load_demo`. For demonstration only — never a real authority's key."""

import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings

from emulation.signing import DEMO_CA, DEMO_FOLDER, DEMO_SIGNER

CA_NAME = "Thi Đua Demo CA (không dùng thật)"
SIGNER_NAME = "UBND tỉnh Đắk Nông (chữ ký số demo)"
VALID_DAYS = 3650


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    )


def _certificate(subject, issuer, public_key, issuer_key, *, ca: bool) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    usage = dict.fromkeys(
        ["key_encipherment", "data_encipherment", "key_agreement", "encipher_only", "decipher_only"], False
    )
    builder = builder.add_extension(
        x509.KeyUsage(digital_signature=not ca, content_commitment=not ca, key_cert_sign=ca, crl_sign=ca, **usage),
        critical=True,
    )
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def write_demo_credentials(folder: Path) -> tuple[Path, Path]:
    """A CA certificate (PEM) and a signer certificate with its key (PKCS#12) in `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, signer_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_cert = _certificate(_name(CA_NAME), _name(CA_NAME), ca_key.public_key(), ca_key, ca=True)
    signer_cert = _certificate(_name(SIGNER_NAME), _name(CA_NAME), signer_key.public_key(), ca_key, ca=False)
    ca_path, signer_path = folder / DEMO_CA, folder / DEMO_SIGNER
    ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    bundle = pkcs12.serialize_key_and_certificates(
        b"demo-signer", signer_key, signer_cert, [ca_cert], serialization.NoEncryption()
    )
    signer_path.write_bytes(bundle)
    signer_path.chmod(0o600)
    return ca_path, signer_path


def build_demo() -> dict[str, int]:
    """Idempotent: keeps credentials already written; says how many it wrote (for load_demo's summary)."""
    folder = Path(settings.MEDIA_ROOT) / DEMO_FOLDER
    if (folder / DEMO_SIGNER).is_file():
        return {"demo signing key written": 0}
    write_demo_credentials(folder)
    return {"demo signing key written": 1}
