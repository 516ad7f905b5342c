"""Seed the KPI catalogue of the administrative-procedure reform movement (shared/domain.md §6.2).

Counts as reported by provincial one-stop portals (received, resolved before / on / after the deadline, online,
verified complaints); rates derived from them, plus the survey-based satisfaction rate, which is entered.
"""

from django.db import migrations

COUNTS = [
    ("HS-TN", "Hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ"),
    ("HS-GQ", "Hồ sơ đã giải quyết", "hồ sơ"),
    ("HS-TH", "Hồ sơ giải quyết trước hạn", "hồ sơ"),
    ("HS-DH", "Hồ sơ giải quyết đúng hạn", "hồ sơ"),
    ("HS-QH", "Hồ sơ giải quyết quá hạn", "hồ sơ"),
    ("HS-TT", "Hồ sơ tiếp nhận trực tuyến", "hồ sơ"),
    ("HS-XL", "Thư xin lỗi đã gửi cho hồ sơ quá hạn", "thư"),
    ("PAKN-XM", "Phản ánh, kiến nghị của người dân được xác minh là đúng", "vụ"),
]
RATES = [
    ("TL-DH", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", ["HS-TH", "HS-DH"], ["HS-GQ"]),
    ("TL-QH", "Tỷ lệ hồ sơ giải quyết quá hạn", ["HS-QH"], ["HS-GQ"]),
    ("TL-TT", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", ["HS-TT"], ["HS-TN"]),
]
ENTERED_RATES = [
    ("SIPAS", "Chỉ số hài lòng của người dân, tổ chức (SIPAS)", "Khảo sát xã hội học; NQ 76/NQ-CP đặt mục tiêu ≥ 90 %"),
]


def seed(apps, schema_editor):
    KpiIndicator = apps.get_model("evaluations", "KpiIndicator")
    position = 0
    by_code = {}
    for code, name, uom in COUNTS:
        position += 10
        by_code[code], _ = KpiIndicator.objects.update_or_create(
            code=code, defaults={"name": name, "unit_of_measure": uom, "kind": "count", "position": position}
        )
    for code, name, numerator, denominator in RATES:
        position += 10
        rate, _ = KpiIndicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": "%",
                "kind": "rate",
                "position": position,
                "description": "Tính tự động: tổng tử số ÷ tổng mẫu số × 100.",
            },
        )
        rate.numerator.set([by_code[c] for c in numerator])
        rate.denominator.set([by_code[c] for c in denominator])
    for code, name, description in ENTERED_RATES:
        position += 10
        KpiIndicator.objects.update_or_create(
            code=code,
            defaults={"name": name, "unit_of_measure": "%", "kind": "rate", "position": position, "description": description},
        )


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0002_appeals_kpi")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
