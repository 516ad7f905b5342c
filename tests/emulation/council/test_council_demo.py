"""The demo council: members (the demo member and secretary logins among them), a closed session of the last
finalized year with sealed ballots, this year's nominations at each step; building it twice changes nothing."""

import pytest

from emulation.council import demo as demo_council
from emulation.models import Ballot, Council, Nomination, NominationStatus, SessionStatus
from emulation.pledges import demo
from units import demo as units_demo

pytestmark = pytest.mark.django_db


def test_demo_council_has_a_sealed_past_session_and_current_nominations():
    units_demo.build_demo()
    demo.build_demo()
    first = demo_council.build_demo()
    council = Council.objects.get(name=demo_council.COUNCIL_NAME)
    emails = set(council.members.values_list("user__email", flat=True))
    assert council.members.count() == 9 and "hoidong@thidua.demo" in emails
    assert council.secretary.email == "thuky@thidua.demo"
    past = council.sessions.get(status=SessionStatus.CLOSED)
    ballots = Ballot.objects.filter(session=past)
    assert ballots.count() == 4 and all(ballot.seal_intact() for ballot in ballots)
    assert {b.outcome for b in ballots} == {"passed", "failed"}
    assert any(ballot.recused.exists() for ballot in ballots)
    statuses = set(Nomination.objects.filter(period__starts_on__year=2026).values_list("status", flat=True))
    assert {NominationStatus.PROPOSED, NominationStatus.VETTED, NominationStatus.ON_AGENDA} <= statuses
    assert demo_council.build_demo() == first
