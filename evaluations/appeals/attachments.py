"""Files given as evidence for an appeal or a corrective action, checked by `units.uploads.clean_upload` (photos
re-encoded, PDFs parsed); storing is all or nothing."""

from django.core.files.base import ContentFile

from evaluations.appeals.models import Appeal, Attachment, CorrectiveAction
from units.uploads import CleanPhoto


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
