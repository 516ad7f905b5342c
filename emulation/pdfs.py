"""PDFs of every concept: template + context → bytes, Vietnamese text intact.

Administrative documents share one layout (templates/pdf/document.html, Nghị định 30/2020/NĐ-CP): the issuing
body's name in capitals under its parent, the national motto, "Số: …", "<địa danh>, ngày … tháng … năm …", the
title in capitals and a signature block, set in Spectral (a serif covering every Vietnamese letter). The
certificates keep their own design in Be Vietnam Pro.
"""

import contextlib
import datetime
import io
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import fontpkg_be_vietnam_pro
import fontpkg_spectral
from django.template.loader import render_to_string
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy
from xhtml2pdf.xhtml2pdf_reportlab import PmlBaseDoc

FONT_DIR = Path(fontpkg_be_vietnam_pro.__file__).parent / "files"
SERIF_DIR = Path(fontpkg_spectral.__file__).parent / "files"

POLICY = ResourceAccessPolicy(allow_remote=False, extra_roots=(FONT_DIR, SERIF_DIR))

# Words that open an administrative unit's official name but not its place name ("Tỉnh Đắk Nông" → "Đắk Nông").
PLACE_PREFIXES = ("Thành phố ", "Tỉnh ", "Huyện ", "Thị xã ", "Quận ", "Xã ", "Phường ", "Thị trấn ")


class PdfError(RuntimeError):
    pass


@dataclass
class Letterhead:
    """What the document form prints around the body: issuer and parent, number, place and date, signer."""

    issuer: str
    parent: str = ""
    number: str = ""
    day: datetime.date | None = None
    place: str = ""
    signer_position: str = ""
    signer_name: str = ""


def place_of(unit) -> str:
    """The place name of a document: the province (root of the unit's tree) without its 'Tỉnh'/'Thành phố'."""
    root = unit.__class__.objects.filter(pk=unit.ancestor_ids()[0]).only("name").first() if unit.path else unit
    name = root.name if root else unit.name
    for prefix in PLACE_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def letterhead_for(unit, **fields) -> Letterhead:
    """The letterhead of a document issued by `unit`: its parent above it, its province as the place."""
    parent = unit.parent.name if unit.parent_id else ""
    return Letterhead(issuer=unit.name, parent=parent, place=place_of(unit), **fields)


def render_pdf(template: str, context: dict) -> bytes:
    """Render a template to PDF; the font folders are passed through the resource policy, the text NFC-normalised."""
    fonts = {"font_dir": FONT_DIR.as_posix(), "serif_dir": SERIF_DIR.as_posix()}
    html = unicodedata.normalize("NFC", render_to_string(template, {**context, **fonts}))
    buffer = io.BytesIO()
    status = pisa.CreatePDF(html, dest=buffer, encoding="utf-8", resource_policy=POLICY)
    if status.err:
        raise PdfError(f"xhtml2pdf reported {status.err} error(s) for {template}")
    return buffer.getvalue()


def table_pages(rows, *, first: int, then: int) -> list[list[tuple[int, object]]]:
    """Rows numbered from 1 and cut into one table a page (`first` rows under the letterhead, `then` on each next
    page): xhtml2pdf splits a long table again at every page, a cost that grows with the square of its rows (a
    1,000-row register took 47 s, 10× the time of 200 rows), while page-sized tables cost the same per row."""
    numbered = list(enumerate(rows, 1))
    pages = [numbered[:first]] if numbered else []
    pages += [numbered[i : i + then] for i in range(first, len(numbered), then)]
    return pages


_progress = threading.local()
_after_page = PmlBaseDoc.afterPage


def _after_page_told(doc) -> None:
    _after_page(doc)
    callback = getattr(_progress, "callback", None)
    if callback is not None:
        callback(doc.canv.getPageNumber())


PmlBaseDoc.afterPage = _after_page_told  # reportlab's hook after each page; silent unless `page_progress` is on


@contextlib.contextmanager
def page_progress(callback):
    """While rendering in this thread, `callback(page_number)` is told after each page is laid out."""
    _progress.callback = callback
    try:
        yield
    finally:
        _progress.callback = None
