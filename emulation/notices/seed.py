"""Which nominations are published for public comment, seeded as data (editable in the admin), as read for issue #15.

- Law 06/2022 Điều 84 khoản 5 names the nominations to publish; Nghị định 98/2023/NĐ-CP Điều 46 khoản 2 (in force
  01/01/2024 – 30/06/2025) makes whoever proposes a Huân chương or a State honour title (danh hiệu vinh dự nhà nước,
  e.g. Anh hùng Lao động) "of Điều 84 khoản 5" publish the list on the ministry's or province's media (newspaper,
  portal, radio-television) **at least 10 working days** before its emulation council meets [V: the clause as quoted
  by Bộ Công Thương's notice of 26/11/2024]. At central level Bộ Nội vụ publishes for 10 working days (Điều 46
  khoản 1) [V: Ban TĐKT Trung ương notices, 2024].
- CSTĐ toàn quốc: published in practice beside the Huân chương (Bộ Công Thương 26/11/2024; before 2024 TT 12/2019/
  TT-BNV named it) — whether Điều 84 khoản 5 names it was not read [M].
- From 01/07/2025 Nghị định 152/2025/NĐ-CP replaced Nghị định 98/2023; the article replacing Điều 46 was not read.
  Bộ Nội vụ still consulted for 10 working days in 2025, citing Nghị định 98/2023 Điều 46 khoản 1 with Nghị định
  152/2025 Điều 60 khoản 3 (transition) [V: Bộ Nội vụ notice on an Anh hùng Lao động nomination, 2025]. The rows
  from 01/07/2025 keep 10 working days, marked [M].
"""

import datetime

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 84 khoản 5"
ND98 = (
    "Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2: công khai trên phương tiện truyền thông của bộ, ngành, tỉnh ít nhất "
    "10 ngày làm việc trước khi họp Hội đồng Thi đua – Khen thưởng"
)
ND152 = (
    "Nghị định 152/2025/NĐ-CP [M: điều thay Điều 46 Nghị định 98/2023 chưa đọc; Bộ Nội vụ vẫn lấy ý kiến 10 ngày "
    "làm việc (2025)]"
)
CSTD_TQ_NOTE = " [M: Chiến sĩ thi đua toàn quốc được lấy ý kiến theo thực tiễn (Bộ Công Thương 26/11/2024)]"

ND98_ERA = (datetime.date(2024, 1, 1), datetime.date(2025, 6, 30), ND98)
ND152_ERA = (datetime.date(2025, 7, 1), None, ND152)

# (title code or None, award form code or None, days, extra note)
CONSULTATION_RULES = [
    (None, "HCLD_3", 10, ""),
    (None, "AH_LD", 10, ""),
    ("CSTD_TQ", None, 10, CSTD_TQ_NOTE),
]


def seed_consultation_rules(apps) -> int:
    """Create or update the rows (idempotent); titles or forms missing from the catalogue are skipped. Returns how
    many rows there are for the seeded titles and forms."""
    rule_model = apps.get_model("emulation", "ConsultationRule")
    titles = {t.code: t for t in apps.get_model("emulation", "Title").objects.all()}
    forms = {f.code: f for f in apps.get_model("emulation", "AwardForm").objects.all()}
    count = 0
    for title_code, form_code, days, note in CONSULTATION_RULES:
        title, form = titles.get(title_code), forms.get(form_code)
        if title is None and form is None:
            continue
        for since, until, decree in (ND98_ERA, ND152_ERA):
            rule_model.objects.update_or_create(
                title=title,
                award_form=form,
                effective_from=since,
                defaults={
                    "days": days,
                    "working_days": True,
                    "effective_to": until,
                    "legal_basis": f"{LAW}; {decree}{note}",
                },
            )
            count += 1
    return count
