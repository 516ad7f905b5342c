"""The import path migration emulation 0001 names; what it names lives in `emulation.pledges.models`."""

from emulation.pledges.models import evidence_path

__all__ = ["evidence_path"]
