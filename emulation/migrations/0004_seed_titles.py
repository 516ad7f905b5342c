"""Seed the six titles pledges name today; the full catalogue with eligibility rules comes later (data, editable)."""

import datetime

from django.db import migrations

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
IN_FORCE = datetime.date(2024, 1, 1)
TITLES = [
    ("LDTT", "Lao động tiên tiến", "individual", "grassroots", f"{LAW}, Điều 24", 10),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "individual", "grassroots", f"{LAW}, Điều 23", 20),
    ("CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "individual", "province", f"{LAW}, Điều 22", 30),
    ("TTLDTT", "Tập thể lao động tiên tiến", "collective", "grassroots", f"{LAW}, Điều 28", 10),
    ("TTLDXS", "Tập thể lao động xuất sắc", "collective", "grassroots", f"{LAW}, Điều 27", 20),
    ("CO_TINH", "Cờ thi đua cấp tỉnh", "collective", "province", f"{LAW}, Điều 26", 30),
]


def seed(apps, schema_editor):
    Title = apps.get_model("emulation", "Title")
    for code, name, scope, level, basis, position in TITLES:
        Title.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "scope": scope,
                "level": level,
                "legal_basis": basis,
                "effective_date": IN_FORCE,
                "position": position,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("emulation", "Title").objects.filter(code__in=[t[0] for t in TITLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("emulation", "0003_criterion_kpi_indicator")]

    operations = [migrations.RunPython(seed, unseed)]
