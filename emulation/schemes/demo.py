# ruff: noqa: E501  (data tables read best one row per line)
"""The demo's two scoring schemes as data: about 100 points each, with deductions, bonuses, bands and vetoes.

Sources: domain.md §3 (real scoring practice), §6.2 (procedure-reform KPIs), P2.6 (office culture). The numbers are
a believable provincial scheme, not a quoted one; administrators edit them in the admin.
"""

from decimal import Decimal

from emulation.schemes.models import CriterionMethod as M
from emulation.schemes.models import CriterionSource as S
from emulation.schemes.models import VetoKind

D = Decimal

# fmt: off
# group: (code, name, max, [criterion: (code, name, max, source, method, params)])
OFFICE_CULTURE_GROUPS = [
    ("A", "Tổ chức thực hiện phong trào", D("20"), [
        ("A1", "Ban hành kế hoạch, phát động phong trào, tổ chức ký cam kết thi đua", D("6"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {"evidence_required": True}),
        ("A2", "Tuyên truyền, phổ biến Quy chế văn hóa công sở và quy tắc ứng xử", D("4"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
        ("A3", "Sơ kết, tổng kết; biểu dương, khen thưởng điển hình", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
        ("A4", "Báo cáo kết quả thực hiện đúng hạn, đầy đủ", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
    ]),
    ("B", "Chấp hành văn hóa công sở (kết quả kiểm tra)", D("35"), [
        ("B1", "Trang phục, đeo thẻ công chức, viên chức", D("10"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["dress", "badge"]}),
        ("B2", "Giao tiếp, ứng xử với người dân và đồng nghiệp", D("15"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["conduct"]}),
        ("B3", "Bài trí công sở: Quốc huy, Quốc kỳ, biển tên, phòng làm việc", D("10"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["office"]}),
    ]),
    ("C", "Kỷ luật, kỷ cương hành chính", D("25"), [
        ("C1", "Chấp hành giờ giấc, không làm việc riêng trong giờ làm việc", D("10"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["discipline"]}),
        ("C2", "Không uống rượu, bia trong giờ làm việc, buổi trưa ngày làm việc", D("10"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["alcohol"]}),
        ("C3", "Không hút thuốc lá tại nơi làm việc", D("5"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["smoking"]}),
    ]),
    ("D", "Cải cách thủ tục hành chính", D("20"), [
        ("D1", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn (đủ điểm từ 95 %)", D("10"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "TL-DH", "full_at": D("95"), "zero_at": D("70")}),
        ("D2", "Tỷ lệ hồ sơ tiếp nhận trực tuyến (đủ điểm từ 50 %)", D("5"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "TL-TT", "full_at": D("50"), "zero_at": D("10")}),
        ("D3", "Niêm yết, công khai thủ tục hành chính đầy đủ, đúng quy định", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
    ]),
]

# (violation type code, points per occurrence, cap or None)
OFFICE_CULTURE_DEDUCTIONS = [
    ("VP-AL-01", D("3"), D("9")), ("VP-AL-02", D("3"), D("9")), ("VP-AL-03", D("5"), None),
    ("VP-SM-01", D("1"), D("5")), ("VP-CM-01", D("2"), D("6")), ("VP-CM-02", D("2"), D("6")),
    ("VP-DS-01", D("1"), D("5")), ("VP-ID-01", D("0.5"), D("3")), ("VP-GA-01", D("5"), None),
]

PROCEDURE_REFORM_GROUPS = [
    ("I", "Công khai, minh bạch thủ tục hành chính", D("20"), [
        ("I1", "Niêm yết, công khai thủ tục hành chính tại nơi tiếp nhận và trên cổng dịch vụ công", D("10"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {"evidence_required": True}),
        ("I2", "Cập nhật, công bố thủ tục hành chính kịp thời trên Cơ sở dữ liệu quốc gia", D("10"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
    ]),
    ("II", "Kết quả giải quyết hồ sơ", D("50"), [
        ("II1", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn (đủ điểm từ 95 %)", D("25"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "TL-DH", "full_at": D("95"), "zero_at": D("70")}),
        ("II2", "Tỷ lệ hồ sơ quá hạn (đủ điểm khi không quá 2 %)", D("5"), S.KPI, M.KPI_AT_MOST, {"kpi": "TL-QH", "full_at": D("2"), "zero_at": D("10")}),
        ("II3", "Tỷ lệ hồ sơ tiếp nhận trực tuyến (đủ điểm từ 50 %)", D("10"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "TL-TT", "full_at": D("50"), "zero_at": D("10")}),
        ("II4", "Chỉ số hài lòng của người dân, tổ chức (SIPAS, đủ điểm từ 90 %)", D("10"), S.KPI, M.KPI_THRESHOLD_LINEAR, {"kpi": "SIPAS", "full_at": D("90"), "zero_at": D("70")}),
    ]),
    ("III", "Thái độ phục vụ tại bộ phận một cửa (kết quả kiểm tra)", D("20"), [
        ("III1", "Giao tiếp, hướng dẫn người dân lịch sự, đầy đủ; không sách nhiễu", D("20"), S.INSPECTIONS, M.PASS_SHARE, {"checklist_categories": ["conduct"]}),
    ]),
    ("IV", "Tổ chức thực hiện cải cách hành chính", D("10"), [
        ("IV1", "Ban hành và thực hiện kế hoạch cải cách hành chính năm", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
        ("IV2", "Gửi thư xin lỗi cho mọi hồ sơ quá hạn", D("5"), S.SELF_ASSESSMENT, M.VERIFIED_CLAIM, {}),
    ]),
]

PROCEDURE_REFORM_DEDUCTIONS = [("VP-CM-01", D("2"), D("10")), ("VP-CM-02", D("2"), D("10"))]

# (code, description, points) — their sum is capped by the scheme's bonus cap
BONUSES = [
    ("CO-TINH", "Được tặng Cờ thi đua cấp tỉnh trong năm", D("10")),
    ("BK-TINH", "Được tặng Bằng khen của Chủ tịch UBND tỉnh về nội dung phong trào", D("5")),
    ("SANG-KIEN", "Có sáng kiến, mô hình hay được cấp có thẩm quyền công nhận", D("3")),
    ("DIEN-HINH", "Được biểu dương là điển hình tiên tiến cấp tỉnh", D("2")),
]

# (code, name, from points)
BANDS = [("XS", "Xuất sắc", D("90")), ("TOT", "Tốt", D("80")), ("KHA", "Khá", D("70")), ("KHT", "Không hoàn thành", D("0"))]

# (kind, description, violation type code, capped band code, min discipline)
VETOES = [
    (VetoKind.VIOLATION_CAPS_BAND, "Có người điều khiển phương tiện sau khi uống rượu, bia (vi phạm được xác nhận): xếp loại không quá Khá", "VP-AL-03", "KHA", ""),
    (VetoKind.VIOLATION_CAPS_BAND, "Có người đánh bạc (vi phạm được xác nhận): xếp loại không quá Khá", "VP-GA-01", "KHA", ""),
    (VetoKind.VIOLATION_BARS_BLOC_LEAD, "Có người phát ngôn làm lộ bí mật, sai sự thật: không được suy tôn dẫn đầu khối", "VP-CM-05", "", ""),
    (VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES, "Có cán bộ bị kỷ luật từ cảnh cáo trở lên: không xét danh hiệu tập thể", "", "", "canh_cao"),
]

TIE_BREAK_KEYS = ["fewer_upheld_violations", "higher_group_points:C"]

SCHEMES = {
    "VHCS": {
        "groups": OFFICE_CULTURE_GROUPS,
        "deductions": OFFICE_CULTURE_DEDUCTIONS,
        "legal_basis": "QĐ 733/QĐ-TTg; QĐ 129/2007/QĐ-TTg; Kế hoạch thi đua của UBND tỉnh (mẫu)",
        "min_inspections": 2,
    },
    "CCHC": {
        "groups": PROCEDURE_REFORM_GROUPS,
        "deductions": PROCEDURE_REFORM_DEDUCTIONS,
        "legal_basis": "NQ 76/NQ-CP; Kế hoạch cải cách hành chính của UBND tỉnh (mẫu)",
        "min_inspections": 0,  # scored on KPI readings: no inspection needed to be ranked
    },
}
