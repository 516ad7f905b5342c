"""PDFs of every concept: template + context → bytes, Vietnamese text intact (embedded Be Vietnam Pro)."""

import io
import unicodedata
from pathlib import Path

import fontpkg_be_vietnam_pro
from django.template.loader import render_to_string
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

FONT_DIR = Path(fontpkg_be_vietnam_pro.__file__).parent / "files"

POLICY = ResourceAccessPolicy(allow_remote=False, extra_roots=(FONT_DIR,))


class PdfError(RuntimeError):
    pass


def render_pdf(template: str, context: dict) -> bytes:
    """Render a template to PDF; the font folder is passed through the resource policy, the text NFC-normalised."""
    html = unicodedata.normalize("NFC", render_to_string(template, {**context, "font_dir": FONT_DIR.as_posix()}))
    buffer = io.BytesIO()
    status = pisa.CreatePDF(html, dest=buffer, encoding="utf-8", resource_policy=POLICY)
    if status.err:
        raise PdfError(f"xhtml2pdf reported {status.err} error(s) for {template}")
    return buffer.getvalue()
