"""Demo data of the province Đắk Nông: yearly KPI readings of the procedure-reform movement, and violations known
from documents with their appeals (some dismissed, some upheld, one waiting) and corrective actions.

Idempotent: readings are matched by (unit, indicator, dates), violations by their document reference. Numbers
come from a seeded random generator, shaped like real one-stop portals (mostly early, a few per cent late).
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from evaluations.catalogue_seed import seed_catalogue
from evaluations.kpi import refresh_derived_rates
from evaluations.models import (
    ActionStatus,
    Appeal,
    AppealStatus,
    CorrectiveAction,
    EntryMethod,
    KpiIndicator,
    KpiReading,
    Violation,
    ViolationStatus,
    ViolationType,
    record_status_change,
)
from units.models import Level, Person, Unit, User

SEED = 20190519  # the day the office-culture movement was launched
SOURCE = "Hệ thống thông tin giải quyết TTHC tỉnh Đắk Nông"
# (year, period start, period end, share of dossiers filed online)
PERIODS = [
    (2021, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31), 0.14),
    (2022, datetime.date(2022, 1, 1), datetime.date(2022, 12, 31), 0.27),
    (2023, datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), 0.41),
    (2024, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), 0.55),
    (2025, datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 0.63),
]
# Dossiers a year, by kind of unit.
VOLUME = {"TTHCC": (42000, 58000), Level.DISTRICT: (6000, 14000), Level.COMMUNE: (900, 3800)}


def build_demo() -> dict[str, int]:
    seed_catalogue()
    with transaction.atomic():
        readings = build_kpi_readings()
        violations = build_violations()
    return {"KPI readings": readings, "violations from documents (with appeals)": violations}


def kpi_units() -> list[Unit]:
    units = Unit.objects.filter(code="DNO-TTHCC") | Unit.objects.filter(
        code__startswith="DNO-", level__in=[Level.DISTRICT, Level.COMMUNE]
    )
    return list(units.order_by("code"))


def yearly_counts(rng: random.Random, unit: Unit, online: float, fraction: float) -> dict[str, int]:
    """One unit-year of a one-stop portal: received, resolved (early / on time / late), online, complaints."""
    low, high = VOLUME["TTHCC"] if unit.code == "DNO-TTHCC" else VOLUME[unit.level]
    received = int(rng.randint(low, high) * fraction)
    resolved = int(received * rng.uniform(0.93, 0.99))
    late = int(resolved * rng.triangular(0.002, 0.07, 0.012))
    early = int((resolved - late) * rng.uniform(0.62, 0.85))
    return {
        "HS-TN": received,
        "HS-GQ": resolved,
        "HS-TH": early,
        "HS-DH": resolved - late - early,
        "HS-QH": late,
        "HS-TT": int(received * online * rng.uniform(0.85, 1.15)),
        "HS-XL": int(late * rng.uniform(0.3, 1.0)),
        "PAKN-XM": rng.choice([0, 0, 0, 1, 1, 2, 3]),
    }


def build_kpi_readings() -> int:
    """Yearly readings for the provincial one-stop centre, every district and commune (2021 – first half 2025)."""
    rng = random.Random(SEED)
    indicators = {i.code: i for i in KpiIndicator.objects.all()}
    existing = set(KpiReading.objects.values_list("unit_id", "indicator_id", "period_start", "period_end"))
    new, periods = [], []
    for unit in kpi_units():
        for year, start, end, online in PERIODS:
            fraction = 0.5 if end.month == 6 else 1.0
            values = yearly_counts(rng, unit, online, fraction)
            values["SIPAS"] = Decimal(str(round(rng.uniform(80, 88) + (year - 2021) * 1.6, 2)))
            for code, value in values.items():
                if (unit.pk, indicators[code].pk, start, end) not in existing:
                    new.append(_reading(unit, indicators[code], start, end, value))
            periods.append((unit, start, end))
    KpiReading.objects.bulk_create(new, batch_size=500)
    for unit, start, end in periods:
        refresh_derived_rates(unit=unit, start=start, end=end)
    return KpiReading.objects.count()


def _reading(unit, indicator, start, end, value) -> KpiReading:
    return KpiReading(
        unit=unit,
        indicator=indicator,
        period_start=start,
        period_end=end,
        value=Decimal(value),
        source=SOURCE,
        entry_method=EntryMethod.IMPORT,
    )


# (document reference, document date, violation type code, unit code, person code or "", description, story)
# Stories: "upheld" (window closed), "dismissed" / "upheld-appeal" (appeal decided), "pending" (appeal waiting),
# "open" (window still open).
DOCUMENTS = [
    (
        "0318/BB-CSGT",
        datetime.date(2024, 11, 9),
        "VP-AL-03",
        "DNO-CJ",
        "DNO-CJ-004",
        "Biên bản của Phòng CSGT Công an tỉnh: điều khiển xe máy khi trong hơi thở có nồng độ cồn.",
        "upheld",
    ),
    (
        "112/PA-TTHCC",
        datetime.date(2025, 3, 14),
        "VP-CM-02",
        "DNO-TTHCC-TNTKQ",
        "DNO-TTHCC-TNTKQ-003",
        "Phản ánh của công dân qua đường dây nóng về thái độ khi tiếp nhận hồ sơ đất đai.",
        "dismissed",
    ),
    (
        "27/PA-UBND",
        datetime.date(2025, 4, 2),
        "VP-CM-02",
        "DNO-GN-XND",
        "",
        "Phản ánh đã xác minh: hướng dẫn hồ sơ hộ tịch không đầy đủ, người dân phải đi lại nhiều lần.",
        "upheld-appeal",
    ),
    (
        "45/BC-TTr",
        datetime.date(2025, 5, 20),
        "VP-AL-01",
        "DNO-DM",
        "DNO-DM-003",
        "Báo cáo của Thanh tra tỉnh: uống bia trong giờ nghỉ trưa ngày làm việc.",
        "upheld",
    ),
    (
        "09/PA-SNV",
        None,
        "VP-ID-01",
        "DNO-SNV-VP",
        "DNO-SNV-VP-004",
        "Phản ánh của người dân: không đeo thẻ công chức khi làm việc tại bộ phận một cửa.",
        "pending",
    ),
    (
        "15/PA-SNV",
        None,
        "VP-CM-04",
        "DNO-SNV",
        "",
        "Phản ánh của người dân: gọi điện đến cơ quan không được xưng tên, đơn vị.",
        "open",
    ),
]


def demo_user(local_part: str) -> User | None:
    from units.demo import demo_email

    return User.objects.filter(email=demo_email(local_part)).first()


def unit_head_login(unit: Unit) -> User:
    """The demo login of a unit's head (the person coded <unit>-001), created on first use."""
    from units.demo import DEMO_PASSWORD, demo_email
    from units.models import Role, RoleAssignment

    email = demo_email(f"thutruong.{unit.code.removeprefix('DNO-').lower()}")
    user = User.objects.filter(email=email).first()
    if user is None:
        head = Person.objects.filter(code=f"{unit.code}-001").first()
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=head.full_name if head else "")
        if head is not None and head.user_id is None:
            Person.objects.filter(pk=head.pk).update(user=user)
    RoleAssignment.objects.get_or_create(user=user, role=Role.UNIT_HEAD, unit=unit)
    return user


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build_violations() -> int:
    """Violations known from documents, each taken through its story (see DOCUMENTS)."""
    inspector, secretary = demo_user("kiemtra"), demo_user("thuky")
    types = {t.code: t for t in ViolationType.objects.all()}
    today = timezone.localdate()
    for reference, doc_date, type_code, unit_code, person_code, description, story in DOCUMENTS:
        unit = Unit.objects.filter(code=unit_code).first()
        if unit is None or type_code not in types or Violation.objects.filter(document_reference=reference).exists():
            continue
        recent = doc_date is None
        doc_date = doc_date or today - datetime.timedelta(days=2)
        violation = Violation.objects.create(
            unit=unit,
            person=Person.objects.filter(code=person_code).first() if person_code else None,
            type=types[type_code],
            occurred_at=at(doc_date - datetime.timedelta(days=1), 11),
            description=description,
            document_reference=reference,
            document_date=doc_date,
            appeal_deadline=today + datetime.timedelta(days=4) if recent else doc_date + datetime.timedelta(days=7),
            recorded_by=inspector,
        )
        record_status_change(obj=violation, by=inspector, to_status=ViolationStatus.RECORDED, at=at(doc_date))
        tell_story(violation, story, secretary)
    return Violation.objects.filter(inspection__isnull=True).count()


