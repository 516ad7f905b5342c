"""Public consultation by working days; CSTĐ toàn quốc, Huân chương Lao động hạng Ba and Anh hùng Lao động in the
catalogue; their consultation rules (Law Điều 84 khoản 5, Nghị định 98/2023 Điều 46) and money; the coefficients'
legal bases corrected (individual Bằng khen / Giấy khen: Nghị định 152/2025 Điều 54 khoản 1; rounding per decree).
All data, idempotent, editable in the admin."""

from django.db import migrations, models

from emulation.council.seed import seed_vote_rules
from emulation.notices.seed import seed_consultation_rules
from emulation.rewards.seed import seed_money
from emulation.titles.seed import seed_national_catalogue


def seed(apps, schema_editor):
    seed_national_catalogue(apps)
    seed_vote_rules(apps)  # CSTĐ toàn quốc now in the catalogue gets its national vote rule
    seed_consultation_rules(apps)
    seed_money(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("emulation", "0026_award_coefficient_scope_choices"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultationrule",
            name="working_days",
            field=models.BooleanField(
                default=False,
                help_text="Bỏ qua thứ Bảy, Chủ nhật; ngày nghỉ lễ, Tết chưa được trừ — cán bộ kiểm tra lại ngày kết thúc.",
                verbose_name="tính theo ngày làm việc",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
