"""Demo emulation data for the Đắk Nông demo province: two movements, yearly periods 2019–2026, blocs, schemes,
pledges with staff registrations, and self-assessment lines.

Rules:
- Deterministic (seeded generator) and idempotent: a movement that already exists is left as it is.
- Past years are finalized with every pledge accepted (a few late, accepted by the administrator); the current
  year is in progress with pledges in every state, so each workflow step can be seen.
- Schemes are built once for the first year and copied forward with `copy_scheme`, as administrators do.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from emulation.movements.models import Bloc, BlocKind, BlocMembership, CommitmentItem, Movement, Period, PeriodStatus
from emulation.pledges.models import Pledge, PledgeStatus, Registration, SelfAssessment
from emulation.schemes.copying import copy_scheme
from emulation.schemes.demo import BANDS, BONUSES, SCHEMES, TIE_BREAK_KEYS, VETOES
from emulation.schemes.models import Criterion, CriterionGroup, CriterionSource, DeductionRule, ScoringScheme, VetoRule
from emulation.titles.models import Title
from evaluations.models import KpiIndicator, ViolationType
from units.demo import CURRENT_PROVINCE_CODE, PROVINCE_CODE, demo_email
from units.models import Level, Person, Unit, User

SEED = 20260101

CURRENT_YEAR = 2026

P = PROVINCE_CODE

# From this year on the movements run on Lâm Đồng's tree (units.reorganisation.demo): the units formed on
# 01/07/2025 registered again by the end of July; the years before stay on Đắk Nông's tree.
NEW_TREE_FROM = 2025

REREGISTRATION_DEADLINE = datetime.datetime(2025, 7, 31, 17, 0)

# fmt: off
MOVEMENTS = [
    {"code": "VHCS", "name": "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
     "launching_document": "QĐ 733/QĐ-TTg (2019) của Thủ tướng Chính phủ", "start_year": 2019, "end_year": 2025,
     "description": "Phát động 2019, sơ kết 2022, tổng kết 2025. Tỉnh tiếp tục duy trì trong năm 2026 "
                    "cho đến khi có phong trào kế tiếp.",
     "years": range(2019, CURRENT_YEAR + 1), "registers_staff": True, "items": [
         ("VH-01", "Xây dựng cơ quan văn minh, hiện đại, xanh, sạch, đẹp"),
         ("VH-02", "Không uống rượu, bia buổi trưa ngày làm việc"),
         ("VH-03", "Không hút thuốc lá tại nơi làm việc"),
         ("VH-04", "Trang phục gọn gàng, lịch sự; đeo thẻ công chức, viên chức trong giờ làm việc"),
         ("VH-05", "Chấp hành nghiêm giờ giấc làm việc, không làm việc riêng trong giờ hành chính"),
         ("VH-06", "Giao tiếp, ứng xử văn minh, lịch sự với người dân và đồng nghiệp")]},
    {"code": "CCHC", "name": "Đẩy mạnh cải cách thủ tục hành chính",
     "launching_document": "Kế hoạch cải cách hành chính của UBND tỉnh Đắk Nông (mẫu)", "start_year": 2021,
     "end_year": None, "description": "Chấm điểm theo các chỉ số giải quyết hồ sơ, SIPAS và kết quả kiểm tra.",
     "years": range(2021, CURRENT_YEAR + 1), "registers_staff": False, "items": [
         ("CC-01", "Niêm yết, công khai thủ tục hành chính"),
         ("CC-02", "Giải quyết hồ sơ trước hạn và đúng hạn từ 95 % trở lên"),
         ("CC-03", "Gửi thư xin lỗi cho mọi hồ sơ quá hạn"),
         ("CC-04", "Tiếp nhận hồ sơ trực tuyến toàn trình, một phần"),
         ("CC-05", "Không có phản ánh, kiến nghị về thái độ phục vụ được xác minh là đúng")]},
]

# (name, kind, member unit code suffixes); the leader rotates among the members year by year.
BLOCS = [
    ("Khối Tổng hợp", BlocKind.KHOI, ["SNV", "VP", "STC", "SKHDT", "TTR", "TTHCC", "CTHUE", "KBNN", "BHXH"]),
    ("Khối Kinh tế", BlocKind.KHOI, ["SXD", "SGTVT", "SNN", "STNMT", "SCT", "BQLKCN", "SKHCN", "STTTT", "STP"]),
    ("Khối Văn hóa - Xã hội", BlocKind.KHOI, ["SGDDT", "SYT", "SVHTTDL", "SLDTBXH", "CVDC", "PTTH", "TCT", "BDT"]),
    ("Cụm các huyện, thành phố", BlocKind.CUM, ["GN", "CJ", "DG", "DM", "DR", "DS", "KN", "TD"]),
]

# The same on Lâm Đồng's tree (the part formed from Đắk Nông): merged departments, the new communes and wards.
NEW_BLOCS = [
    ("Khối Tổng hợp", BlocKind.KHOI, ["SNV", "VP", "STC", "TTR", "TTHCC", "CTHUE", "KBNN", "BHXH"]),
    ("Khối Kinh tế", BlocKind.KHOI, ["SXD", "SNNMT", "SCT", "BQLKCN", "SKHCN", "STP"]),
    ("Khối Văn hóa - Xã hội", BlocKind.KHOI, ["SGDDT", "SYT", "SVHTTDL", "SDTTG", "CVDC", "PTTH", "TCT"]),
    ("Cụm các phường, xã khu vực Gia Nghĩa", BlocKind.CUM, ["XBGN", "XNGN", "XDGN", "XQS", "XKD", "XNC", "XTD",
                                                            "XQTR"]),
    ("Cụm các xã khu vực Cư Jút - Đắk Mil", BlocKind.CUM, ["XCJ", "XNDG", "XDM", "XTA", "XDA", "XTX", "XKN", "XNDA"]),
]

# Current-year pledges that are not simply accepted: (movement, unit suffix) → (status, late, return comment)
CURRENT_EXCEPTIONS = {
    ("VHCS", "STC"): (PledgeStatus.SUBMITTED, True, ""),
    ("VHCS", "STP"): (PledgeStatus.RETURNED, False, "Đề nghị bổ sung chỉ tiêu phòng, chống tác hại của rượu, bia."),
    ("VHCS", "SXD"): (PledgeStatus.DRAFT, False, ""),
    ("VHCS", "XBGN"): (None, False, ""),
    ("CCHC", "SNV"): (PledgeStatus.DRAFT, False, ""),
    ("CCHC", "SYT"): (PledgeStatus.SUBMITTED, False, ""),
}

def build_demo() -> dict[str, int]:
    """Build (or complete) the demo movements and return how many of each record exist."""
    rng = random.Random(SEED)
    with transaction.atomic():
        context = _context()
        for spec in MOVEMENTS:
            if not Movement.objects.filter(code=spec["code"]).exists():
                _build_movement(spec, context, rng)
    return {
        "movements": Movement.objects.count(),
        "periods": Period.objects.count(),
        "blocs": Bloc.objects.count(),
        "scoring schemes": ScoringScheme.objects.count(),
        "pledges": Pledge.objects.count(),
        "staff registrations": Registration.objects.count(),
        "self-assessment lines": SelfAssessment.objects.count(),
    }

def _context() -> dict:
    old = Unit.objects.filter(code__startswith=f"{P}-", level__in=[Level.DEPARTMENT, Level.DISTRICT])
    new = new_tree_units()
    return {
        "old units": {unit.code.removeprefix(f"{P}-"): unit for unit in old},
        "new units": {unit.code.split("-", 1)[1]: unit for unit in new},
        "titles": Title.objects.in_bulk(field_name="code"),
        "admin": User.objects.filter(email=demo_email("quantri")).first(),
        "head": User.objects.filter(email=demo_email("thutruong")).first(),
        "inspector": User.objects.filter(email=demo_email("kiemtra")).first(),
        "staff": _staff_then(old) | _staff_now(new),
    }

def new_tree_units():
    """The pledging units of Lâm Đồng's tree: the departments, agencies, communes and wards directly under it."""
    levels = [Level.DEPARTMENT, Level.COMMUNE]
    units = Unit.objects.filter(parent__code=CURRENT_PROVINCE_CODE, level__in=levels, valid_to__isnull=True)
    return units.order_by("code")

