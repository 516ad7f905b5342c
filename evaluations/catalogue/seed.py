# ruff: noqa: E501  (a data table: one §2.3 row per line reads better than wrapped tuples)
"""The office-culture checklist of shared/domain.md §2.3 and its violation types, as data.

Severity, deduction and title bars follow the note under §2.3: a plain breach is minor (the item's deduction);
an act that produces discipline or an administrative fine is serious or grave and bars titles (§1.7). Alcohol and
conduct are sensitive: the person is named only to the unit head, the inspectors and the council. All of it is
editable by administrators; seeding never overwrites what an administrator changed.
"""

import datetime

from evaluations.catalogue.models import AppealPolicy, ChecklistItem, Severity, ViolationType
from evaluations.catalogue.models import ViolationCategory as C

QD129 = "QĐ 129/2007/QĐ-TTg"

CT26 = "Chỉ thị 26/CT-TTg ngày 05/09/2016"

HANOI = "Quy tắc ứng xử CBCCVC thành phố Hà Nội (mẫu chấm điểm)"

# fmt: off
# (code, category, item text, legal basis, severity, deduction, bars person titles, bars unit titles)
CHECKLIST = [
    ("DR-01", C.DRESS, "Trang phục gọn gàng, lịch sự, phù hợp công việc (không mặc quần soóc, đi dép lê, áo sát nách…)", f"{QD129}, Điều 5", Severity.MINOR, "0.5", False, False),
    ("DR-02", C.DRESS, "Mặc đồng phục ngành vào các ngày quy định (bộ phận một cửa, thanh tra, quản lý thị trường…)", "Quy định trang phục của ngành", Severity.MINOR, "0.5", False, False),
    ("DR-03", C.DRESS, "Mặc lễ phục trong các buổi lễ, tiếp khách nước ngoài", f"{QD129}, Điều 5", Severity.MINOR, "0.5", False, False),
    ("ID-01", C.BADGE, "Đeo thẻ công chức, viên chức trong giờ làm việc", f"{CT26}; {QD129}, Điều 7", Severity.MINOR, "1", False, False),
    ("ID-02", C.BADGE, "Có biển tên, chức danh tại bàn làm việc hoặc cửa phòng, quầy một cửa", "Quy định của tỉnh", Severity.MINOR, "0.5", False, False),
    ("CM-01", C.CONDUCT, "Giao tiếp lịch sự, nhã nhặn với người dân; hướng dẫn đầy đủ; không hách dịch, sách nhiễu", f"{QD129}, Điều 9; {HANOI}", Severity.SERIOUS, "2", True, False),
    ("CM-02", C.CONDUCT, "Không có phản ánh, kiến nghị đã được xác minh về thái độ, chất lượng phục vụ", HANOI, Severity.SERIOUS, "2", True, False),
    ("CM-03", C.CONDUCT, "Tôn trọng, hợp tác với đồng nghiệp; giữ đoàn kết nội bộ", f"{QD129}, Điều 10; {HANOI}", Severity.MINOR, "1", False, False),
    ("CM-04", C.CONDUCT, "Giao tiếp qua điện thoại: xưng tên, đơn vị, nói ngắn gọn", f"{QD129}, Điều 11", Severity.MINOR, "0.5", False, False),
    ("CM-05", C.CONDUCT, "Không phát ngôn làm lộ bí mật cơ quan hoặc sai sự thật gây ảnh hưởng đến cơ quan", HANOI, Severity.GRAVE, "5", True, True),
    ("CM-06", C.CONDUCT, "Không có lời nói, hành vi làm tổn hại uy tín bản thân, đồng nghiệp, cơ quan", HANOI, Severity.SERIOUS, "2", True, False),
    ("DS-01", C.DISCIPLINE, "Đi làm đúng giờ, không về sớm; có mặt tại nơi làm việc (không vắng mặt không lý do)", HANOI, Severity.MINOR, "1", False, False),
    ("DS-02", C.DISCIPLINE, "Dự họp đúng giờ hoặc xin phép; báo cáo nội dung cuộc họp với lãnh đạo", HANOI, Severity.MINOR, "0.5", False, False),
    ("DS-03", C.DISCIPLINE, "Không làm việc riêng trong giờ làm việc (chơi game, mua sắm, mạng xã hội)", CT26, Severity.MINOR, "1", False, False),
    ("AL-01", C.ALCOHOL, "Không uống rượu, bia trong giờ làm việc, giờ nghỉ trưa của ngày làm việc, ngày trực", f"{CT26}; Luật Phòng, chống tác hại của rượu, bia 44/2019/QH14", Severity.SERIOUS, "3", True, False),
    ("AL-02", C.ALCOHOL, "Không uống rượu, bia trong các cuộc họp, liên hoan buổi trưa; không tiếp khách tại quán bia", "Chỉ thị của UBND tỉnh về phòng, chống tác hại của rượu, bia", Severity.SERIOUS, "3", True, False),
    ("AL-03", C.ALCOHOL, "Không điều khiển phương tiện sau khi uống rượu, bia (có biên bản, quyết định xử phạt)", "Nghị định 168/2024/NĐ-CP", Severity.GRAVE, "5", True, True),
    ("SM-01", C.SMOKING, "Không hút thuốc lá trong phòng làm việc, phòng họp, hội trường", f"{CT26}; {QD129}, Điều 4", Severity.MINOR, "1", False, False),
    ("OF-01", C.OFFICE, "Sắp xếp, bài trí chỗ làm việc gọn gàng, ngăn nắp", HANOI, Severity.MINOR, "0.5", False, False),
    ("OF-02", C.OFFICE, "Treo Quốc huy, Quốc kỳ, biển tên cơ quan, biển phòng đúng quy định", f"{QD129}, Điều 12–14", Severity.MINOR, "1", False, False),
    ("OF-03", C.OFFICE, "Chấp hành quy định ra vào cơ quan; bảo vệ tài sản, trang thiết bị", HANOI, Severity.MINOR, "0.5", False, False),
    ("OF-04", C.OFFICE, "Không quảng cáo thương mại, không nấu ăn trong công sở", f"{QD129}, Điều 4", Severity.MINOR, "0.5", False, False),
    ("GA-01", C.GAMBLING, "Không đánh bạc, không tham gia cờ bạc dưới mọi hình thức", CT26, Severity.GRAVE, "5", True, True),
    ("FS-01", C.FESTIVALS, "Không đi lễ hội trong giờ hành chính; không dùng xe công đi lễ hội", "Chỉ thị hằng năm của Thủ tướng về dịp Tết", Severity.SERIOUS, "2", True, False),
]

