"""The import path migration emulation 0010 names; what it names lives in `emulation.council.seed`."""

from emulation.council.seed import seed_vote_rules

__all__ = ["seed_vote_rules"]
