"""The bloc ranking report as a PDF."""

from emulation.pdfs import render_pdf


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
    return render_pdf("emulation/rankings/pdf/ranking.html", context)