# The breach each item's violation type is named after: what happened, not the rule it breaks (the rule stays
# as the checklist item's text beside it). Copied into migration 0005 for the rows seeded earlier.
BREACHES = {
    "DR-01": "Trang phục không gọn gàng, lịch sự (quần soóc, dép lê, áo sát nách…)",
    "DR-02": "Không mặc đồng phục ngành vào ngày quy định",
    "DR-03": "Không mặc lễ phục trong buổi lễ, tiếp khách nước ngoài",
    "ID-01": "Không đeo thẻ công chức, viên chức trong giờ làm việc",
    "ID-02": "Thiếu biển tên, chức danh tại bàn làm việc, cửa phòng hoặc quầy một cửa",
    "CM-01": "Hách dịch, sách nhiễu, thiếu lịch sự với người dân",
    "CM-02": "Bị phản ánh (đã xác minh) về thái độ, chất lượng phục vụ",
    "CM-03": "Thiếu tôn trọng, gây mất đoàn kết với đồng nghiệp",
    "CM-04": "Nghe, gọi điện thoại công vụ không xưng tên, đơn vị",
    "CM-05": "Phát ngôn làm lộ bí mật cơ quan hoặc sai sự thật",
    "CM-06": "Lời nói, hành vi làm tổn hại uy tín bản thân, đồng nghiệp, cơ quan",
    "DS-01": "Đi muộn, về sớm hoặc vắng mặt không lý do",
    "DS-02": "Dự họp muộn, vắng họp không xin phép",
    "DS-03": "Làm việc riêng trong giờ làm việc (chơi game, mua sắm, mạng xã hội)",
    "AL-01": "Uống rượu, bia trong giờ làm việc, giờ nghỉ trưa hoặc ngày trực",
    "AL-02": "Uống rượu, bia trong cuộc họp, liên hoan buổi trưa hoặc tiếp khách tại quán bia",
    "AL-03": "Điều khiển phương tiện sau khi uống rượu, bia",
    "SM-01": "Hút thuốc lá trong phòng làm việc, phòng họp, hội trường",
    "OF-01": "Chỗ làm việc bừa bộn, không ngăn nắp",
    "OF-02": "Không treo hoặc treo sai Quốc huy, Quốc kỳ, biển tên cơ quan, biển phòng",
    "OF-03": "Vi phạm quy định ra vào cơ quan, bảo vệ tài sản",
    "OF-04": "Quảng cáo thương mại hoặc nấu ăn trong công sở",
    "GA-01": "Đánh bạc, tham gia cờ bạc",
    "FS-01": "Đi lễ hội trong giờ hành chính hoặc dùng xe công đi lễ hội",
}

# fmt: on
SENSITIVE = {C.ALCOHOL, C.CONDUCT}

EFFECTIVE_FROM = datetime.date(2019, 1, 1)


def seed_catalogue() -> dict[str, int]:
    """Create the §2.3 items, each with its violation type, and a 7-day appeal policy; existing rows are kept."""
    for position, row in enumerate(CHECKLIST, start=1):
        code, category, text, basis, severity, deduction, bars_person, bars_unit = row
        violation_type, _created = ViolationType.objects.get_or_create(
            code=f"VP-{code}",
            defaults={
                "name": BREACHES[code],
                "category": category,
                "severity": severity,
                "default_deduction": deduction,
                "bars_person_titles": bars_person,
                "bars_unit_titles": bars_unit,
                "sensitive": category in SENSITIVE,
                "legal_basis": basis,
                "effective_from": EFFECTIVE_FROM,
            },
        )
        ChecklistItem.objects.get_or_create(
            code=code,
            defaults={
                "category": category,
                "text": text,
                "legal_basis": basis,
                "violation_type": violation_type,
                "position": position,
            },
        )
    if not AppealPolicy.objects.exists():
        AppealPolicy.objects.create(
            appeal_window_days=7, effective_from=EFFECTIVE_FROM, legal_basis="Quy chế TĐKT tỉnh (mẫu)"
        )
    return {"checklist items": ChecklistItem.objects.count(), "violation types": ViolationType.objects.count()}
