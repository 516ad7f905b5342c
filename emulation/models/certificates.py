"""The import path migration emulation 0012 names; what it names lives in `emulation.certificates.models`."""

from emulation.certificates.models import batch_path, certificate_path, new_token

__all__ = ["batch_path", "certificate_path", "new_token"]
