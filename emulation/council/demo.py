"""Demo council data for Đắk Nông: the province council, a closed session with sealed ballots for the last finalized
year, and nominations for the current year at each step (proposed, vetted, on the agenda of a draft session).

Rules:
- Idempotent: nothing is built when the province council already exists.
- Past ballots are cast and sealed through the voting services, so their results follow the seeded vote rules.
- Extra members get demo logins (same password) holding the council member role, so any of them can vote.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from emulation.council import sessions as services
from emulation.council.ballots import voting
from emulation.council.models.ballots import Ballot, Choice
from emulation.council.models.council import (
    Council,
    CouncilMember,
    MemberRole,
    Presence,
    Session,
    TieBreak,
    VoteBase,
    VoteRule,
)
from emulation.council.models.nominations import Nomination, NominationAttachment, NominationStatus
from emulation.movements.models import Period, PeriodStatus
from emulation.titles.models import Title
from units.demo import CURRENT_PROVINCE_CODE, DEMO_PASSWORD, PROVINCE_CODE, demo_email
from units.models import Person, Role, RoleAssignment, Unit, User

P = PROVINCE_CODE

COUNCIL_NAME = "Hội đồng Thi đua – Khen thưởng tỉnh Lâm Đồng"

CURRENT_YEAR = 2026

# (person code, login local part or None for an existing login, role in the council)
MEMBERS = [
    (f"{P}-VP-001", None, MemberRole.CHAIR),
    (f"{P}-SNV-001", None, MemberRole.VICE_CHAIR),
    (f"{P}-SNV-TDKT-001", None, MemberRole.MEMBER),
    (f"{P}-STC-001", "hoidong.stc", MemberRole.MEMBER),
    (f"{P}-SKHDT-001", "hoidong.skhdt", MemberRole.MEMBER),
    (f"{P}-SYT-001", "hoidong.syt", MemberRole.MEMBER),
    (f"{P}-SGDDT-001", "hoidong.sgddt", MemberRole.MEMBER),
    (f"{P}-TTR-001", "hoidong.ttr", MemberRole.MEMBER),
    (f"{P}-GN-XND-001", "hoidong.bgn", MemberRole.MEMBER),  # chair of Nghĩa Đức, now of phường Bắc Gia Nghĩa
]

# Past session: (person code or None, unit code for a collective, title code, agree votes of the 8 present)
PAST = [
    (f"{P}-SNV-003", None, "CSTD_TINH", 8),
    (f"{P}-SYT-004", None, "CSTDCS", 7),
    (f"{P}-STC-005", None, "CSTDCS", 5),
    (None, f"{CURRENT_PROVINCE_CODE}-SGDDT", "TTLDXS", 6),
]

# Current year: (person code, title code, status, dossier has a document)
CURRENT = [
    (f"{P}-SNV-004", "CSTDCS", NominationStatus.PROPOSED, True),
    (f"{P}-SNV-005", "LDTT", NominationStatus.PROPOSED, False),
    (f"{P}-SNV-VP-004", "CSTDCS", NominationStatus.VETTED, True),
    (f"{P}-SNV-006", "CSTD_TINH", NominationStatus.ON_AGENDA, True),
]

REPORT = (
    "Hoàn thành xuất sắc nhiệm vụ được giao; chủ trì số hóa hồ sơ một cửa của đơn vị; gương mẫu thực hiện văn "
    "hóa công sở, không vi phạm trong năm."
)


def build_demo() -> dict[str, int]:
    with transaction.atomic():
        if not Council.objects.filter(name=COUNCIL_NAME).exists():
            _build()
    return {
        "councils": Council.objects.count(),
        "council sessions": Session.objects.count(),
        "nominations": Nomination.objects.count(),
        "sealed ballots": Ballot.objects.filter(sealed_at__isnull=False).count(),
    }


def _build() -> None:
    secretary = User.objects.filter(email=demo_email("thuky")).first()
    province = Unit.objects.filter(code=CURRENT_PROVINCE_CODE).first()
    if secretary is None or province is None:
        return
    council = Council.objects.create(
        name=COUNCIL_NAME, scope=province, secretary=secretary,
        establishing_decision="QĐ 215/QĐ-UBND ngày 10/02/2026 (số hiệu minh họa)",
    )  # fmt: skip
    _members(council, province)
    _provincial_rules()
    periods = Period.objects.filter(movement__code="VHCS")
    past = periods.filter(status=PeriodStatus.FINALIZED).order_by("-starts_on").first()
    current = periods.filter(starts_on__year=CURRENT_YEAR).first()
    if past:
        _past_session(council, past)
    if current:
        _current(council, current)


# The titles with no national vote rule get the demo province's own (its regulation is the basis, not the decree).
PROVINCIAL_RULE_TITLES = ["LDTT", "TTLDTT", "TTLDXS"]

PROVINCIAL_BASIS = "Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng tỉnh Lâm Đồng (dữ liệu minh họa)"


def _provincial_rules() -> None:
    for title in Title.objects.filter(code__in=PROVINCIAL_RULE_TITLES):
        VoteRule.objects.get_or_create(
            title=title,
            effective_from=datetime.date(2024, 1, 1),
            legal_basis=PROVINCIAL_BASIS,
            defaults={"base": VoteBase.PRESENT, "pct": "70", "written_votes_for_absent": True, "quorum_pct": "66.67",
                      "tie_break": TieBreak.CHAIR},
        )  # fmt: skip


def _members(council: Council, province: Unit) -> None:
    people = Person.objects.in_bulk([code for code, *_ in MEMBERS], field_name="code")
    password = make_password(DEMO_PASSWORD)
    for code, login, role in MEMBERS:
        person = people.get(code)
        if person is None:
            continue
        if person.user_id is None:
            user, _ = User.objects.get_or_create(
                email=demo_email(login), defaults={"full_name": person.full_name, "password": password}
            )
            person.user = user
            person.save(update_fields=["user"])
            RoleAssignment.objects.get_or_create(user=user, role=Role.COUNCIL_MEMBER, unit=province)
        CouncilMember.objects.create(council=council, user=person.user, person=person, role=role)


def _nomination(period, *, person=None, unit=None, title, status, by, document=True) -> Nomination:
    nomination = Nomination.objects.create(
        period=period,
        person=person,
        unit=person.unit if person else unit,
        title=title,
        proposed_by=by,
        achievement_report=REPORT,
        status=status,
        eligibility_met=None,
    )
    if document:
        file = ContentFile(b"%PDF-1.4\n% demo\n", name="bao-cao-thanh-tich.pdf")
        NominationAttachment.objects.create(nomination=nomination, name="Báo cáo thành tích", file=file)
    return nomination


def _past_session(council: Council, period: Period) -> None:
    """A closed session in January after the year: 8 of 9 present, one written opinion, four sealed ballots."""
    titles = Title.objects.in_bulk(field_name="code")
    people = Person.objects.in_bulk([p for p, *_ in PAST if p], field_name="code")
    units = Unit.objects.in_bulk([u for _, u, *_ in PAST if u], field_name="code")
    session = Session.objects.create(
        council=council, date=datetime.date(period.ends_on.year + 1, 1, 20), place="Hội trường UBND tỉnh"
    )
    head = User.objects.filter(email=demo_email("thutruong")).first() or council.secretary
    nominations = []
    for person_code, unit_code, title_code, agree in PAST:
        person, unit = people.get(person_code), units.get(unit_code)
        if (person or unit) and title_code in titles:
            nomination = _nomination(
                period, person=person, unit=unit, title=titles[title_code], status="vetted", by=head
            )
            nomination.session, nomination.status = session, NominationStatus.ON_AGENDA
            nomination.save(update_fields=["session", "status"])
            nominations.append((nomination, agree))
    _run_session(council, session, nominations)


def _run_session(council: Council, session: Session, nominations: list) -> None:
    session = services.open_session(session=session, by=council.secretary)
    seats = list(council.members.order_by("pk"))
    presence = {m.pk: Presence.PRESENT for m in seats[:-1]} | {seats[-1].pk: Presence.ABSENT_WRITTEN}
    services.record_attendance(session=session, presence=presence, by=council.secretary)
    for nomination, agree in nominations:
        ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
        recused = set(ballot.recused.values_list("pk", flat=True))
        voters = [m for m in seats[:-1] if m.pk not in recused]
        for index, member in enumerate(voters):
            choice = Choice.AGREE if index < agree else Choice.DISAGREE
            voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
        if ballot.rule_snapshot["written_votes_for_absent"] and seats[-1].pk not in recused:
            voting.record_written_vote(ballot=ballot, member=seats[-1], choice=Choice.AGREE, by=council.secretary)
        voting.close_ballot(ballot=ballot, by=council.secretary, chair_decision=True)
    services.close_session(session=session, by=council.secretary)


def _current(council: Council, period: Period) -> None:
    """This year's nominations from Sở Nội vụ at each step, and a draft session for January."""
    titles = Title.objects.in_bulk(field_name="code")
    people = Person.objects.in_bulk([row[0] for row in CURRENT], field_name="code")
    head = User.objects.filter(email=demo_email("thutruong")).first() or council.secretary
    # Called for today (still a draft, nothing on it yet voted): no demo record is dated ahead of the demo's today.
    session = Session.objects.create(council=council, date=timezone.localdate(), place="Hội trường UBND tỉnh")
    for code, title_code, status, document in CURRENT:
        person = people.get(code)
        if person is None or title_code not in titles:
            continue
        nomination = _nomination(
            period, person=person, title=titles[title_code], status=status, by=head, document=document
        )
        if status == NominationStatus.ON_AGENDA:
            nomination.session = session
            nomination.save(update_fields=["session"])
