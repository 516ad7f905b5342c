"""The decision as a PDF: the official decision (Quyết định khen thưởng) and its annex of recipients and amounts;
and the same PDF attached to each recipient's notification e-mail."""

from django.core.cache import cache

from emulation.decisions.models import Award, Decision, DecisionStatus
from emulation.pdfs import render_pdf
from emulation.rewards.money import decision_money
from emulation.signing import sign_pdf
from units.notifications.attachments import Attachment

CACHE_SECONDS = 3600


def decision_pdf(decision: Decision, *, as_issued: bool = False) -> bytes:
    """National heading, issuing body, number and date, the articles, the signer; then the annex: each recipient, its
    unit, the title or form, the amount (fixed at signing; a draft's is marked as such), and the total. A revoked
    award's line says its money is to be recovered — unless `as_issued` (the decision as signed). A signed decision
    carries the authority's digital signature (when a key is configured)."""
    context = {"decision": decision, "money": decision_money(decision, as_issued=as_issued)}
    pdf = render_pdf("emulation/rewards/pdf/decision.html", context)
    if decision.status != DecisionStatus.SIGNED:
        return pdf
    return sign_pdf(pdf, reason=str(decision), location=decision.unit.name)


def pdf_filename(decision: Decision) -> str:
    return f"quyet-dinh-{decision.pk}.pdf"


def award_decision_attachment(user, key: str) -> Attachment | None:
    """The signed decision granting award `key`, for a user who still sees that award in force (its recipient, or a
    reader over it): the decision as signed — its number, date, signer and annex (names, units, titles, amounts),
    exactly what it published to those it names; never a later revocation of someone else. Rendered once per
    decision and signature (cached), not once per recipient."""
    award = Award.objects.for_user(user).in_force().filter(pk=int(key) if key.isdigit() else None).first()
    if award is None:
        return None
    decision = Decision.objects.select_related("unit", "authority", "period__movement").get(pk=award.decision_id)
    cache_key = f"decision-pdf-as-issued:{decision.pk}:{(decision.signed_at or decision.decided_on).isoformat()}"
    pdf = cache.get(cache_key)
    if pdf is None:
        pdf = decision_pdf(decision, as_issued=True)
        cache.set(cache_key, pdf, CACHE_SECONDS)
    return Attachment(pdf_filename(decision), pdf, "application/pdf")
