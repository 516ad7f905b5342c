"""An inspector's photos in the background: the request stores the photo as received (after the quick checks of
`units.uploads.receive_photo`) and queues `process_evidence`, which re-encodes it without metadata and makes the
thumbnail; the violation's page shows a placeholder until then.

Rules
-----
- The received bytes are never served: the photo and thumbnail views answer 404 until the photo is ready.
- Processing is idempotent: it takes the evidence's row lock and does nothing unless the photo is still processing,
  so a task delivered twice processes it once.
- A photo that fails the full check (e.g. corrupt pixels behind a valid header) is kept as a row marked failed, with
  the reason in Vietnamese shown in its place; the received bytes are deleted either way.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from evaluations.inspections.models import Evidence, EvidenceStatus
from units.uploads import clean_photo, delete_file_after_commit


def process_evidence(evidence_id: int) -> str:
    """Re-encode one received photo and make its thumbnail; returns the evidence's status afterwards."""
    with transaction.atomic():
        evidence = Evidence.objects.select_for_update().filter(pk=evidence_id).first()
        if evidence is None or evidence.status != EvidenceStatus.PROCESSING:
            return evidence.status if evidence else ""
        received = evidence.image.name
        try:
            with evidence.image.open("rb") as handle:
                photo = clean_photo(ContentFile(handle.read()))
        except (ValidationError, FileNotFoundError) as error:
            messages = getattr(error, "messages", None) or ["Không đọc được tệp ảnh đã nhận."]
            evidence.status, evidence.error = EvidenceStatus.FAILED, " ".join(messages)[:300]
            evidence.save(update_fields=["status", "error"])
        else:
            evidence.image.save(f"photo.{photo.extension}", ContentFile(photo.data), save=False)
            evidence.thumbnail.save("thumb.jpg", ContentFile(photo.thumbnail), save=False)
            evidence.content_type, evidence.width, evidence.height = photo.content_type, photo.width, photo.height
            evidence.byte_size, evidence.status = len(photo.data), EvidenceStatus.READY
            evidence.save()
        delete_file_after_commit(received, evidence.image.storage)
    return evidence.status