def _units_of(year: int, context: dict) -> dict[str, Unit]:
    return context["new units" if year >= NEW_TREE_FROM else "old units"]

def _staff_then(units) -> dict[int, list[Person]]:
    """The people each Đắk Nông unit had (its sub-units and communes included): those generated for it, wherever
    the reorganisation has since moved them, and those who left when their unit was dissolved."""
    staff: dict[int, list[Person]] = {unit.pk: [] for unit in units}
    codes = {f"{unit.code}-": unit.pk for unit in units}
    for person in Person.objects.filter(code__startswith=f"{P}-").order_by("code"):
        for prefix, pk in codes.items():
            if person.code.startswith(prefix):
                staff[pk].append(person)
    return staff

def _staff_now(units) -> dict[int, list[Person]]:
    """Active people of each pledging unit of today's tree, its sub-units included."""
    paths = {unit.path: unit.pk for unit in units}
    staff: dict[int, list[Person]] = {pk: [] for pk in paths.values()}
    for person in Person.objects.filter(active=True).select_related("unit").order_by("code"):
        for path, pk in paths.items():
            if person.unit.path.startswith(path):
                staff[pk].append(person)
    return staff

def _build_movement(spec: dict, context: dict, rng: random.Random) -> None:
    fields = {k: spec[k] for k in ("code", "name", "launching_document", "start_year", "end_year", "description")}
    movement = Movement.objects.create(**fields)
    items = [
        CommitmentItem.objects.create(movement=movement, code=code, text=text, position=i)
        for i, (code, text) in enumerate(spec["items"], start=1)
    ]
    periods = [_period(movement, year) for year in spec["years"]]
    _build_scheme(periods[0], SCHEMES[spec["code"]])
    for previous, period in zip(periods, periods[1:], strict=False):
        copy_scheme(source=previous.scheme, to_period=period, name=f"Bảng điểm {movement.name} — {period.name}")
    for period in periods:
        _blocs(period, _units_of(period.starts_on.year, context))
        _pledges(period, spec, items, context, rng)
    Period.objects.filter(movement=movement).exclude(starts_on__year=CURRENT_YEAR).update(status=PeriodStatus.FINALIZED)
    Period.objects.filter(movement=movement, starts_on__year=CURRENT_YEAR).update(status=PeriodStatus.IN_PROGRESS)

