"""What pledges tell the concepts above them: a self-assessment line of a unit's pledge was verified."""

from django.dispatch import Signal

# Sent inside the verifying transaction, with `unit_id` and `period_id`.
assessment_verified = Signal()
