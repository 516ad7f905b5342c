"""Hourly: violations whose appeal window closed uncontested are upheld."""

from celery import shared_task
from django.utils import timezone

from evaluations.appeals import services as appeals


@shared_task
def close_appeal_windows() -> int:
    """Uphold the uncontested violations whose appeal window has closed (idempotent; scheduled hourly)."""
    return appeals.close_appeal_windows(now=timezone.now())
