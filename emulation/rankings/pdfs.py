"""The bloc ranking report as a PDF."""

from django.utils.translation import gettext as _

from emulation.pdfs import Letterhead, place_of, render_pdf

TABLE_ROWS = 100  # one xhtml2pdf table re-splits at every page, a cost growing with the square of its rows


def parts(rows: list) -> list[list]:
    """A bloc's rows as tables of TABLE_ROWS (one empty table when there are none, to say so)."""
    return [rows[i : i + TABLE_ROWS] for i in range(0, len(rows), TABLE_ROWS)] or [[]]


def ranking_sheet(*, period, blocs, authority, min_inspections, printed_on) -> bytes:
    """The council's ranking sheet (A4 landscape): each bloc's ranked units, then its units flagged for
    insufficient evidence with the reason — a flagged unit is listed, never given a rank."""
    sections = [
        {
            "bloc": bloc,
            "ranked_parts": parts([score for score in scores if not score.insufficient_evidence]),
            "flagged": [score for score in scores if score.insufficient_evidence],
        }
        for bloc, scores in blocs
    ]
    doc = Letterhead(
        issuer=_("Hội đồng Thi đua – Khen thưởng"),
        parent=authority.name if authority else "",
        place=place_of(authority) if authority else "",
        day=printed_on,
        signer_position=_("TM. Hội đồng Thi đua – Khen thưởng"),
    )
    context = {
        "doc": doc,
        "period": period,
        "sections": sections,
        "authority": authority,
        "min_inspections": min_inspections,
        "printed_on": printed_on,
    }
    return render_pdf("emulation/rankings/pdf/ranking.html", context)
