"""Every uploaded file, whatever the form, takes this one path: judged by its content, then stored only as a clean
re-encoding (photos) or a parsed, inert document (PDF). Nothing else is accepted.

Rules for photos:
- only JPEG, PNG and WebP, recognised from the bytes (the file name and the browser's content type are ignored);
- at most EVIDENCE_MAX_BYTES bytes and EVIDENCE_MAX_PIXELS pixels, judged per call from the header before any pixel
  is decoded (Pillow's process-wide limit is left alone); Pillow's own bomb warning is an error inside the call,
  so a bomb is a form error, never a 500;
- the header is verified, then the image is fully decoded, so truncated and corrupt files are refused;
- polyglots are refused: a file that is also a ZIP archive, or carries HTML/SVG/script markup, is not a photo,
  even though re-encoding would drop the payload — the uploader should know the file was not what it seemed;
- EXIF orientation is applied, then the pixels are re-encoded with no metadata at all (no GPS, device, time).

Photos received for background processing (`receive_photo`: an inspector's evidence, answered within a second
for a 12-MP photo): the request checks what costs milliseconds — size, format and pixel count from the header
(a bomb is refused before any pixel is decoded), a complete file (its end marker), polyglots — and keeps the bytes
as received; a task then runs `clean_photo` (full decode, EXIF orientation, re-encoding without metadata,
thumbnail). The received bytes are never served.

Rules for documents:
- a PDF is recognised from its bytes, parsed with pypdf (at least one page) and refused when malformed or carrying
  active content (JavaScript, launch and other actions, embedded files, rich media, XFA forms); it is kept byte for
  byte and served as a download only;
- Word, Excel and OpenDocument files are refused: their macros and embedded objects cannot be checked here, so the
  uploader is asked to save them as PDF.

Replaced or deleted files leave storage once the database change is committed (`delete_file_after_commit`).
"""

import io
import re
import warnings
import zipfile
from dataclasses import dataclass, replace

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MARKUP = re.compile(rb"<(?:html|script|svg|iframe|body|\?php|!doctype)", re.IGNORECASE)


@dataclass(frozen=True)
class CleanPhoto:
    """A checked file ready to store: a re-encoded photo with its thumbnail, or a PDF (no thumbnail)."""

    data: bytes
    thumbnail: bytes
    extension: str
    content_type: str
    width: int
    height: int
    original_name: str = ""  # the uploader's file name: a label only, never a storage path


def is_zip_archive(data: bytes) -> bool:
    """A readable ZIP directory with at least one entry (a stray end-of-archive signature in photo data is not)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return bool(archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


def refuse_polyglot(data: bytes) -> None:
    if is_zip_archive(data) or MARKUP.search(data):
        raise ValidationError(
            _("Tệp này chứa cả nội dung khác ngoài ảnh (tệp nén hoặc mã HTML/SVG) nên không được nhận."),
            code="polyglot",
        )


def decode(data: bytes) -> Image.Image:
    """Open, verify and fully decode the bytes; every failure becomes a ValidationError with a clear message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."), code="format")
            refuse_too_large(*probe.size)
            probe.verify()
            image = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
            image.load()
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn."), code="bomb") from None
    except UnidentifiedImageError:
        raise ValidationError(_("Tệp không phải là ảnh JPEG, PNG hoặc WebP."), code="format") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(_("Ảnh bị hỏng hoặc không đầy đủ (tải lên bị ngắt?)."), code="corrupt") from None


def refuse_too_large(width: int, height: int) -> None:
    if width * height > settings.EVIDENCE_MAX_PIXELS:
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn."), code="bomb")


def encode(image: Image.Image) -> tuple[bytes, str]:
    """Pixels only: a fresh JPEG (or PNG when there is transparency) written without any metadata."""
    buffer = io.BytesIO()
    if image.mode in {"RGBA", "LA"}:
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue(), "png"
    (image if image.mode in {"RGB", "L"} else image.convert("RGB")).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue(), "jpg"


def shrunk(image: Image.Image, side: int) -> Image.Image:
    """An image no larger than side × side, carrying no metadata of the original. A large image is resized
    straight from the original (reducing first, as `thumbnail` does) rather than copied whole and then shrunk:
    a 12-MP photo costs one full-size buffer, not two; one small enough is kept as it is (it was decoded for this
    call alone), its metadata dropped — no copy."""
    if max(image.size) > side:
        scale = side / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    image.info = {}
    return image


