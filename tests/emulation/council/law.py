"""Building blocks for the decisions-in-law tests: a Sở with two phòng under a provincial CSTĐCS quota, its
nominations, a council session that votes on them."""

import datetime
from types import SimpleNamespace

from emulation.council import nominations
from emulation.council import sessions as services
from emulation.council.ballots import voting
from emulation.models import Choice, ConditionKind, Presence, Session, TitleCondition
from emulation.titles.catalogue import copy_rule_set
from evaluations.models import AnnualRating
from tests.emulation.council.helpers import SESSION_DAY, attach, make_council, make_rule, members
from tests.emulation.eligibility.helpers import YEAR, national, register, title
from tests.emulation.factories import make_pledge
from tests.factories import make_person, make_unit
from units.models import Level


def quota_rules(pct=15):
    """A province's rule set: the national one plus a CSTĐCS quota of `pct` % of headcount, rounded down."""
    rules = copy_rule_set(
        source=national(),
        code="DNO-QUOTA",
        name="Quy định tỉnh (thử nghiệm)",
        issuer="UBND tỉnh",
        legal_basis="QĐ …/2025/QĐ-UBND",
        effective_from=datetime.date(2025, 12, 15),
    )
    TitleCondition.objects.create(
        rule_set=rules,
        title=title("CSTDCS"),
        kind=ConditionKind.QUOTA,
        number=pct,
        quota_base="headcount",
        rounding="down",
        position=99,
        legal_basis="QĐ …/2025/QĐ-UBND, Điều 9",
        effective_from=datetime.date(2025, 12, 15),
    )
    return rules


def phong(period, parent, size, *, rating="htxsnv"):
    """A phòng of `size` rated people under `parent`, with a submitted pledge."""
    unit = make_unit(parent=parent, level=Level.SUB_UNIT)
    people = [make_person(unit=unit) for _ in range(size)]
    for person in people:
        AnnualRating.objects.create(person=person, year=YEAR, rating=rating)
    pledge = make_pledge(unit=unit, period=period, status="submitted")
    return unit, people, pledge


def so_with_two_phong(period, size=6):
    """A Sở (whose director confers CSTĐCS) with two phòng; one person of each registers for CSTĐCS."""
    so = make_unit(level=Level.DEPARTMENT)
    first, people_a, pledge_a = phong(period, so, size)
    second, people_b, pledge_b = phong(period, so, size)
    register(pledge_a, people_a[0], "CSTDCS")
    register(pledge_b, people_b[0], "CSTDCS")
    return SimpleNamespace(
        so=so, phong=[first, second], candidates=[people_a[0], people_b[0]], pledges=[pledge_a, pledge_b]
    )


def propose_and_vet(period, people, *, by, secretary):
    found = []
    for person in people:
        nomination = nominations.propose_nomination(
            period=period, person=person, title=title("CSTDCS"), achievement_report="Hoàn thành xuất sắc", by=by
        )
        attach(nomination)
        found.append(nominations.vet_nomination(nomination=nomination, by=secretary))
    return found


def vote_on(noms, *, council, agree: list[int], secretary):
    """A session of the council with every member present; each nomination gets agree[i] agreeing votes."""
    make_rule(title("CSTDCS"), pct="50", quorum_pct="50")
    session = Session.objects.create(council=council, date=SESSION_DAY)
    for nomination in noms:
        nominations.place_on_agenda(nomination=nomination, session=session, by=secretary)
    session = services.open_session(session=session, by=secretary)
    seats = members(council)
    services.record_attendance(session=session, presence={m.pk: Presence.PRESENT for m in seats}, by=secretary)
    for nomination, count in zip(noms, agree, strict=True):
        ballot = services.open_ballot(session=session, nomination=nomination, by=secretary)
        for index, member in enumerate(seats):
            choice = Choice.AGREE if index < count else Choice.DISAGREE
            voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
        voting.close_ballot(ballot=ballot, by=secretary)
    return session


def quota_council(scope, secretary):
    return make_council(scope, size=5, secretary=secretary, member_unit=make_unit())


def statuses(noms):
    for nomination in noms:
        nomination.refresh_from_db()
    return [n.status for n in noms]