def tell_story(violation: Violation, story: str, reviewer: User | None) -> None:
    if story == "upheld":
        closed = at(violation.appeal_deadline + datetime.timedelta(days=1), 0)
        move(violation, ViolationStatus.UPHELD, None, "Hết hạn khiếu nại mà không có khiếu nại.", closed)
        require_demo_action(violation, done=True)
    elif story in {"dismissed", "upheld-appeal", "pending"}:
        head = demo_user("thutruong") if story == "pending" else unit_head_login(violation.unit)
        appeal = file_demo_appeal(violation, head)
        if story != "pending":
            outcome = AppealStatus.DISMISSED if story == "dismissed" else AppealStatus.UPHELD
            decide_demo_appeal(appeal, reviewer, outcome)
            if outcome == AppealStatus.UPHELD:
                require_demo_action(violation, done=True, confirmed=True)
    elif story == "open":
        require_demo_action(violation)


def move(obj, to_status: str, by, reason: str, when: datetime.datetime) -> None:
    from_status, obj.status = obj.status, to_status
    obj.save()
    record_status_change(obj=obj, by=by, from_status=from_status, to_status=to_status, reason=reason, at=when)


APPEAL_REASONS = {
    "VP-CM-02": "Đơn vị đã làm việc với công dân; công dân xác nhận được hướng dẫn đầy đủ, rút phản ánh (có biên bản).",
    "VP-ID-01": "Cán bộ có đeo thẻ nhưng thẻ bị che bởi áo khoác; gửi kèm ảnh camera quầy một cửa cùng thời điểm.",
}
DECISIONS = {
    AppealStatus.DISMISSED: "Biên bản làm việc với công dân cho thấy phản ánh không đúng; hủy bỏ vi phạm.",
    AppealStatus.UPHELD: "Kết quả xác minh của Thanh tra huyện có đủ căn cứ; giữ nguyên vi phạm.",
}


