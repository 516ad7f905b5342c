"""What decisions tell the concepts above them: a decision was signed, or is about to be."""

from django.dispatch import Signal

# Sent inside the transaction that signed the decision, with `decision` (number and date set) and `awards`.
decision_signed = Signal()

# Sent by the signing page before the signature is recorded, with `decision` and `on` (the date it would carry);
# each receiver returns a list of warnings (text) the signer reads first, e.g. the reward fund would be overspent.
decision_signing = Signal()

# The attachment kind of a recipient's notification: the signed decision granting award <key>, as a PDF. Decisions
# name it; rewards (which renders the decision PDF) resolves it when the e-mail is sent.
AWARD_DECISION_PDF = "award_decision_pdf"
