"""Rewards listen to decisions: money is fixed when a decision is signed; the signer is warned of an overspent fund;
the recipients' notification e-mails carry the signed decision's PDF (resolved here when each is sent)."""

from django.dispatch import receiver

from emulation.decisions.signals import AWARD_DECISION_PDF, decision_signed, decision_signing
from emulation.rewards.fund import overspend_warnings
from emulation.rewards.money import fix_amounts
from emulation.rewards.pdfs import award_decision_attachment
from units.notifications import attachments

attachments.register(AWARD_DECISION_PDF, award_decision_attachment)


@receiver(decision_signed, dispatch_uid="rewards_fix_amounts")
def fix_amounts_on_signing(sender, *, decision, awards, **kwargs):
    fix_amounts(decision=decision, awards=awards)


@receiver(decision_signing, dispatch_uid="rewards_overspend_warning")
def warn_of_overspending(sender, *, decision, on, **kwargs):
    return overspend_warnings(decision=decision, on=on)