def file_demo_appeal(violation: Violation, head: User) -> Appeal:
    reason = APPEAL_REASONS.get(violation.type.code, "Đề nghị xem xét lại vì đơn vị đã có giải trình.")
    filed = at(violation.document_date + datetime.timedelta(days=2), 14)
    appeal = Appeal.objects.create(violation=violation, reason=reason, filed_by=head, filed_at=filed)
    record_status_change(obj=appeal, by=head, to_status=AppealStatus.PENDING, reason=reason, at=filed)
    move(violation, ViolationStatus.CONTESTED, head, reason, filed)
    return appeal


def decide_demo_appeal(appeal: Appeal, reviewer: User | None, outcome: str) -> None:
    decided = appeal.filed_at + datetime.timedelta(days=5)
    appeal.decided_by, appeal.decided_at, appeal.decision_reason = reviewer, decided, DECISIONS[outcome]
    appeal.save(update_fields=["decided_by", "decided_at", "decision_reason"])
    move(appeal, outcome, reviewer, DECISIONS[outcome], decided)
    move(appeal.violation, outcome, reviewer, DECISIONS[outcome], decided)


def require_demo_action(violation: Violation, *, done: bool = False, confirmed: bool = False) -> None:
    """A corrective action owned by the unit head, taken as far as the story says."""
    owner = unit_head_login(violation.unit) if violation.unit.code != "DNO-SNV" else demo_user("thutruong")
    start = at(violation.document_date + datetime.timedelta(days=10))
    action = CorrectiveAction.objects.create(
        violation=violation,
        description="Tổ chức họp đơn vị, quán triệt quy tắc ứng xử; báo cáo kết quả bằng văn bản.",
        owner_user=owner,
        due_date=max(timezone.localdate(), violation.document_date) + datetime.timedelta(days=30),
        created_by=violation.recorded_by,
        created_at=start,
    )
    record_status_change(obj=action, by=violation.recorded_by, to_status=ActionStatus.OPEN, at=start)
    if done:
        action.completion_note = "Đã họp toàn cơ quan ngày làm việc kế tiếp; có biên bản họp và cam kết của cán bộ."
        action.done_at = start + datetime.timedelta(days=7)
        move(action, ActionStatus.DONE, owner, action.completion_note, action.done_at)
    if confirmed:
        action.confirmed_by, action.confirmed_at = violation.recorded_by, start + datetime.timedelta(days=9)
        move(action, ActionStatus.CONFIRMED, violation.recorded_by, "", action.confirmed_at)
