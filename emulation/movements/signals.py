"""What movements tell the concepts above them: a period moved a step, or was re-opened."""

from django.dispatch import Signal

# Sent inside the transaction that moved the period, with `period`, `status` (the new one) and `reopened`.
period_moved = Signal()
