"""Award money as seeded data: the base salary table and the coefficients of the seeded titles and award forms.

Sources (see /work/shared/domain.md, its corrections table and P2.1.3):
- Base salary 1,800,000 VND/month from 01/07/2023 (Nghị định 24/2023/NĐ-CP of 14/05/2023; amount and date checked
  against Sở Nội vụ Nam Định's table, the article number not read [M]);
  2,340,000 VND/month from 01/07/2024 (Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2) [V];
  2,530,000 VND/month from 01/07/2026 (Nghị định 161/2026/NĐ-CP) [V-2nd].
- Coefficients: Nghị định 152/2025/NĐ-CP, Chương VII Mục 2 — titles Điều 50 [V]; Huân chương Điều 51 (individual
  khoản 1, collective twice the individual amount, khoản 2) [V: the article as quoted in the press, 2025];
  individual Bằng khen / Giấy khen Điều 54 khoản 1: Bằng khen of the Prime Minister 3.5 (điểm a), of a ministry or
  province 1.5 (điểm b), Giấy khen of Law Điều 75 khoản 1 điểm a–d 0.3 (điểm e) [V: the clause as quoted by
  giadinh.suckhoedoisong.vn / baomoi.com (08/2025) and laodong.vn]; collective Bằng khen / Giấy khen Điều 54 (twice
  the individual amount) [V-2nd]. From 01/01/2024 to 30/06/2025 the same multiples under Nghị định 98/2023/NĐ-CP
  [V-2nd: "same multipliers"].
- Rounding up to the next 10,000 VND: Nghị định 98/2023/NĐ-CP's principle of award money ("Tiền thưởng sau khi nhân
  với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng tiền Việt Nam", quoted by the Government portal
  07/01/2024; also Nghị định 91/2017/NĐ-CP Điều 68 khoản 2) [V]. Nghị định 152/2025's own rounding clause was not
  read: its rows keep the rule, marked [M].
Every row stays editable in the admin; a province corrects them as data.
"""

import datetime
from decimal import Decimal

ND152 = "Nghị định 152/2025/NĐ-CP"
ND152_FROM = datetime.date(2025, 7, 1)
ROUNDING = 10_000
ROUND_ND98 = "làm tròn lên hàng chục nghìn đồng (nguyên tắc tính tiền thưởng, Nghị định 98/2023/NĐ-CP)"
ROUND_ND152 = "làm tròn lên hàng chục nghìn đồng [M: điều khoản làm tròn của Nghị định 152/2025/NĐ-CP chưa đọc]"
# (decree, from, to, note, rounding): the same multiples under each decree
ERAS = [
    ("Nghị định 98/2023/NĐ-CP", datetime.date(2024, 1, 1), datetime.date(2025, 6, 30), "cùng hệ số với", ROUND_ND98),
    (ND152, ND152_FROM, None, "", ROUND_ND152),
]

BASE_SALARIES = [
    (
        1_800_000,
        datetime.date(2023, 7, 1),
        datetime.date(2024, 6, 30),
        "Nghị định 24/2023/NĐ-CP ngày 14/5/2023 [M: số điều chưa đối chiếu]",
    ),
    (2_340_000, datetime.date(2024, 7, 1), datetime.date(2026, 6, 30), "Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2"),
    (2_530_000, datetime.date(2026, 7, 1), None, "Nghị định 161/2026/NĐ-CP"),
]

# (title code or None, award form code or None, scope, coefficient, article)
COEFFICIENTS = [
    ("LDTT", None, "individual", "0.3", "Điều 50 khoản 1 điểm d"),
    ("CSTDCS", None, "individual", "1.0", "Điều 50 khoản 1 điểm c"),
    ("CSTD_TINH", None, "individual", "3.0", "Điều 50 khoản 1 điểm b"),
    ("TTLDTT", None, "collective", "0.8", "Điều 50 khoản 2 điểm b"),
    ("TTLDXS", None, "collective", "1.5", "Điều 50 khoản 2 điểm a"),
    ("CO_TINH", None, "collective", "8.0", "Điều 50 khoản 2 điểm e"),
    ("CSTD_TQ", None, "individual", "4.5", "Điều 50 khoản 1 điểm a"),
    (None, "HCLD_3", "individual", "4.5", "Điều 51 khoản 1 điểm h"),
    (None, "HCLD_3", "collective", "9.0", "Điều 51 khoản 2 (gấp hai lần mức cá nhân)"),
    (None, "BK_TTG", "collective", "7.0", "Điều 54 [V-2nd]"),
    (None, "BK_TTG", "individual", "3.5", "Điều 54 khoản 1 điểm a"),
    (None, "BK_TINH", "collective", "3.0", "Điều 54 [V-2nd]"),
    (None, "BK_TINH", "individual", "1.5", "Điều 54 khoản 1 điểm b"),
    (None, "GK_SO", "collective", "0.6", "Điều 54 [V-2nd]"),
    (None, "GK_SO", "individual", "0.3", "Điều 54 khoản 1 điểm e"),
    (None, "GK_XA", "collective", "0.6", "Điều 54 [V-2nd]"),
    (None, "GK_XA", "individual", "0.3", "Điều 54 khoản 1 điểm e"),
]


def seed_money(apps) -> None:
    """Create or update the seeded rows (idempotent); titles or forms missing from the catalogue are skipped."""
    salary_model = apps.get_model("emulation", "BaseSalary")
    for amount, since, until, basis in BASE_SALARIES:
        salary_model.objects.update_or_create(
            effective_from=since, defaults={"amount": amount, "effective_to": until, "legal_basis": basis}
        )
    titles = {t.code: t for t in apps.get_model("emulation", "Title").objects.all()}
    forms = {f.code: f for f in apps.get_model("emulation", "AwardForm").objects.all()}
    coefficient_model = apps.get_model("emulation", "AwardCoefficient")
    for title_code, form_code, scope, value, article in COEFFICIENTS:
        title, form = titles.get(title_code), forms.get(form_code)
        if title is None and form is None:
            continue
        for decree, since, until, note, rounding in ERAS:
            basis = f"{decree} ({note} {ND152}, {article})" if note else f"{decree}, {article}"
            coefficient_model.objects.update_or_create(
                title=title,
                award_form=form,
                scope=scope,
                effective_from=since,
                defaults={
                    "coefficient": Decimal(value),
                    "effective_to": until,
                    "rounding_step": ROUNDING,
                    "legal_basis": f"{basis}; {rounding}",
                },
            )
