"""The decision as a PDF: the official decision (Quyết định khen thưởng) and its annex of recipients and amounts."""

from emulation.decisions.models import Decision, DecisionStatus
from emulation.pdfs import render_pdf
from emulation.rewards.money import decision_money
from emulation.signing import sign_pdf


def decision_pdf(decision: Decision) -> bytes:
    """National heading, issuing body, number and date, the articles, the signer; then the annex: each recipient, its
    unit, the title or form, the amount (fixed at signing; a draft's is marked as such), and the total. A revoked
    award's line says its money is to be recovered. A signed decision carries the authority's digital signature
    (when a key is configured)."""
    context = {"decision": decision, "money": decision_money(decision)}
    pdf = render_pdf("emulation/rewards/pdf/decision.html", context)
    if decision.status != DecisionStatus.SIGNED:
        return pdf
    return sign_pdf(pdf, reason=str(decision), location=decision.unit.name)
