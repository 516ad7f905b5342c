# ruff: noqa: E501  (data tables read best one row per line)
"""The national dataset's catalogue and scoring scheme, as data: 25 checklist items (one violation type each) and a
scheme that uses every feature the engine knows — capped groups, self-assessment, inspection-share (per category and
over all checks), KPI criteria of every kind (derived rate, entered rate, count, at-least and at-most), deduction
rules with and without caps, bonus rules under a cap, bands, and vetoes of every kind.

Modelled on the demo's office-culture scheme; group maxima sit below the sum of their criteria so group caps bite.
Built only through the app-level model aggregates (`evaluations.models`, `emulation.models`).
"""

from decimal import Decimal

from emulation.models import (
    Band,
    BonusRule,
    Criterion,
    CriterionGroup,
    CriterionMethod,
    CriterionSource,
    DeductionRule,
    Period,
    ScoringScheme,
    VetoKind,
    VetoRule,
)
from evaluations.models import ChecklistItem, KpiIndicator, Severity, ViolationCategory, ViolationType

D = Decimal
C = ViolationCategory
S, M = CriterionSource, CriterionMethod

# fmt: off
# (code, category, severity, weight of failing / being recorded: how common the breach is)
CHECKLIST = [
    ("DR-01", C.DRESS, Severity.MINOR, 6), ("DR-02", C.DRESS, Severity.MINOR, 3), ("DR-03", C.DRESS, Severity.MINOR, 1),
    ("ID-01", C.BADGE, Severity.MINOR, 10), ("ID-02", C.BADGE, Severity.MINOR, 4),
    ("CM-01", C.CONDUCT, Severity.SERIOUS, 3), ("CM-02", C.CONDUCT, Severity.SERIOUS, 2), ("CM-03", C.CONDUCT, Severity.MINOR, 2),
    ("CM-04", C.CONDUCT, Severity.MINOR, 3), ("CM-05", C.CONDUCT, Severity.GRAVE, 0.2), ("CM-06", C.CONDUCT, Severity.SERIOUS, 1),
    ("DS-01", C.DISCIPLINE, Severity.MINOR, 9), ("DS-02", C.DISCIPLINE, Severity.MINOR, 3), ("DS-03", C.DISCIPLINE, Severity.MINOR, 6),
    ("AL-01", C.ALCOHOL, Severity.SERIOUS, 2), ("AL-02", C.ALCOHOL, Severity.SERIOUS, 1), ("AL-03", C.ALCOHOL, Severity.GRAVE, 0.3),
    ("SM-01", C.SMOKING, Severity.MINOR, 7), ("SM-02", C.SMOKING, Severity.MINOR, 2),
    ("OF-01", C.OFFICE, Severity.MINOR, 4), ("OF-02", C.OFFICE, Severity.MINOR, 1), ("OF-03", C.OFFICE, Severity.MINOR, 1),
    ("OF-04", C.OFFICE, Severity.MINOR, 1), ("GA-01", C.GAMBLING, Severity.GRAVE, 0.2), ("FS-01", C.FESTIVALS, Severity.SERIOUS, 1),
]
# group: (code, name, max, [criterion: (code, name, max, source, method, params)]); each group's criteria exceed its max
GROUPS = [
    ("A", "Tổ chức thực hiện phong trào", D("18"), [
        ("A1", "Ban hành kế hoạch, phát động, ký cam kết thi đua", D("6"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
        ("A2", "Tuyên truyền Quy chế văn hóa công sở", D("4"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
        ("A3", "Sơ kết, tổng kết; biểu dương điển hình", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
        ("A4", "Báo cáo đúng hạn, đầy đủ", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
    ]),
    ("B", "Chấp hành văn hóa công sở (kết quả kiểm tra)", D("30"), [
        ("B1", "Trang phục, đeo thẻ", D("10"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["dress", "badge"]}),
        ("B2", "Giao tiếp, ứng xử", D("15"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["conduct"]}),
        ("B3", "Bài trí công sở", D("10"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["office"]}),
    ]),
    ("C", "Kỷ luật, kỷ cương hành chính", D("25"), [
        ("C1", "Giờ giấc, không làm việc riêng", D("8"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["discipline"]}),
        ("C2", "Không uống rượu, bia trong giờ làm việc", D("8"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["alcohol"]}),
        ("C3", "Không hút thuốc lá tại nơi làm việc", D("4"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["smoking"]}),
        ("C4", "Kết quả kiểm tra chung (mọi nội dung)", D("6"), S.INSPECTIONS, M.PASS_SHARE, {}),
    ]),
    ("D", "Cải cách thủ tục hành chính", D("20"), [
        ("D1", "Tỷ lệ hồ sơ đúng hạn (đủ điểm từ 95 %)", D("10"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "TL-DH", "full_at": D("95"), "zero_at": D("70")}),
        ("D2", "Tỷ lệ tiếp nhận trực tuyến (đủ điểm từ 50 %)", D("4"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "TL-TT", "full_at": D("50"), "zero_at": D("10")}),
        ("D3", "Tỷ lệ hồ sơ quá hạn (đủ điểm khi không quá 2 %)", D("3"), S.KPI, M.KPI_AT_MOST, {"kpi": "TL-QH", "full_at": D("2"), "zero_at": D("10")}),
        ("D4", "SIPAS (đủ điểm từ 90 %)", D("3"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "SIPAS", "full_at": D("90"), "zero_at": D("70")}),
        ("D5", "Phản ánh được xác minh (đủ điểm khi không có)", D("2"), S.KPI, M.KPI_AT_MOST, {"kpi": "PAKN-XM", "full_at": D("0"), "zero_at": D("5")}),
        ("D6", "Niêm yết, công khai thủ tục hành chính", D("2"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
    ]),
]
# (checklist code of the violation type, points per occurrence, cap or None); types without a rule deduct nothing
DEDUCTIONS = [
    ("ID-01", D("0.5"), D("3")), ("DS-01", D("1"), D("4")), ("DS-03", D("1"), D("4")), ("SM-01", D("1"), D("3")),
    ("DR-01", D("0.5"), D("2")), ("CM-01", D("2"), D("6")), ("CM-02", D("2"), D("6")), ("AL-01", D("3"), D("9")),
    ("AL-02", D("3"), D("9")), ("AL-03", D("5"), None), ("GA-01", D("5"), None), ("CM-05", D("4"), None),
]
BONUSES = [("CO-TINH", "Cờ thi đua cấp tỉnh", D("10")), ("BK-TINH", "Bằng khen UBND tỉnh", D("5")),
           ("SANG-KIEN", "Sáng kiến được công nhận", D("3")), ("DIEN-HINH", "Điển hình tiên tiến", D("2"))]
BANDS = [("XS", "Xuất sắc", D("90")), ("TOT", "Tốt", D("80")), ("KHA", "Khá", D("70")), ("KHT", "Không hoàn thành", D("0"))]
# (kind, description, violation type's checklist code, capped band code, min discipline)
VETOES = [
    (VetoKind.VIOLATION_CAPS_BAND, "Lái xe sau khi uống rượu, bia: không quá Khá", "AL-03", "KHA", ""),
    (VetoKind.VIOLATION_CAPS_BAND, "Đánh bạc: không quá Khá", "GA-01", "KHA", ""),
    (VetoKind.VIOLATION_BARS_BLOC_LEAD, "Phát ngôn làm lộ bí mật: không dẫn đầu khối", "CM-05", "", ""),
    (VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES, "Kỷ luật từ cảnh cáo: không xét danh hiệu tập thể", "", "", "canh_cao"),
]
TIE_BREAK_KEYS = ["fewer_upheld_violations", "higher_group_points:C"]
MIN_INSPECTIONS = 2
BONUS_CAP = D("10")
# fmt: on


def build_catalogue() -> tuple[dict[str, ChecklistItem], dict[str, ViolationType]]:
    """The 25 items and their violation types (kept when they already exist), keyed by checklist code."""
    ViolationType.objects.bulk_create(
        [ViolationType(code=f"VP-{code}", name=f"Vi phạm {code}", category=category, severity=severity)
         for code, category, severity, _weight in CHECKLIST],
        ignore_conflicts=True,
    )  # fmt: skip
    types = {t.code.removeprefix("VP-"): t for t in ViolationType.objects.filter(code__startswith="VP-")}
    ChecklistItem.objects.bulk_create(
        [ChecklistItem(code=code, category=category, text=f"Nội dung kiểm tra {code}", violation_type=types[code],
                       position=position) for position, (code, category, _s, _w) in enumerate(CHECKLIST, start=1)],
        ignore_conflicts=True,
    )  # fmt: skip
    items = ChecklistItem.objects.in_bulk([code for code, *_rest in CHECKLIST], field_name="code")
    return items, types


def build_scheme(period: Period, types: dict[str, ViolationType]) -> ScoringScheme:
    scheme = ScoringScheme.objects.create(
        period=period, name=f"Bảng điểm quốc gia — {period.name}", bonus_cap=BONUS_CAP,
        min_inspections=MIN_INSPECTIONS, tie_break_keys=TIE_BREAK_KEYS, effective_date=period.starts_on,
    )  # fmt: skip
    _criteria(scheme)
    DeductionRule.objects.bulk_create(
        [DeductionRule(scheme=scheme, violation_type=types[code], points_per_occurrence=points, cap=cap)
         for code, points, cap in DEDUCTIONS]
    )  # fmt: skip
    BonusRule.objects.bulk_create([BonusRule(scheme=scheme, code=c, description=d, points=p) for c, d, p in BONUSES])
    bands = {b.code: b for b in Band.objects.bulk_create([Band(scheme=scheme, code=c, name=n, min_total=m)
                                                          for c, n, m in BANDS])}  # fmt: skip
    VetoRule.objects.bulk_create(
        [VetoRule(scheme=scheme, kind=kind, description=text, violation_type=types.get(code),
                  capped_band=bands.get(band), min_discipline=discipline)
         for kind, text, code, band, discipline in VETOES]
    )  # fmt: skip
    return scheme


def _criteria(scheme: ScoringScheme) -> None:
    indicators = KpiIndicator.objects.in_bulk(field_name="code")
    groups = CriterionGroup.objects.bulk_create(
        [CriterionGroup(scheme=scheme, code=code, name=name, max_points=top, position=i)
         for i, (code, name, top, _criteria) in enumerate(GROUPS, start=1)]
    )  # fmt: skip
    rows = []
    for group, (*_head, criteria) in zip(groups, GROUPS, strict=True):
        for position, (code, name, top, source, method, params) in enumerate(criteria, start=1):
            kpi = indicators[params["kpi"]] if "kpi" in params else None
            rows.append(Criterion(
                group=group, code=code, name=name, max_points=top, source=source, method=method, kpi_indicator=kpi,
                full_at=params.get("full_at"), zero_at=params.get("zero_at"), position=position,
                checklist_categories=params.get("checklist_categories", []),
            ))  # fmt: skip
    Criterion.objects.bulk_create(rows)
