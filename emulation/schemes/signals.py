"""What schemes tell the concepts above them: a period's scheme was changed in the app."""

from django.dispatch import Signal

# Sent inside the transaction that saved the scheme, with `period`; scoring recomputes the period after the commit.
scheme_changed = Signal()
