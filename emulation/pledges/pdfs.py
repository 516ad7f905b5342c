"""The pledge's registration sheet as a PDF."""

from emulation.pdfs import render_pdf
from emulation.pledges.models import Pledge


def registration_sheet(pledge: Pledge) -> bytes:
    """The unit's registration sheet: commitments, own targets, collective title and each person's title."""
    context = {
        "pledge": pledge,
        "items": pledge.commitment_items.order_by("position", "code"),
        "registrations": pledge.registrations.select_related("person", "title").order_by("person__full_name"),
    }
    return render_pdf("emulation/pledges/pdf/registration_sheet.html", context)
