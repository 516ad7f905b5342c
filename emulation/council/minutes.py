"""The council session's minutes as a PDF."""

from emulation.pdfs import Letterhead, place_of, render_pdf


def minutes_pdf(session) -> bytes:
    """The session minutes (biên bản họp, A4 portrait): national heading, council, date, attendance and quorum, then
    each ballot's sealed result (agree / disagree, the base in words and the arithmetic, threshold, outcome,
    tie-break, a secretary's override of eligibility), then the results decided within a quota (order, chair's
    vote). Open ballots are listed as not yet counted."""
    attendance = session.attendance.select_related("member__person__unit").order_by("member__role", "pk")
    ballots = session.ballots.select_related(
        "nomination__person", "nomination__unit", "nomination__title", "nomination__award_form"
    ).prefetch_related("recused__person")
    council = session.council
    doc = Letterhead(issuer=council.name, parent=council.scope.name, place=place_of(council.scope), day=session.date)
    context = {
        "doc": doc,
        "session": session,
        "council": session.council,
        "attendance": attendance,
        "ballots": ballots.order_by("pk"),
        "quota_decisions": session.quota_decisions.select_related("title", "unit"),
    }
    return render_pdf("emulation/council/pdf/minutes.html", context)
