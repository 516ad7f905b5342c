"""The import path migration emulation 0010 names; what it names lives in `emulation.council.models.nominations`."""

from emulation.council.models.nominations import dossier_path

__all__ = ["dossier_path"]