def clean_photo(upload) -> CleanPhoto:
    """Check one uploaded file and return its clean re-encoding, or raise ValidationError saying why not."""
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(_("Ảnh lớn hơn %(limit)s.") % {"limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)})
    upload.seek(0)
    data = upload.read()
    image = decode(data)
    refuse_polyglot(data)
    ImageOps.exif_transpose(image, in_place=True)  # in place: no second full-size copy
    if image.mode not in {"RGB", "RGBA", "L", "LA"}:
        transparent = image.mode == "PA" or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    kept = shrunk(image, settings.EVIDENCE_STORED_MAX_SIDE)
    stored, extension = encode(kept)
    thumbnail, _ext = encode(
        shrunk(kept if kept.mode == "RGB" else kept.convert("RGB"), settings.EVIDENCE_THUMBNAIL_SIDE)
    )
    content_type = "image/png" if extension == "png" else "image/jpeg"
    return CleanPhoto(stored, thumbnail, extension, content_type, kept.width, kept.height)


END_MARKERS = {"JPEG": (b"\xff\xd9",), "PNG": (b"IEND\xaeB`\x82",)}
EXTENSIONS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


def is_complete(data: bytes, format: str) -> bool:
    """The file ends where its format says it ends (a cut-off upload does not); WebP by its RIFF length."""
    if format == "WEBP":
        return len(data) >= 12 and int.from_bytes(data[4:8], "little") + 8 <= len(data)
    tail = data[-64:]  # some cameras pad after the end marker
    return any(marker in tail for marker in END_MARKERS[format])


def receive_photo(upload) -> CleanPhoto:
    """The quick checks of a photo processed later (see the module's rules): the bytes as received, with the format,
    the header's size and no thumbnail yet; raises ValidationError saying why not."""
    if upload.size == 0:
        raise ValidationError(_("Tệp rỗng."), code="empty")
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(_("Ảnh lớn hơn %(limit)s.") % {"limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)})
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
            refuse_too_large(*probe.size)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn."), code="bomb") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(_("Tệp không phải là ảnh JPEG, PNG hoặc WebP."), code="format") from None
    refuse_polyglot(data)
    if not is_complete(data, probe.format):
        raise ValidationError(_("Ảnh bị hỏng hoặc không đầy đủ (tải lên bị ngắt?)."), code="corrupt")
    extension, content_type = EXTENSIONS[probe.format]
    return CleanPhoto(data, b"", extension, content_type, probe.width, probe.height, original_name=upload.name)


ACTIVE_PDF_CONTENT = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|OpenAction|AA)\b")
ACTIVE_PDF_KEYS = {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA", "/AA"}
ACTIVE_PDF_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/GoToE", "/RichMediaExecute"}
OFFICE_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # OOXML / OpenDocument (ZIP) and legacy OLE (.doc, .xls)


def has_active_content(reader: PdfReader) -> bool:
    """Any dictionary reachable from the trailer (compressed object streams included) names an action or an
    embedded file; the walk visits every object once."""
    seen, stack = set(), [reader.trailer]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            if ACTIVE_PDF_KEYS & set(node.keys()) or node.get("/S") in ACTIVE_PDF_ACTIONS:
                return True
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return False


def clean_pdf(data: bytes) -> CleanPhoto:
    """A PDF that pypdf parses into at least one page and that carries no active content, kept byte for byte."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) == 0:
            raise ValidationError(_("Tệp PDF không có trang nào."), code="corrupt")
        active = has_active_content(reader) or bool(ACTIVE_PDF_CONTENT.search(data))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise ValidationError(_("Tệp PDF bị hỏng hoặc không đầy đủ."), code="corrupt") from None
    if active:
        raise ValidationError(
            _("Tệp PDF có chứa mã chạy, hành động tự động hoặc tệp nhúng nên không được nhận."), code="active"
        )
    return CleanPhoto(data, b"", "pdf", "application/pdf", 0, 0)


def clean_upload(upload, *, documents: bool = True) -> CleanPhoto:
    """The one check of every uploaded file: a photo (re-encoded) or, when `documents`, a PDF (parsed); office
    files, empty files, markup and anything else are refused with a message saying why."""
    if upload.size == 0:
        raise ValidationError(_("Tệp rỗng."), code="empty")
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(_("Tệp lớn hơn %(limit)s.") % {"limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)})
    upload.seek(0)
    head = upload.read(8)
    if documents and head.startswith(b"%PDF-"):
        upload.seek(0)
        return replace(clean_pdf(upload.read()), original_name=upload.name)
    if documents and head.startswith(OFFICE_SIGNATURES):
        raise ValidationError(
            _(
                "Không nhận tệp Word, Excel hoặc OpenDocument (không kiểm tra được macro và đối tượng nhúng): hãy lưu "
                "thành PDF rồi tải lên."
            ),
            code="office",
        )
    return replace(clean_photo(upload), original_name=upload.name)


def delete_file_after_commit(name: str, storage) -> None:
    """Remove a replaced or deleted file from storage once the change that let it go is committed (never before:
    a rolled-back change keeps pointing at it)."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def delete_stored_files(sender, instance, **kwargs) -> None:
    """A deleted row's files (of any FileField) leave storage after the commit."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.FileField):
            stored = getattr(instance, field.attname)
            delete_file_after_commit(stored.name, stored.storage)


def connect_file_cleanup() -> None:
    """Every model with a file field, in every app, removes its files when a row is deleted (cascades included)."""
    for model in apps.get_models():
        if any(isinstance(field, models.FileField) for field in model._meta.concrete_fields):
            post_delete.connect(delete_stored_files, sender=model, dispatch_uid=f"files-{model._meta.label}")
