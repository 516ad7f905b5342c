"""Rewards listen to decisions: money is fixed when a decision is signed; the signer is warned of an overspent fund."""

from django.dispatch import receiver

from emulation.decisions.signals import decision_signed, decision_signing
from emulation.rewards.fund import overspend_warnings
from emulation.rewards.money import fix_amounts


@receiver(decision_signed, dispatch_uid="rewards_fix_amounts")
def fix_amounts_on_signing(sender, *, decision, awards, **kwargs):
    fix_amounts(decision=decision, awards=awards)


@receiver(decision_signing, dispatch_uid="rewards_overspend_warning")
def warn_of_overspending(sender, *, decision, on, **kwargs):
    return overspend_warnings(decision=decision, on=on)
