"""Building blocks for council tests: a council of N members, a vote rule, a nomination on an open session."""

import datetime

from django.core.files.base import ContentFile

from emulation.council import sessions as services
from emulation.models import (
    Council,
    CouncilMember,
    MemberRole,
    Nomination,
    NominationAttachment,
    NominationStatus,
    Presence,
    Session,
    TieBreak,
    Title,
    VoteBase,
    VoteRule,
)
from tests.emulation.factories import make_period, make_title
from tests.factories import make_person, make_unit, make_user

SESSION_DAY = datetime.date(2027, 1, 15)


def make_council(scope, *, size: int, secretary=None, member_unit=None, name="Hội đồng Thi đua – Khen thưởng tỉnh"):
    """A council of `size` members (the first is the chair), each a user with a person in `member_unit`."""
    council = Council.objects.create(name=name, scope=scope, secretary=secretary or make_user())
    unit = member_unit or make_unit(parent=scope)
    for i in range(size):
        add_member(council, unit=unit, role=MemberRole.CHAIR if i == 0 else MemberRole.MEMBER)
    return council


def add_member(council, *, unit, role=MemberRole.MEMBER, user=None) -> CouncilMember:
    user = user or make_user()
    person = getattr(user, "person", None) or make_person(unit=unit, user=user, full_name=user.full_name)
    return CouncilMember.objects.create(council=council, user=user, person=person, role=role)


def members(council) -> list[CouncilMember]:
    return list(council.members.order_by("pk"))


def make_rule(title: Title, **overrides) -> VoteRule:
    """A rule for `title` in force since 2024 that replaces the seeded ones (those are deactivated)."""
    target = {"title": title} if title else {"award_form": overrides["award_form"]}
    VoteRule.objects.filter(**target).update(active=False)
    fields = {
        "title": title,
        "base": VoteBase.TOTAL_MEMBERS,
        "pct": "80",
        "secret": False,
        "written_votes_for_absent": True,
        "quorum_pct": "66.67",
        "tie_break": TieBreak.REVOTE,
        "legal_basis": "Quy tắc thử nghiệm",
        "effective_from": datetime.date(2024, 1, 1),
    }
    fields.update(overrides)
    return VoteRule.objects.create(**fields)


def make_nomination(*, person=None, unit=None, title=None, period=None, status=NominationStatus.VETTED, **fields):
    person = person if person or unit else make_person()
    title = title or make_title(name="Chiến sĩ thi đua cơ sở")
    nomination = Nomination.objects.create(
        period=period or make_period(),
        person=person,
        unit=person.unit if person else unit,
        title=title,
        proposed_by=fields.pop("proposed_by", None) or make_user(),
        achievement_report=fields.pop("achievement_report", "Hoàn thành xuất sắc nhiệm vụ năm 2026."),
        status=status,
        **fields,
    )
    return nomination


def attach(nomination, name="Báo cáo thành tích.pdf"):
    return NominationAttachment.objects.create(
        nomination=nomination, name=name, file=ContentFile(b"%PDF-1.4 test", name="bao-cao.pdf")
    )


def open_session_with(council, nomination, *, present: int, written: int = 0, award_session=True) -> Session:
    """An open session with `nomination` on its agenda; the first `present` members present, the next `written`
    absent with a written opinion, the rest absent."""
    session = Session.objects.create(council=council, date=SESSION_DAY, considers_awards=award_session)
    nomination.session, nomination.status = session, NominationStatus.ON_AGENDA
    nomination.save()
    session = services.open_session(session=session, by=council.secretary)
    presence = {}
    for index, member in enumerate(members(council)):
        if index < present:
            presence[member.pk] = Presence.PRESENT
        elif index < present + written:
            presence[member.pk] = Presence.ABSENT_WRITTEN
    return services.record_attendance(session=session, presence=presence, by=council.secretary)
