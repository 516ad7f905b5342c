"""Adding a recipient the way the office does after the council: the recipient's eligibility result is met first
(the decision refuses a recipient never checked for the title, tests/emulation/council/test_decisions_in_law.py)."""

from emulation.decisions.services import add_recipient
from tests.emulation.factories import make_eligible


def add_eligible(*, decision, by, person=None, unit=None, title=None, **others):
    if title is not None:
        make_eligible(decision.period, title, person=person, unit=unit)
    return add_recipient(decision=decision, by=by, person=person, unit=unit, title=title, **others)
