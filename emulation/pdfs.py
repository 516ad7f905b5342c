"""PDFs of the emulation app: template + context → bytes, Vietnamese text intact (embedded Be Vietnam Pro)."""

import io
import unicodedata
from pathlib import Path

import fontpkg_be_vietnam_pro
from django.template.loader import render_to_string
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from emulation.models import Pledge

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


def registration_sheet(pledge: Pledge) -> bytes:
    """The unit's registration sheet: commitments, own targets, collective title and each person's title."""
    context = {
        "pledge": pledge,
        "items": pledge.commitment_items.order_by("position", "code"),
        "registrations": pledge.registrations.select_related("person", "title").order_by("person__full_name"),
    }
    return render_pdf("emulation/pdf/registration_sheet.html", context)


def ranking_sheet(*, period, blocs, authority, min_inspections, printed_on) -> bytes:
    """The council's ranking sheet (A4 landscape): each bloc's ranked units, then its units flagged for
    insufficient evidence with the reason — a flagged unit is listed, never given a rank."""
    sections = [
        {
            "bloc": bloc,
            "ranked": [score for score in scores if not score.insufficient_evidence],
            "flagged": [score for score in scores if score.insufficient_evidence],
        }
        for bloc, scores in blocs
    ]
    context = {
        "period": period,
        "sections": sections,
        "authority": authority,
        "min_inspections": min_inspections,
        "printed_on": printed_on,
    }
    return render_pdf("emulation/pdf/ranking.html", context)


def minutes_pdf(session) -> bytes:
    """The session minutes (biên bản họp, A4 portrait): national heading, council, date, attendance and quorum, then
    each ballot's sealed result (agree / disagree, base, threshold, outcome, tie-break). Open ballots are listed as
    not yet counted."""
    attendance = session.attendance.select_related("member__person__unit").order_by("member__role", "pk")
    ballots = session.ballots.select_related(
        "nomination__person", "nomination__unit", "nomination__title", "nomination__award_form"
    ).prefetch_related("recused__person")
    context = {
        "session": session,
        "council": session.council,
        "attendance": attendance,
        "ballots": ballots.order_by("pk"),
    }
    return render_pdf("emulation/pdf/minutes.html", context)
