"""Secret ballot papers sealed so that no database reader can open them.

Rules
-----
- Opening a secret ballot creates a fresh 256-bit key for it. The key is stored only wrapped (AES-256-GCM) under a
  key derived from the server's BALLOT_KEY setting, which lives in the environment, never in the database.
- A paper is the choice padded to a fixed length and sealed with AES-256-GCM under the ballot's key (random nonce,
  the ballot's id as associated data, so a paper cannot be moved to another ballot). Every paper has the same size.
  Papers are inserted once, under random UUIDs, and never updated or deleted while the ballot is open: there is no
  rewrite whose dead rows a reader could match to a voter's transaction, and the row a voter's transaction wrote
  holds only ciphertext.
- Closing opens the papers, counts them and deletes the ballot's key in the same transaction (on PostgreSQL the key
  table is then vacuumed, so the deleted row's tuple goes too): afterwards no one, not even with BALLOT_KEY, can open
  a paper of that ballot again.
"""

import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from emulation.council.models.ballots import Ballot, BallotKey, SecretVote

PAPER_SIZE = 16  # every choice is padded to this many bytes before sealing


def _server_key() -> AESGCM:
    return AESGCM(hashlib.sha256(b"thidua-ballot-key:" + settings.BALLOT_KEY.encode()).digest())


def _aad(ballot: Ballot, purpose: str) -> bytes:
    return f"{purpose}:{ballot.pk}".encode()


def _seal(cipher: AESGCM, data: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + cipher.encrypt(nonce, data, aad)


def create_key(ballot: Ballot) -> None:
    """A new secret ballot gets its own key, kept only wrapped under the server's key."""
    key = AESGCM.generate_key(bit_length=256)
    BallotKey.objects.create(ballot=ballot, wrapped=_seal(_server_key(), key, _aad(ballot, "key")))


def _ballot_cipher(ballot: Ballot) -> AESGCM:
    wrapped = BallotKey.objects.filter(ballot=ballot).values_list("wrapped", flat=True).first()
    if wrapped is None:
        raise ValidationError(_("Khóa của lượt bỏ phiếu kín không còn; không thể mở phiếu."))
    wrapped = bytes(wrapped)
    try:
        return AESGCM(_server_key().decrypt(wrapped[:12], wrapped[12:], _aad(ballot, "key")))
    except InvalidTag:
        raise ValidationError(_("Khóa máy chủ BALLOT_KEY không khớp với khóa của lượt bỏ phiếu kín.")) from None


def drop_paper(ballot: Ballot, choice: str) -> None:
    """Insert one sealed paper; nothing else of the ballot is written or rewritten."""
    paper = choice.encode().ljust(PAPER_SIZE, b"\0")
    SecretVote.objects.create(ballot=ballot, sealed=_seal(_ballot_cipher(ballot), paper, _aad(ballot, "paper")))


def open_papers(ballot: Ballot) -> list[str]:
    """Every paper's choice, in no meaningful order."""
    cipher, aad = _ballot_cipher(ballot), _aad(ballot, "paper")
    choices = []
    for sealed in ballot.secret_votes.values_list("sealed", flat=True):
        sealed = bytes(sealed)
        choices.append(cipher.decrypt(sealed[:12], sealed[12:], aad).rstrip(b"\0").decode())
    return choices


def destroy_key(ballot: Ballot) -> None:
    """The ballot's key is deleted; on PostgreSQL its dead tuple is vacuumed away after the commit."""
    BallotKey.objects.filter(ballot=ballot).delete()
    if connection.vendor == "postgresql":
        transaction.on_commit(_vacuum_keys)


def _vacuum_keys() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {connection.ops.quote_name(BallotKey._meta.db_table)}")
    except DatabaseError:  # inside an outer transaction (a test) VACUUM cannot run; autovacuum will
        pass
