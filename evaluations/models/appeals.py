"""The import path migration evaluations 0002 names; what it names lives in `evaluations.appeals.models`."""

from evaluations.appeals.models import attachment_path

__all__ = ["attachment_path"]
