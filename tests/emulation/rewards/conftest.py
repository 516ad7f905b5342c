"""The signed-decision helpers of tests/emulation/decisions/issuing.py, for the rewards tests."""

from tests.emulation.decisions.issuing import issue, people  # noqa: F401  (pytest fixtures)
