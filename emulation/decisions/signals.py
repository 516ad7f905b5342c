"""What decisions tell the concepts above them: a decision was signed, or is about to be."""

from django.dispatch import Signal

# Sent inside the transaction that signed the decision, with `decision` (number and date set) and `awards`.
decision_signed = Signal()

# Sent by the signing page before the signature is recorded, with `decision` and `on` (the date it would carry);
# each receiver returns a list of warnings (text) the signer reads first, e.g. the reward fund would be overspent.
decision_signing = Signal()
