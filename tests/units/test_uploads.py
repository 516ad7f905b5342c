"""One path for every uploaded file: every form field that takes a file refuses the hostile set with a Vietnamese
reason, keeps honest photos and PDFs, and strips a photo's metadata; replaced and deleted files leave storage."""

import importlib
import io
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests import files
from tests.evaluations import images
from units.uploads import clean_photo, clean_upload

APPS = ["units", "evaluations", "emulation"]
# Imports of data (CSV/XLSX) are parsed row by row and a certificate PDF on the verify page is only hashed: neither
# is stored or served, so neither is an evidence upload.
NOT_EVIDENCE = {"ImportFileForm", "CertificateFileForm", "SignatureCheckForm"}


def upload_fields() -> list[tuple[str, str, forms.Field]]:
    """(form, field name, field) for every file field of every form in the project."""
    for app in APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if module.name.rsplit(".", 1)[-1] in {"forms", "views"}:
                importlib.import_module(module.name)
    found, stack = [], list(forms.Form.__subclasses__())
    while stack:
        form = stack.pop()
        stack.extend(form.__subclasses__())
        if form.__module__.split(".")[0] in APPS and form.__name__ not in NOT_EVIDENCE:
            found += [(form.__name__, n, f) for n, f in form.base_fields.items() if isinstance(f, forms.FileField)]
    return sorted(found, key=lambda row: row[:2])


FIELDS = upload_fields()
IDS = [f"{form}.{name}" for form, name, _f in FIELDS]


def test_every_upload_form_of_the_project_is_walked():
    names = {form for form, _n, _f in FIELDS}
    assert {"ViolationForm", "StandaloneViolationForm", "AppealForm", "ActionDoneForm"} <= names
    assert {"AttachmentForm", "ClaimForm"} <= names


def as_upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def cleaned(field, upload):
    value = field.clean([upload] if field.widget.allow_multiple_selected else upload)
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("hostile", sorted(files.HOSTILE))
@pytest.mark.parametrize(("form", "name", "field"), FIELDS, ids=IDS)
def test_every_upload_form_refuses_the_hostile_file_in_vietnamese(form, name, field, hostile):
    file_name, build = files.HOSTILE[hostile]
    with pytest.raises(ValidationError) as refused:
        cleaned(field, as_upload(file_name, build()))
    message = " ".join(refused.value.messages)
    assert not any(word in message for word in ("file", "File", "allowed", "image", "extension")), message


@pytest.mark.parametrize(("form", "name", "field"), FIELDS, ids=IDS)
def test_every_upload_form_keeps_a_photo_without_its_gps_and_device(form, name, field):
    clean = cleaned(field, as_upload("anh.jpg", images.jpeg_with_gps_and_orientation()))
    if not clean.thumbnail:  # received for background processing: the task's re-encoding is what gets stored
        clean = clean_photo(as_upload("anh.jpg", clean.data))
    stored = Image.open(io.BytesIO(clean.data))
    assert stored.format == "JPEG" and not stored.getexif() and (stored.width, stored.height) == (20, 60)


DOCUMENT_FIELDS = [(form, name, field) for form, name, field in FIELDS if "pdf" in field.widget.attrs.get("accept", "")]


@pytest.mark.parametrize(("form", "name", "field"), DOCUMENT_FIELDS, ids=[f"{f}.{n}" for f, n, _ in DOCUMENT_FIELDS])
def test_every_form_that_takes_documents_keeps_an_honest_pdf_byte_for_byte(form, name, field):
    assert cleaned(field, as_upload("to-trinh.pdf", files.pdf_bytes())).data == files.pdf_bytes()


def test_the_pixel_limit_is_applied_per_call_and_pillow_is_left_alone():
    before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(ValidationError):
        clean_upload(as_upload("anh.png", images.png_declaring(30000, 30000)))
    assert before == Image.MAX_IMAGE_PIXELS


def test_an_office_file_is_refused_with_a_reason_and_a_way_out():
    with pytest.raises(ValidationError, match="lưu thành PDF"):
        clean_upload(as_upload("bao-cao.docx", files.docx_bytes()))


@pytest.mark.parametrize("build", [images.jpeg_bytes, images.png_bytes, images.webp_bytes])
def test_a_photo_received_for_later_keeps_its_bytes_and_a_cut_off_one_is_refused(build):
    from units.uploads import receive_photo

    data = build()
    received = receive_photo(as_upload("anh", data))
    assert received.data == data and not received.thumbnail and (received.width, received.height) > (0, 0)
    with pytest.raises(ValidationError, match="không đầy đủ|không phải là ảnh"):  # WebP: Pillow reads it all at once
        receive_photo(as_upload("anh", data[: len(data) - 30]))


def test_a_received_file_that_is_no_photo_or_empty_is_refused_in_vietnamese():
    from units.uploads import receive_photo

    with pytest.raises(ValidationError, match="không phải là ảnh"):
        receive_photo(as_upload("anh.jpg", b"GIF89a" + bytes(100)))
    with pytest.raises(ValidationError, match="rỗng"):
        receive_photo(as_upload("anh.jpg", b""))
