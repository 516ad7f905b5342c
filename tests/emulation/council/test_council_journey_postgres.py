"""The whole council journey on PostgreSQL (issue 10): eligibility with a Sở's quota, proposals (one flagged),
vetting, a session, votes, sealed ballots, the chair's deciding vote at the quota's edge, the minutes, then a
decision that takes the approved nominee and refuses one past the quota."""

import os

import pytest
from django.core.exceptions import ValidationError

from emulation.council import nominations, quotas
from emulation.council.minutes import minutes_pdf
from emulation.decisions.services import add_recipients_from_nominations, draft_decision
from emulation.eligibility.engine import run_eligibility
from emulation.models import Authority, Ballot, NominationStatus, QuotaDecision
from tests.emulation.council.law import (
    propose_and_vet,
    quota_council,
    quota_rules,
    so_with_two_phong,
    statuses,
    vote_on,
)
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.eligibility.helpers import title
from tests.emulation.factories import make_period
from tests.factories import grant, make_person
from units.models import Role

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")


def test_a_council_journey_from_eligibility_to_a_signed_decision_within_the_quota(personas):
    period = make_period()
    quota_rules(pct=10)  # 10 % of the Sở's 12 people → 1 place
    so = so_with_two_phong(period)
    unregistered = make_person(unit=so.phong[0])
    run_eligibility(period=period)
    flagged = nominations.propose_nomination(
        period=period, person=unregistered, title=title("CSTDCS"), achievement_report="x", by=personas.unit_head
    )
    assert flagged.eligibility_met is False
    noms = propose_and_vet(period, so.candidates, by=personas.unit_head, secretary=personas.secretary)
    with pytest.raises(ValidationError):
        nominations.vet_nomination(nomination=flagged, by=personas.secretary)
    council = quota_council(so.so, personas.secretary)
    session = vote_on(noms, council=council, agree=[5, 5], secretary=personas.secretary)
    assert all(b.seal_intact() and b.base_count == 5 for b in Ballot.objects.filter(session=session))
    assert statuses(noms) == [NominationStatus.QUOTA, NominationStatus.QUOTA]
    quotas.settle(
        session=session, nomination=noms[0], by=personas.secretary, chair_pick=[noms[0].pk], reason="Sáng kiến cấp tỉnh"
    )
    assert statuses(noms) == [NominationStatus.APPROVED, NominationStatus.REJECTED]
    assert QuotaDecision.objects.get(session=session).chair_note == "Sáng kiến cấp tỉnh"
    assert minutes_pdf(session).startswith(b"%PDF")
    grant(personas.secretary, Role.COUNCIL_SECRETARY, so.so)
    decision = draft_decision(
        by=personas.secretary, unit=so.so, authority=Authority.objects.get(code="GD_SO"), period=period
    )
    awards = add_recipients_from_nominations(decision=decision, nominations=[noms[0]], by=personas.secretary)
    assert [a.person for a in awards] == [so.candidates[0]]
    with pytest.raises(ValidationError, match="Đã hết chỉ tiêu"):
        add_eligible(decision=decision, by=personas.secretary, person=so.candidates[1], title=title("CSTDCS"))
