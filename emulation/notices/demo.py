"""Demo public consultation for Lâm Đồng (the province since the 01/07/2025 merger): the province proposes a staff
member of Sở Nội vụ (Chiến sĩ thi đua tỉnh last year) for Chiến sĩ thi đua toàn quốc and Sở Giáo dục và Đào tạo for
Huân chương Lao động hạng Ba; the council's secretary vetted both on Monday 23/11/2026, so the public notices page
shows them with the window of the seeded rules (10 working days: 23/11 – 07/12/2026).

Idempotent: each nomination is created once (by period, nominee and title or form).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from emulation.council.models.nominations import Nomination, NominationStatus
from emulation.movements.models import Period
from emulation.titles.models import AwardForm, Title
from units.demo import CURRENT_PROVINCE_CODE, PROVINCE_CODE, demo_email
from units.models import Person, Unit, User

P = PROVINCE_CODE

VETTED_AT = datetime.datetime(2026, 11, 23, 9, 0)

NATIONAL_REPORT = (
    "Hai năm liền Chiến sĩ thi đua cấp tỉnh; sáng kiến số hóa hồ sơ thi đua, khen thưởng được Bộ Nội vụ công nhận "
    "phạm vi ảnh hưởng toàn quốc."
)
COLLECTIVE_REPORT = "Năm năm liền hoàn thành xuất sắc nhiệm vụ (2021–2025); Cờ thi đua của UBND tỉnh năm 2024."


def build_demo() -> dict[str, int]:
    with transaction.atomic():
        built = _build()
    return {"nominations under public consultation": built}


def _build() -> int:
    period = Period.objects.filter(movement__code="VHCS", starts_on__year=2026).first()
    proposer = User.objects.filter(email=demo_email("thutruong")).first()
    secretary = User.objects.filter(email=demo_email("thuky")).first()
    person = Person.objects.filter(code=f"{P}-SNV-003").select_related("unit").first()
    school_board = Unit.objects.filter(code=f"{CURRENT_PROVINCE_CODE}-SGDDT").first()
    national = Title.objects.filter(code="CSTD_TQ").first()
    medal = AwardForm.objects.filter(code="HCLD_3").first()
    if None in (period, proposer, secretary, person, school_board, national, medal):
        return 0
    common = {
        "proposed_by": proposer,
        "status": NominationStatus.VETTED,
        "vetted_by": secretary,
        "vetted_at": timezone.make_aware(VETTED_AT),
    }
    Nomination.objects.get_or_create(
        period=period,
        person=person,
        title=national,
        defaults={"unit": person.unit, "achievement_report": NATIONAL_REPORT, **common},
    )
    Nomination.objects.get_or_create(
        period=period,
        person=None,
        unit=school_board,
        award_form=medal,
        defaults={"achievement_report": COLLECTIVE_REPORT, **common},
    )
    return Nomination.objects.filter(period=period, vetted_at=common["vetted_at"]).count()
