"""Documents built in code, honest and hostile, for the upload tests of every form (photos: evaluations/images)."""

import io
import zipfile

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from tests.evaluations import images


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_opening_with(action: dict) -> bytes:
    """A one-page PDF whose catalogue runs `action` on opening, written with object streams (compressed)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    entries = {
        NameObject(key): NameObject(v) if v.startswith("/") else TextStringObject(v) for key, v in action.items()
    }
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(DictionaryObject(entries))
    writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_javascript() -> bytes:
    return pdf_opening_with({"/S": "/JavaScript", "/JS": "app.alert('x');"})


def pdf_with_launch_action() -> bytes:
    return pdf_opening_with({"/S": "/Launch", "/F": "calc.exe"})


def pdf_with_embedded_file() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("payload.exe", b"MZ\x90\x00")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def malformed_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


# name → (file name, bytes): refused by every upload form.
HOSTILE = {
    "png-bomb": ("anh.png", lambda: images.png_declaring(30000, 30000)),
    "truncated-jpeg": ("anh.jpg", images.truncated_jpeg),
    "svg-with-script": ("anh.svg", images.svg_bytes),
    "html-renamed-jpg": ("anh.jpg", images.html_bytes),
    "gif": ("anh.gif", lambda: gif_bytes()),
    "empty": ("anh.jpg", lambda: b""),
    "pdf-with-javascript": ("to-trinh.pdf", pdf_with_javascript),
    "pdf-with-launch": ("to-trinh.pdf", pdf_with_launch_action),
    "pdf-with-embedded-file": ("to-trinh.pdf", pdf_with_embedded_file),
    "malformed-pdf": ("to-trinh.pdf", malformed_pdf),
    "word-document": ("bao-cao.docx", docx_bytes),
}


def gif_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, format="GIF")
    return buffer.getvalue()
