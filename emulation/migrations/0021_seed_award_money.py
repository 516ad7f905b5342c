"""Seed the base salary table and the award coefficients from `emulation.rewards.seed` (data, editable)."""

from django.db import migrations

from emulation.rewards.seed import seed_money


def seed(apps, schema_editor):
    seed_money(apps)


class Migration(migrations.Migration):
    dependencies = [("emulation", "0020_rewards")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