def _period(movement: Movement, year: int) -> Period:
    deadline = timezone.make_aware(datetime.datetime(year, 3, 15, 17, 0))
    if year == NEW_TREE_FROM:
        deadline = timezone.make_aware(REREGISTRATION_DEADLINE)
    return Period.objects.create(
        movement=movement,
        name=f"Năm {year}",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        registration_deadline=deadline,
        status=PeriodStatus.IN_PROGRESS,
    )

def _build_scheme(period: Period, spec: dict) -> ScoringScheme:
    scheme = ScoringScheme.objects.create(
        period=period,
        name=f"Bảng điểm {period.movement.name} — {period.name}",
        max_total=Decimal("100"),
        bonus_cap=Decimal("10"),
        min_inspections=spec["min_inspections"],
        tie_break_keys=TIE_BREAK_KEYS,
        legal_basis=spec["legal_basis"],
        effective_date=period.starts_on,
    )
    for position, (code, name, max_points, criteria) in enumerate(spec["groups"], start=1):
        group = CriterionGroup.objects.create(
            scheme=scheme, code=code, name=name, max_points=max_points, position=position
        )
        for order, row in enumerate(criteria, start=1):
            _criterion(group, order, *row)
    _rules(scheme, spec["deductions"])
    return scheme

def _criterion(group, position, code, name, max_points, source, method, params) -> Criterion:
    kpi = KpiIndicator.objects.filter(code=params.get("kpi")).first() if params.get("kpi") else None
    return Criterion.objects.create(
        group=group,
        code=code,
        name=name,
        max_points=max_points,
        source=source,
        method=method,
        kpi_indicator=kpi,
        full_at=params.get("full_at"),
        zero_at=params.get("zero_at"),
        checklist_categories=params.get("checklist_categories", []),
        evidence_required=params.get("evidence_required", False),
        position=position,
    )

def _rules(scheme: ScoringScheme, deductions: list) -> None:
    """Deductions, bonuses, bands and vetoes; rules naming a violation type the catalogue lacks are skipped."""
    types = ViolationType.objects.in_bulk(field_name="code")
    for code, points, cap in deductions:
        if code in types:
            DeductionRule.objects.create(
                scheme=scheme, violation_type=types[code], points_per_occurrence=points, cap=cap
            )
    for code, description, points in BONUSES:
        scheme.bonus_rules.create(code=code, description=description, points=points)
    bands = {code: scheme.bands.create(code=code, name=name, min_total=low) for code, name, low in BANDS}
    for kind, description, type_code, band_code, discipline in VETOES:
        if type_code and type_code not in types:
            continue
        VetoRule.objects.create(
            scheme=scheme,
            kind=kind,
            description=description,
            violation_type=types.get(type_code),
            capped_band=bands.get(band_code),
            min_discipline=discipline,
        )

def _blocs(period: Period, units: dict[str, Unit]) -> None:
    year = period.starts_on.year
    for name, kind, suffixes in NEW_BLOCS if year >= NEW_TREE_FROM else BLOCS:
        members = [units[s] for s in suffixes if s in units]
        if not members:
            continue
        leader = units["SNV"] if year == CURRENT_YEAR and "SNV" in suffixes else members[year % len(members)]
        bloc = Bloc.objects.create(period=period, name=name, kind=kind, leader=leader)
        BlocMembership.objects.bulk_create([BlocMembership(bloc=bloc, unit=u, period=period) for u in members])

