"""The pledge's registration sheet as a PDF."""

from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.pdfs import letterhead_for, render_pdf
from emulation.pledges.models import Pledge


def registration_sheet(pledge: Pledge) -> bytes:
    """The unit's registration sheet: commitments, own targets, collective title and each person's title."""
    day = timezone.localdate(pledge.submitted_at) if pledge.submitted_at else timezone.localdate()
    signer = pledge.submitted_by.full_name if pledge.submitted_by_id else ""
    context = {
        "doc": letterhead_for(pledge.unit, day=day, signer_position=_("Thủ trưởng đơn vị"), signer_name=signer),
        "pledge": pledge,
        "items": pledge.commitment_items.order_by("position", "code"),
        "registrations": pledge.registrations.select_related("person", "title").order_by("person__full_name"),
    }
    return render_pdf("emulation/pledges/pdf/registration_sheet.html", context)
