"""Demo data of the province Đắk Nông (Lâm Đồng from 01/07/2025): yearly KPI readings of the procedure-reform
movement (each unit for the periods it existed), and violations known from documents with their appeals (some
dismissed, some upheld, one waiting) and corrective actions.

Idempotent: readings are matched by (unit, indicator, dates), violations by their document reference. Numbers
come from a seeded random generator, shaped like real one-stop portals (mostly early, a few per cent late; each unit
with its own lateness and online uptake, so the procedure-reform scores spread over the bands). The departments and
agencies report their own dossiers too (smaller volumes, by kind of unit), from a second generator so they leave the
centre's, districts' and communes' numbers alone. Derived rates of freshly read periods are written in bulk, as
`refresh_derived_rates` would (which still handles a period completed later).
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from evaluations.appeals.models import ActionStatus, Appeal, AppealStatus, CorrectiveAction
from evaluations.catalogue.models import ViolationType
from evaluations.catalogue.seed import seed_catalogue
from evaluations.history import record_status_change
from evaluations.inspections.models import Violation, ViolationStatus
from evaluations.kpi.models import EntryMethod, KpiIndicator, KpiReading
from evaluations.kpi.services import _ratio, refresh_derived_rates
from evaluations.signals import observations_changed
from units.demo import demo_units
from units.models import Kind, Level, Person, Unit, User

SEED = 20190519  # the day the office-culture movement was launched

DEPARTMENT_SEED = SEED + 1

SOURCE = "Hệ thống thông tin giải quyết TTHC tỉnh Đắk Nông"

# (year, period start, period end, share of dossiers filed online)
PERIODS = [
    (2021, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31), 0.14),
    (2022, datetime.date(2022, 1, 1), datetime.date(2022, 12, 31), 0.27),
    (2023, datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), 0.41),
    (2024, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), 0.55),
    (2025, datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 0.63),  # Đắk Nông's last half-year
    (2025, datetime.date(2025, 7, 1), datetime.date(2025, 12, 31), 0.66),  # Lâm Đồng's units from 01/07/2025
    (2026, datetime.date(2026, 1, 1), datetime.date(2026, 9, 30), 0.70),  # the nine-month report of the year
]

# A unit's habits, drawn once: how much later than the province's usual it resolves dossiers (the late share
# shrinks by LATE_IMPROVEMENT a year), and how far it has moved its dossiers online.
LATENESS = [0.5, 0.8, 1.0, 1.3, 1.8, 2.5, 3.5, 5.0]

ONLINE_UPTAKE = (0.4, 1.2)

LATE_IMPROVEMENT = 0.06

# Dossiers a year, by kind of unit.
VOLUME = {"TTHCC": (42000, 58000), Level.DISTRICT: (6000, 14000), Level.COMMUNE: (900, 3800)}

DEPARTMENT_VOLUME = {Kind.DEPARTMENT: (1500, 9000), Kind.AGENCY: (300, 4000), Kind.PUBLIC_SERVICE: (60, 800)}


def build_demo() -> dict[str, int]:
    seed_catalogue()
    with transaction.atomic():
        readings = build_kpi_readings()
        violations = build_violations()
    return {"KPI readings": readings, "violations from documents (with appeals)": violations}


# The provincial one-stop centre, before and after 01/07/2025.
CENTRES = ["DNO-TTHCC", "LDG-TTHCC"]


def kpi_units() -> list[Unit]:
    """The one-stop centres, the districts and every commune or ward (each reports for the periods it existed)."""
    units = Unit.objects.filter(code__in=CENTRES) | Unit.objects.filter(
        demo_units("-"), level__in=[Level.DISTRICT, Level.COMMUNE]
    )
    return list(units.order_by("code"))


def department_units() -> list[Unit]:
    """Departments and agencies other than the one-stop centres (whose readings `kpi_units` already covers)."""
    units = Unit.objects.filter(demo_units("-"), level=Level.DEPARTMENT).exclude(code__in=CENTRES)
    return list(units.order_by("code"))


def existed_throughout(unit: Unit, start: datetime.date, end: datetime.date) -> bool:
    return (unit.valid_from or start) <= start and (unit.valid_to or end) >= end


def volume(unit: Unit) -> tuple[int, int]:
    if unit.code in CENTRES:
        return VOLUME["TTHCC"]
    if unit.level == Level.DEPARTMENT:
        return DEPARTMENT_VOLUME.get(unit.kind, DEPARTMENT_VOLUME[Kind.AGENCY])
    return VOLUME[unit.level]


def yearly_counts(
    rng: random.Random, unit: Unit, online: float, fraction: float, lateness: float = 1.0
) -> dict[str, int]:
    """One unit-year of a one-stop portal: received, resolved (early / on time / late), online, complaints."""
    low, high = volume(unit)
    received = int(rng.randint(low, high) * fraction)
    resolved = int(received * rng.uniform(0.93, 0.99))
    late = int(resolved * min(0.3, rng.triangular(0.002, 0.07, 0.012) * lateness))
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
    """Yearly readings for the provincial one-stop centre, every district, commune and department (2021 – first
    half 2025, then the first nine months of 2026)."""
    indicators = {i.code: i for i in KpiIndicator.objects.all()}
    existing = set(KpiReading.objects.values_list("unit_id", "indicator_id", "period_start", "period_end"))
    new, fresh, partial = [], [], []
    for units, seed in ((kpi_units(), SEED), (department_units(), DEPARTMENT_SEED)):
        for unit, start, end, values in _unit_periods(units, random.Random(seed)):
            missing = [code for code in values if (unit.pk, indicators[code].pk, start, end) not in existing]
            new.extend(_reading(unit, indicators[code], start, end, values[code]) for code in missing)
            if len(missing) == len(values):
                fresh.append((unit, start, end, {indicators[code].pk: Decimal(v) for code, v in values.items()}))
            elif missing:
                partial.append((unit, start, end))
    KpiReading.objects.bulk_create(new, batch_size=500)
    KpiReading.objects.bulk_create(_derived_rates(fresh), batch_size=500)
    if fresh:
        observations_changed.send(KpiReading, changes=[(unit.pk, start) for unit, start, _end, _values in fresh])
    for unit, start, end in partial:
        refresh_derived_rates(unit=unit, start=start, end=end)
    return KpiReading.objects.count()


def _unit_periods(units, rng: random.Random):
    """(unit, start, end, {indicator code: value}) for every unit and reported period, the units' habits drawn
    first; a period not over yet has no report."""
    today = timezone.localdate()
    for unit in units:
        lateness, uptake = rng.choice(LATENESS), rng.uniform(*ONLINE_UPTAKE)
        for year, start, end, online in PERIODS:
            if end >= today or not existed_throughout(unit, start, end):
                continue
            fraction = ((end - start).days + 1) / 365
            late_factor = lateness * max(0.3, 1 - LATE_IMPROVEMENT * (year - PERIODS[0][0]))
            values = yearly_counts(rng, unit, min(0.95, online * uptake), fraction, late_factor)
            values["SIPAS"] = Decimal(str(round(rng.uniform(80, 88) + (year - 2021) * 1.6, 2)))
            yield unit, start, end, values


def _derived_rates(fresh) -> list[KpiReading]:
    """The derived rates of periods read in full just now, as `refresh_derived_rates` would store them (in bulk)."""
    rows = []
    derived = list(KpiIndicator.objects.derived().prefetch_related("numerator", "denominator"))
    for unit, start, end, values in fresh:
        for indicator in derived:
            numerator = [i.pk for i in indicator.numerator.all()]
            denominator = [i.pk for i in indicator.denominator.all()]
            if not all(pk in values for pk in numerator + denominator):
                continue
            rate = _ratio(sum(values[pk] for pk in numerator), sum(values[pk] for pk in denominator))
            if rate is not None:
                rows.append(
                    KpiReading(
                        unit=unit,
                        indicator=indicator,
                        period_start=start,
                        period_end=end,
                        value=rate,
                        entry_method=EntryMethod.DERIVED,
                    )
                )
    return rows


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
        "LDG-SNV",
        "",
        "Phản ánh của người dân: gọi điện đến cơ quan không được xưng tên, đơn vị.",
        "open",
    ),
]


def demo_user(local_part: str) -> User | None:
    from units.demo import demo_email

    return User.objects.filter(email=demo_email(local_part)).first()


def unit_head_login(unit: Unit) -> User:
    """The demo login of a unit's head (the person coded <unit>-001), created on first use. Its role is on the unit
    holding the unit's place today; a unit dissolved without successor leaves the login without a role."""
    from units.demo import DEMO_PASSWORD, current_unit, demo_email
    from units.models import Role, RoleAssignment

    email = demo_email(f"thutruong.{unit.code.removeprefix('DNO-').lower()}")
    user = User.objects.filter(email=email).first()
    if user is None:
        head = Person.objects.filter(code=f"{unit.code}-001").first()
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=head.full_name if head else "")
        if head is not None and head.user_id is None:
            Person.objects.filter(pk=head.pk).update(user=user)
    holder = current_unit(unit)
    if holder.is_active:
        RoleAssignment.objects.get_or_create(user=user, role=Role.UNIT_HEAD, unit=holder)
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
    filed = min(at(violation.document_date + datetime.timedelta(days=2), 14), timezone.now())  # never ahead of now
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
    owner = unit_head_login(violation.unit) if violation.unit.code != "LDG-SNV" else demo_user("thutruong")
    start = min(at(violation.document_date + datetime.timedelta(days=10)), timezone.now())  # never ahead of now
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