def _pledges(period: Period, spec: dict, items: list, context: dict, rng: random.Random) -> None:
    current = period.starts_on.year == CURRENT_YEAR
    titles = context["titles"]
    for suffix, unit in sorted(_units_of(period.starts_on.year, context).items()):
        status, late, comment = PledgeStatus.ACCEPTED, rng.random() < 0.1, ""
        if current:
            status, late, comment = CURRENT_EXCEPTIONS.get((spec["code"], suffix), (PledgeStatus.ACCEPTED, late, ""))
        if status is None:
            continue
        pledge = Pledge.objects.create(
            unit=unit,
            period=period,
            target_title=titles.get("TTLDXS" if rng.random() < 0.4 else "TTLDTT"),
            own_targets=_own_targets(spec["code"], rng),
            **_workflow(period, unit, status, late, comment, context),
        )
        pledge.commitment_items.set(items if rng.random() < 0.7 else items[:-1])
        if spec["registers_staff"]:
            _registrations(pledge, context["staff"][unit.pk], titles, rng)
        if status in {PledgeStatus.ACCEPTED, PledgeStatus.SUBMITTED}:
            _self_assessment(pledge, context, rng, verify_share=0.5 if current else 1.0)

def _own_targets(code: str, rng: random.Random) -> str:
    if code == "CCHC":
        return (
            f"Tỷ lệ hồ sơ giải quyết đúng hạn đạt {rng.choice([96, 97, 98, 99])} %; 100 % hồ sơ quá hạn có thư xin lỗi."
        )
    return f"100 % cán bộ đeo thẻ; tổ chức {rng.choice([2, 3, 4])} đợt tự kiểm tra văn hóa công sở trong năm."

def _workflow(period: Period, unit: Unit, status: str, late: bool, comment: str, context: dict) -> dict:
    """Timestamps and actors consistent with the status: late pledges were accepted by the administrator."""
    deadline = period.registration_deadline
    if status == PledgeStatus.DRAFT:
        return {"status": status}
    submitted_at = deadline + datetime.timedelta(days=3) if late else deadline - datetime.timedelta(days=10)
    head = context["head"] if unit.code in (f"{P}-SNV", f"{CURRENT_PROVINCE_CODE}-SNV") else None
    fields = {"status": status, "submitted_at": submitted_at, "submitted_by": head, "is_late": late}
    if status == PledgeStatus.ACCEPTED:
        accepted_at = submitted_at + datetime.timedelta(days=2)
        fields.update(
            accepted_at=accepted_at, accepted_by=context["admin"], accepted_after_deadline=accepted_at > deadline
        )
    if status == PledgeStatus.RETURNED:
        fields.update(
            returned_at=submitted_at + datetime.timedelta(days=1), returned_by=context["admin"], return_comment=comment
        )
    return fields

def _registrations(pledge: Pledge, people: list[Person], titles: dict, rng: random.Random) -> None:
    """Everyone aims for Lao động tiên tiến; leaders and a few others for Chiến sĩ thi đua cơ sở."""
    rows = []
    for person in people:
        leader = person.position.startswith(("Giám đốc", "Chánh", "Trưởng", "Chủ tịch", "Cục trưởng", "Hiệu trưởng"))
        code = "CSTDCS" if leader or rng.random() < 0.08 else "LDTT"
        rows.append(Registration(pledge=pledge, person=person, title=titles[code]))
    Registration.objects.bulk_create(rows)

def _self_assessment(pledge: Pledge, context: dict, rng: random.Random, verify_share: float) -> None:
    """Claims near the maximum; the inspector verifies (never for the inspectorate, their own unit)."""
    inspector = context["inspector"]
    own_unit = inspector is not None and inspector.person.unit.path.startswith(pledge.unit.path)
    criteria = Criterion.objects.filter(group__scheme__period=pledge.period, source=CriterionSource.SELF_ASSESSMENT)
    lines = []
    for criterion in criteria:
        claimed = max(
            Decimal("0"), criterion.max_points - rng.choice([Decimal("0"), Decimal("0"), Decimal("0.5"), Decimal("1")])
        )
        line = SelfAssessment(
            pledge=pledge, criterion=criterion, claimed_points=claimed, note="Có kế hoạch, báo cáo kèm theo."
        )
        if inspector is not None and not own_unit and rng.random() < verify_share:
            adjust = rng.random() < 0.2 and claimed > 0
            line.verified_points = claimed - Decimal("0.5") if adjust else claimed
            line.verification_reason = "Minh chứng chưa đầy đủ." if adjust else ""
            line.verifier, line.verified_at = inspector, _verification_time(pledge.period)
        lines.append(line)
    SelfAssessment.objects.bulk_create(lines)

def _verification_time(period: Period) -> datetime.datetime:
    """Verification happens in the year's last weeks, or now for the year in progress."""
    year_end = timezone.make_aware(datetime.datetime(period.ends_on.year, 12, 20, 9, 0))
    return min(year_end, timezone.now())
