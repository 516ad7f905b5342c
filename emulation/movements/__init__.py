"""Emulation movements, their yearly periods (setup → … → finalized, re-opening on record) and blocs."""
