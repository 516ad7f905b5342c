"""Evidence photos: judge the upload by its content, then store only a clean re-encoding and a thumbnail.

Rules:
- only JPEG, PNG and WebP, recognised from the bytes (the file name and the browser's content type are ignored);
- at most EVIDENCE_MAX_BYTES bytes and EVIDENCE_MAX_PIXELS pixels; Pillow's decompression-bomb limit is lowered to
  the same value and its warning is an error, so a bomb is a form error, never a 500;
- the header is verified, then the image is fully decoded, so truncated and corrupt files are refused;
- polyglots are refused: a file that is also a ZIP archive, or carries HTML/SVG/script markup, is not a photo,
  even though re-encoding would drop the payload — the uploader should know the file was not what it seemed;
- EXIF orientation is applied, then the pixels are re-encoded with no metadata at all (no GPS, device, time).
"""

import io
import re
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MARKUP = re.compile(rb"<(?:html|script|svg|iframe|body|\?php|!doctype)", re.IGNORECASE)


@dataclass(frozen=True)
class CleanPhoto:
    """A re-encoded photo ready to store: the image and its thumbnail, both without metadata."""

    data: bytes
    thumbnail: bytes
    extension: str
    content_type: str
    width: int
    height: int


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
    Image.MAX_IMAGE_PIXELS = settings.EVIDENCE_MAX_PIXELS
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."), code="format")
            refuse_too_large(*probe.size)
            probe.verify()
            image = Image.open(io.BytesIO(data))
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
    image.convert("RGB").save(buffer, format="JPEG", quality=85)
    return buffer.getvalue(), "jpg"


def shrunk(image: Image.Image, side: int) -> Image.Image:
    """A new image no larger than side × side, carrying no metadata of the original. A large image is resized
    straight from the original (reducing first, as `thumbnail` does) rather than copied whole and then shrunk:
    a 12-MP photo costs one full-size buffer, not two."""
    if max(image.size) <= side:
        image = image.copy()
    else:
        scale = side / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    image.info = {}
    return image


def clean_photo(upload) -> CleanPhoto:
    """Check one uploaded file and return its clean re-encoding, or raise ValidationError saying why not."""
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
        raise ValidationError(_("Ảnh lớn hơn %(limit)s MB.") % {"limit": limit}, code="size")
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
    thumbnail, _ext = encode(shrunk(kept.convert("RGB"), settings.EVIDENCE_THUMBNAIL_SIDE))
    content_type = "image/png" if extension == "png" else "image/jpeg"
    return CleanPhoto(stored, thumbnail, extension, content_type, kept.width, kept.height)
