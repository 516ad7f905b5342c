"""Files given as evidence for an appeal or a corrective action: photos through the photo checks, or PDF documents.

Rules:
- a photo goes through `evaluations.photos.clean_photo` (content-sniffed, re-encoded without metadata, thumbnailed);
- a PDF is recognised from its bytes (it starts with %PDF- and ends with %%EOF), is at most EVIDENCE_MAX_BYTES,
  and is refused when it carries active content (JavaScript, launch actions, embedded files);
- anything else is refused with a message saying why; storing is all or nothing.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from evaluations.appeals.models import Appeal, Attachment, CorrectiveAction
from evaluations.photos import CleanPhoto, clean_photo

ACTIVE_PDF_CONTENT = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b")


def clean_document(data: bytes) -> CleanPhoto:
    """A PDF kept byte for byte (it is served as a download only); no thumbnail."""
    if not data.rstrip().endswith(b"%%EOF"):
        raise ValidationError(_("Tệp PDF bị hỏng hoặc không đầy đủ."), code="corrupt")
    if ACTIVE_PDF_CONTENT.search(data):
        raise ValidationError(_("Tệp PDF có chứa mã chạy hoặc tệp nhúng nên không được nhận."), code="active")
    return CleanPhoto(data, b"", "pdf", "application/pdf", 0, 0)


def clean_attachment(upload) -> CleanPhoto:
    """A photo or a PDF from an upload, checked by content; raises ValidationError saying why not."""
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
        raise ValidationError(_("Tệp lớn hơn %(limit)s MB.") % {"limit": limit}, code="size")
    upload.seek(0)
    head = upload.read(5)
    if head == b"%PDF-":
        upload.seek(0)
        return clean_document(upload.read())
    return clean_photo(upload)


def store_attachments(
    *, files: list[CleanPhoto], by, appeal: Appeal | None = None, action: CorrectiveAction | None = None
) -> list[Attachment]:
    """Write the files; if one write fails the ones already written are removed and the error goes on."""
    stored = []
    try:
        for clean in files:
            attachment = Attachment(
                appeal=appeal,
                corrective_action=action,
                content_type=clean.content_type,
                byte_size=len(clean.data),
                uploaded_by=by,
            )
            attachment.file.save(f"file.{clean.extension}", ContentFile(clean.data), save=False)
            stored.append(attachment)
            if clean.thumbnail:
                attachment.thumbnail.save("thumb.jpg", ContentFile(clean.thumbnail), save=False)
            attachment.save()
    except Exception:
        for attachment in stored:
            attachment.file.delete(save=False)
            if attachment.thumbnail:
                attachment.thumbnail.delete(save=False)
        raise
    return stored
