"""Secret ballot papers become sealed under a per-ballot key; papers of ballots still open are sealed in place."""

import hashlib
import os

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def seal_open_ballots(apps, schema_editor):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    Ballot = apps.get_model("emulation", "Ballot")
    BallotKey = apps.get_model("emulation", "BallotKey")
    SecretVote = apps.get_model("emulation", "SecretVote")
    server = AESGCM(hashlib.sha256(b"thidua-ballot-key:" + settings.BALLOT_KEY.encode()).digest())
    for ballot in Ballot.objects.filter(secret=True, status="open"):
        key, nonce = AESGCM.generate_key(bit_length=256), os.urandom(12)
        wrapped = nonce + server.encrypt(nonce, key, f"key:{ballot.pk}".encode())
        BallotKey.objects.create(ballot=ballot, wrapped=wrapped)
        for vote in SecretVote.objects.filter(ballot=ballot):
            nonce = os.urandom(12)
            paper = vote.choice.encode().ljust(16, b"\0")
            vote.sealed = nonce + AESGCM(key).encrypt(nonce, paper, f"paper:{ballot.pk}".encode())
            vote.save(update_fields=["sealed"])


class Migration(migrations.Migration):
    dependencies = [("emulation", "0017_certificate_printed_facts")]

    operations = [
        migrations.AddField(
            model_name="secretvote",
            name="sealed",
            field=models.BinaryField(default=b"", verbose_name="phiếu đã niêm phong"),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="BallotKey",
            fields=[
                (
                    "ballot",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="emulation.ballot",
                    ),
                ),
                ("wrapped", models.BinaryField(verbose_name="khóa đã mã hóa")),
            ],
            options={"verbose_name": "khóa lượt bỏ phiếu kín", "verbose_name_plural": "khóa lượt bỏ phiếu kín"},
        ),
        migrations.RunPython(seal_open_ballots, migrations.RunPython.noop),
        migrations.RemoveField(model_name="secretvote", name="choice"),
    ]
