"""The import path migration evaluations 0001 names; what it names lives in `evaluations.inspections.models`."""

from evaluations.inspections.models import evidence_path

__all__ = ["evidence_path"]
