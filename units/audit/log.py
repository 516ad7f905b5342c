"""Appending to the audit log and checking its chain.

Rules
-----
- An entry's hash is the SHA-256 of a canonical JSON of its fields (sorted keys, UTC time) and the previous entry's
  hash; the first entry follows a chain of zeros. Sequence numbers run 1, 2, 3… without gaps.
- Appending takes a lock (a PostgreSQL advisory lock for the transaction; elsewhere the database's own write lock),
  so two writers never both extend the same last entry; the unique sequence number refuses a fork anyway.
- An entry is written inside the caller's transaction: an event whose change rolls back leaves no entry.
- The check walks the chain in order and names the first entry that was changed (its hash no longer matches) or
  that follows a missing one (its previous hash or number does not follow).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from units.audit.models import AuditEntry

GENESIS = "0" * 64
LOCK_KEY = 0x7448_6175_6469_74  # "tHaudit": one advisory lock for the whole log


def canonical(entry: AuditEntry) -> str:
    fields = {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(),
        "kind": entry.kind,
        "actor_id": entry.actor_id,
        "actor_name": entry.actor_name,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "summary": entry.summary,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry).encode()).hexdigest()


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def record_event(
    *, kind: str, obj=None, by=None, summary: str = "", data: dict | None = None, target: tuple[str, int] | None = None
) -> AuditEntry:
    """Append one decisive event to the log, chained to the last entry, inside the caller's transaction.
    The object is `obj`, or `target` = (model label, pk) where the caller may not import the model."""
    object_type, object_id = target or ((obj._meta.label_lower, obj.pk) if obj is not None else ("", ""))
    with transaction.atomic():
        _lock()
        last = AuditEntry.objects.order_by("-seq").values("seq", "hash").first() or {"seq": 0, "hash": GENESIS}
        actor = by if getattr(by, "is_authenticated", False) else None
        entry = AuditEntry(
            seq=last["seq"] + 1,
            at=timezone.now(),
            kind=kind,
            actor_id=actor.pk if actor else None,
            actor_name=str(actor) if actor else "",
            object_type=object_type,
            object_id=str(object_id),
            summary=(summary or str(obj or ""))[:500],
            data=json.loads(json.dumps(data or {}, default=str)),
            prev_hash=last["hash"],
        )
        entry.hash = entry_hash(entry)
        entry.save(force_insert=True)
        return entry


@dataclass
class ChainReport:
    checked: int
    broken_at: int | None = None  # the sequence number of the first bad entry
    reason: str = ""
    head: str = GENESIS

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    """Walk the log in order; stop at the first entry that was altered or follows a removed one."""
    previous_hash, expected_seq, checked = GENESIS, 1, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq or entry.prev_hash != previous_hash:
            reason = _("thiếu bản ghi ngay trước bản ghi này (bị xóa hoặc bị sửa mã liên kết)")
            return ChainReport(checked, entry.seq, reason, previous_hash)
        if entry.hash != entry_hash(entry):
            return ChainReport(checked, entry.seq, _("nội dung bản ghi đã bị sửa"), previous_hash)
        previous_hash, expected_seq, checked = entry.hash, entry.seq + 1, checked + 1
    return ChainReport(checked, head=previous_hash)
