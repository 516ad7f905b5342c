"""Demo decisions for the last two finalized years of the office-culture movement: each department head of Sở Nội
vụ and Sở Tài chính grants Lao động tiên tiến and Chiến sĩ thi đua cơ sở to those the engine found eligible; the
provincial chair ("15/QĐ-UBND") grants Chiến sĩ thi đua cấp tỉnh, Tập thể lao động xuất sắc and Bằng khen; one
Lao động tiên tiến is later revoked with its reason and annulling decision.

Rules: built through the services (competence, one award per achievement, signing), by the demo secretary and
administrator. Idempotent: a decision whose number its body already used that year is left as it is.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from emulation.decisions.models import Award, AwardStatus, Decision, Revocation
from emulation.decisions.revocation import revoke_award
from emulation.decisions.services import add_recipient, draft_decision, sign_decision
from emulation.eligibility.models import EligibilityResult
from emulation.movements.models import Period, PeriodStatus
from emulation.titles.models import Authority, AwardForm
from units.demo import CURRENT_PROVINCE_CODE, PROVINCE_CODE, demo_email
from units.models import Unit, User

MOVEMENT = "VHCS"

YEARS = 2

# (unit code suffix, number prefix, signer position)
DEPARTMENTS = [("SNV", "QĐ-SNV", "Giám đốc Sở Nội vụ"), ("STC", "QĐ-STC", "Giám đốc Sở Tài chính")]

BANG_KHEN_COUNT = 3


def build_demo() -> dict[str, int]:
    users = {key: User.objects.filter(email=demo_email(key)).first() for key in ("thuky", "quantri")}
    if None in users.values():
        return {}
    periods = Period.objects.filter(movement__code=MOVEMENT, status=PeriodStatus.FINALIZED).order_by("-ends_on")
    with transaction.atomic():
        for period in sorted(periods[:YEARS], key=lambda p: p.ends_on):
            # Đắk Nông's own decisions are history now: its secretary's role moved to Lâm Đồng on 01/07/2025 (and a
            # successor never writes its predecessors' records), so the demo writes them as the administrator.
            hands = users if issuing_province(period) == CURRENT_PROVINCE_CODE else {**users, "thuky": users["quantri"]}
            for index, (suffix, prefix, position) in enumerate(DEPARTMENTS, start=1):
                unit = Unit.objects.get(code=f"{issuing_province(period)}-{suffix}")
                _department_decision(period, unit, f"{index * 10}/{prefix}", position, hands)
            _provincial_decision(period, hands)
        _revoke_one(users["quantri"])
    return {
        "decisions": Decision.objects.count(),
        "awards": Award.objects.count(),
        "revoked awards": Award.objects.filter(status=AwardStatus.REVOKED).count(),
    }


def issuing_province(period: Period) -> str:
    """Decisions for a year are made early the next year, by the units then in office: Đắk Nông's for the years up
    to 2024, Lâm Đồng's (formed 01/07/2025) from 2025."""
    return PROVINCE_CODE if period.ends_on.year < 2025 else CURRENT_PROVINCE_CODE


def _exists(unit: Unit, number: str, on: datetime.date) -> bool:
    return Decision.objects.filter(unit=unit, number=number, year=on.year).exists()


def _met(period: Period, codes: list[str], unit: Unit):
    return (
        EligibilityResult.objects.filter(
            period=period, met=True, title__code__in=codes, unit__path__startswith=unit.path
        )
        .select_related("person", "unit", "title")
        .order_by("pk")
    )


def _grant(decision: Decision, by: User, **recipient) -> bool:
    try:
        add_recipient(decision=decision, by=by, **recipient)
    except ValidationError:  # already awarded elsewhere, or out of the authority's powers: left out
        return False
    return True


def _sign(decision: Decision, by: User, number: str, on: datetime.date, signer: str, position: str) -> None:
    if decision.awards.exists():
        sign_decision(
            decision=decision, by=by, number=number, decided_on=on, signer_name=signer, signer_position=position
        )
    else:
        decision.delete()


def _department_decision(period: Period, unit: Unit, number: str, position: str, users: dict) -> None:
    on = datetime.date(period.ends_on.year + 1, 1, 12)
    if _exists(unit, number, on):
        return
    decision = draft_decision(
        by=users["thuky"],
        unit=unit,
        authority=Authority.objects.get(code="GD_SO"),
        period=period,
        subject=f"Công nhận danh hiệu thi đua năm {period.ends_on.year}",
    )
    for result in _met(period, ["LDTT", "CSTDCS"], unit):
        achievement = f"Đạt tiêu chuẩn {result.title.name} năm {period.ends_on.year}"
        _grant(decision, users["thuky"], person=result.person, title=result.title, achievement=achievement)
    _sign(decision, users["quantri"], number, on, "Nguyễn Văn Thành", position)


def _provincial_decision(period: Period, users: dict) -> None:
    province = Unit.objects.get(code=issuing_province(period))
    on, number = datetime.date(period.ends_on.year + 1, 2, 3), "15/QĐ-UBND"
    if _exists(province, number, on):
        return
    year = period.ends_on.year
    decision = draft_decision(
        by=users["thuky"],
        unit=province,
        authority=Authority.objects.get(code="CT_UBND_TINH"),
        period=period,
        subject=f"Tặng danh hiệu thi đua và Bằng khen của Chủ tịch UBND tỉnh năm {year}",
    )
    for result in _met(period, ["CSTD_TINH", "TTLDXS"], province):
        recipient = {"person": result.person} if result.person_id else {"unit": result.unit}
        _grant(decision, users["thuky"], title=result.title, achievement=f"Đạt tiêu chuẩn năm {year}", **recipient)
    bang_khen = AwardForm.objects.get(code="BK_TINH")
    for result in _met(period, ["CSTDCS"], province)[:BANG_KHEN_COUNT]:
        achievement = f"Có thành tích xuất sắc trong phong trào thi đua thực hiện văn hóa công sở năm {year}"
        _grant(decision, users["thuky"], person=result.person, award_form=bang_khen, achievement=achievement)
    _sign(decision, users["quantri"], number, on, "Hồ Văn Mười", "Chủ tịch UBND tỉnh")


def _revoke_one(admin: User) -> None:
    """The first Lao động tiên tiến of Sở Nội vụ's latest decision, after a discipline found by an inspection."""
    if Revocation.objects.exists():
        return
    award = (
        Award.objects.in_force()
        .filter(title__code="LDTT", decision__unit__code__in=[f"{PROVINCE_CODE}-SNV", f"{CURRENT_PROVINCE_CODE}-SNV"])
        .select_related("decision")
        .order_by("-year", "pk")
        .first()
    )
    if award is None:
        return
    revoke_award(
        award=award,
        by=admin,
        reason="Kết luận thanh tra phát hiện bị kỷ luật khiển trách trong năm xét thưởng; "
        "không đủ tiêu chuẩn Lao động tiên tiến (Luật Thi đua, khen thưởng 2022, Chương VII).",
        number="3/QĐ-SNV",
        decided_on=award.decision.decided_on + datetime.timedelta(days=60),
    )
