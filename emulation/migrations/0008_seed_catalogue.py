"""Seed the national rule set (title conditions), award forms and authorities from `emulation.catalogue_seed`."""

from django.db import migrations

from emulation.catalogue_seed import seed_catalogue


def seed(apps, schema_editor):
    seed_catalogue(apps)


class Migration(migrations.Migration):
    dependencies = [("emulation", "0007_catalogue_and_eligibility")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
