"""One dataset for the whole access matrix: the personas of tests/conftest.py and, for every kind of object a URL
can name, one object inside the home department's scope (Sở Nội vụ: unit head, clerk, staff; the inspector's own
inspection; the council the member and the secretary sit on) and one outside it (Sở Tài chính, the outsider's
department; another inspector's inspection; another council). Built once with the factories, rolled back at the end.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.utils import timezone

from emulation.certificates.issuing import issue_certificate
from emulation.council import sessions
from emulation.models import (
    Authority,
    BatchStatus,
    BonusGrant,
    BonusRule,
    CertificateBatch,
    CertificateDesign,
    EligibilityResult,
    ManualScore,
    NominationStatus,
    RewardFund,
    RuleSet,
    SelfAssessment,
    TitleHistory,
)
from emulation.rankings.models import PrintStatus, RankingPrint
from evaluations.models import Appeal, Attachment, CorrectiveAction, Evidence, InspectionStatus, KpiReading
from evaluations.records.services import RECORD_MODELS
from tests.conftest import build_personas, build_tree
from tests.emulation.certificates.helpers import make_signed_decision
from tests.emulation.council.helpers import add_member, attach, make_council, make_nomination, make_rule
from tests.emulation.factories import (
    make_commitment_item,
    make_criterion,
    make_movement,
    make_period,
    make_pledge,
    make_scheme,
    make_title,
)
from tests.evaluations.images import jpeg_bytes
from tests.factories import (
    grant,
    make_award,
    make_bloc,
    make_checklist_item,
    make_decision,
    make_inspection,
    make_kpi_indicator,
    make_person,
    make_score,
    make_user,
    make_user_with_role,
    make_violation,
    make_violation_type,
)
from units.imports.engine import store_upload
from units.models import Notification, Role
from units.reorganisation.models import ChangeKind, Reorganisation, ReorganisationChange, ReorganisationKind

TODAY = datetime.date.today()


def build_world() -> SimpleNamespace:
    tree = build_tree()
    personas = build_personas(tree)
    shared = SimpleNamespace(
        item=make_checklist_item(),
        indicator=make_kpi_indicator(),
        rule_set=RuleSet.objects.create(
            code="RS-AM", name="Bộ tiêu chuẩn thử", effective_from=datetime.date(2024, 1, 1)
        ),
        authority=Authority.objects.get(code="GD_SO"),
    )
    other_inspector = make_user_with_role(Role.INSPECTOR, tree.province, email="insp2@example.vn")
    other_secretary = make_user_with_role(Role.COUNCIL_SECRETARY, tree.province, email="secretary2@example.vn")
    home = build_side(
        tree.home,
        tree.sub,
        personas,
        subject=personas.staff.person,
        notified=personas.clerk,
        inspector=personas.inspector,
        secretary=personas.secretary,
        member=personas.council_member,
        admin=personas.administrator,
    )
    other = build_side(
        tree.other,
        tree.other,
        personas,
        subject=make_person(unit=tree.other, full_name="Ngô Thị Ngoài"),
        notified=personas.outsider,
        inspector=other_inspector,
        secretary=other_secretary,
        member=None,
        admin=make_user_with_role(Role.ADMINISTRATOR, tree.other, email="admin2@example.vn"),
    )
    return SimpleNamespace(tree=tree, personas=personas, shared=shared, home=home, other=other)


def build_side(unit, sub, personas, *, subject, notified, inspector, secretary, member, admin):
    """The objects of one side; `subject` is the person the records are about, `unit` the department."""
    s = SimpleNamespace(unit=unit, person=subject)
    s.notification = Notification.objects.create(user=notified, title="Thông báo thử")
    s.reorganisation = Reorganisation.objects.create(
        kind=ReorganisationKind.DISSOLVE, resolution_number="1/NQ-HĐND", resolution_date=TODAY, effective_on=TODAY
    )
    ReorganisationChange.objects.create(
        reorganisation=s.reorganisation,
        kind=ChangeKind.CLOSE_UNIT,
        unit=sub,
        description=f"Giải thể {sub.name}",
        previous={"valid_to": None, "successor": None},
    )
    s.role = grant(make_user(), Role.UNIT_CLERK, sub)
    people = f"code,full_name,unit_code,position,category,email\nP-AM-{unit.code},Lý Văn Mới,{unit.code},,cong_chuc,\n"
    s.import_token = store_upload(content=people.encode(), user=admin, kind="people")

    # evaluations: a draft inspection (its lead is the side's inspector) and a submitted one with a violation
    s.violation_type = make_violation_type()
    s.inspection = make_inspection(unit=sub, lead=inspector)
    submitted = make_inspection(unit=sub, lead=inspector, status=InspectionStatus.SUBMITTED)
    s.violation = make_violation(inspection=submitted, person=subject, type=s.violation_type)
    photo = jpeg_bytes()
    s.evidence = Evidence.objects.create(
        violation=s.violation,
        image=ContentFile(photo, "a.jpg"),
        thumbnail=ContentFile(photo, "t.jpg"),
        content_type="image/jpeg",
        width=64,
        height=48,
        byte_size=len(photo),
    )
    s.appeal = Appeal.objects.create(violation=s.violation, reason="Không đúng sự thật", filed_by=subject.user or admin)
    s.corrective = CorrectiveAction.objects.create(
        violation=s.violation, description="Khắc phục", owner_person=subject, due_date=TODAY, created_by=inspector
    )
    s.attachment = Attachment.objects.create(
        appeal=s.appeal,
        file=ContentFile(photo, "f.jpg"),
        thumbnail=ContentFile(photo, "t.jpg"),
        content_type="image/jpeg",
        byte_size=len(photo),
    )
    s.rating = RECORD_MODELS["ratings"].objects.create(person=subject, year=2025, rating="htxsnv")
    s.kpi_reading = KpiReading.objects.create(
        unit=unit,
        indicator=make_kpi_indicator(),
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        value=Decimal("90"),
    )
    ratings = f"person_code,year,rating,source\n{subject.code},2025,htxsnv,\n".encode()
    s.record_token = store_upload(content=ratings, user=admin, kind="records-ratings")
    kpi = f"unit_code,indicator_code,period_start,period_end,value,source\n{unit.code},X,01/01/2025,31/12/2025,1,\n"
    s.kpi_token = store_upload(content=kpi.encode(), user=admin, kind="kpi")

    # emulation: configuration, pledges and scores
    s.movement = make_movement()
    s.commitment_item = make_commitment_item(s.movement)
    s.period = make_period(movement=s.movement)
    s.bloc = make_bloc(s.period, [unit])
    scheme = make_scheme(s.period)
    s.criterion = make_criterion(scheme)
    s.scheme, s.group = scheme, s.criterion.group
    s.manual_score = ManualScore.objects.create(unit=unit, criterion=s.criterion, points=Decimal("1"))
    rule = BonusRule.objects.create(scheme=scheme, code="BK", description="Bằng khen", points=Decimal("2"))
    s.bonus_grant = BonusGrant.objects.create(unit=unit, rule=rule)
    s.pledge = make_pledge(unit=unit, period=s.period, items=[s.commitment_item])
    s.claim = SelfAssessment.objects.create(
        pledge=s.pledge, criterion=s.criterion, claimed_points=Decimal("5"), evidence=ContentFile(photo, "e.jpg")
    )
    s.score = make_score(unit, s.period)
    s.title = make_title()
    s.eligibility = EligibilityResult.objects.create(
        period=s.period,
        rule_set=RuleSet.objects.get(code="RS-AM"),
        title=s.title,
        person=subject,
        unit=subject.unit,
        met=True,
        computed_at=timezone.now(),
    )
    s.history = TitleHistory.objects.create(title=s.title, person=subject, year=2024)

    # council: the side's council, a session open with a nomination on a ballot, another nomination proposed
    council = make_council(unit.parent, size=2, secretary=secretary, member_unit=unit)
    if member is not None:
        add_member(council, unit=member.person.unit, user=member)
    s.council = council
    s.seat = council.members.order_by("pk").first()
    # a finished ranking print of the period, asked for by the side's council secretary (only they may read it)
    s.ranking_print = RankingPrint.objects.create(
        user=secretary, period=s.period, status=PrintStatus.DONE, file=ContentFile(b"%PDF-1.4 x", "r.pdf")
    )
    s.nomination = make_nomination(person=subject, period=s.period, status=NominationStatus.PROPOSED)
    s.nomination_file = attach(s.nomination)
    on_ballot = make_nomination(person=subject, period=s.period, title=s.title)
    make_rule(s.title, quorum_pct="0")
    s.session = sessions_open(council, on_ballot)
    s.ballot = sessions.open_ballot(session=s.session, nomination=on_ballot, by=secretary)
    s.agenda_nomination = make_nomination(person=subject, period=s.period, title=s.title, session=s.session)
    s.agenda_nomination.status = NominationStatus.ON_AGENDA
    s.agenda_nomination.save(update_fields=["status"])

    # decisions, awards, certificates, money
    s.draft = make_decision(unit=unit, authority=Authority.objects.get(code="GD_SO"), period=s.period)
    s.decision = make_signed_decision(unit, period=s.period)
    s.award = make_award(s.decision, person=subject)
    s.certificate = issue_certificate(award=s.award)
    CertificateBatch.objects.create(decision=s.decision, created_by=admin, status=BatchStatus.DONE, total=1, done=1)
    s.fund = RewardFund.objects.create(unit=unit, year=2025, budget=100_000_000)
    s.design_authority = Authority.objects.create(
        code=f"AUTH-{unit.code}",
        name=f"Thủ trưởng {unit.name}",
        unit_level=unit.level,
        effective_from=datetime.date(2020, 1, 1),
    )
    CertificateDesign.objects.create(
        authority=s.design_authority, name="Giấy khen", template="giay_khen", serial_format="{number:05d}/GK/{year}"
    )
    return s


def sessions_open(council, nomination):
    from emulation.models import Presence, Session

    session = Session.objects.create(council=council, date=TODAY)
    nomination.session, nomination.status = session, NominationStatus.ON_AGENDA
    nomination.save()
    session = sessions.open_session(session=session, by=council.secretary)
    presence = {member.pk: Presence.PRESENT for member in council.members.all()}
    return sessions.record_attendance(session=session, presence=presence, by=council.secretary)
