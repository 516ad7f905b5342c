"""The import path migration emulation 0008 names; what it names lives in `emulation.titles.seed`."""

from emulation.titles.seed import seed_catalogue

__all__ = ["seed_catalogue"]
