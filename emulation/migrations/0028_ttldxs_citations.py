"""TTLĐXS cites the points of Law 2022 Điều 27 khoản 1, and its member-discipline bar says it is a provincial default
(the 2022 Law has no such condition for TTLĐXS)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from emulation.titles.seed import correct_ttldxs_citations

    correct_ttldxs_citations(apps)


class Migration(migrations.Migration):
    dependencies = [("emulation", "0027_consultation_rules_and_national_forms")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
