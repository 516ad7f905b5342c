"""Load the demo province and print the demo logins.

Each app that has demo data adds one dotted path to BUILDERS; a builder is idempotent, takes no arguments and
returns {what: how many} for the summary.
"""

import logging
import time

from django.core.management.base import BaseCommand
from django.db.models import Prefetch
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from units.demo import DEMO_EMAIL_DOMAIN, DEMO_PASSWORD
from units.models import RoleAssignment, User

BUILDERS = [
    "units.demo.build_demo",
    "evaluations.inspections.demo.build_demo",
    "evaluations.appeals.demo.build_demo",
    "emulation.pledges.demo.build_demo",
    "emulation.scoring.demo.build_demo",
    "emulation.eligibility.demo.build_demo",
    "emulation.council.demo.build_demo",
    "emulation.notices.demo.build_demo",
    "emulation.decisions.demo.build_demo",
    "emulation.rewards.demo.build_demo",
    "emulation.certificates.demo.build_demo",
    "emulation.demo_signing_key.build_demo",
]


class Command(BaseCommand):
    help = (
        "Load (or complete) the demo province: Đắk Nông until 30/06/2025, then Lâm Đồng after the 01/07/2025 "
        "reorganisation; print a demo login for every role."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", nargs="+", metavar="APP", help="run only the builders of these apps (e.g. --only units)"
        )

    def handle(self, *args, only=None, **options):
        # The demo's notifications stay in the inboxes: no e-mail is sent, and in-process task logs stay quiet.
        logging.getLogger("celery").setLevel(logging.WARNING)
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self.build(only)
        self.print_logins()

    def build(self, only):
        for path in BUILDERS:
            if only and path.split(".")[0] not in only:
                continue
            started = time.monotonic()
            summary = import_string(path)()
            self.stdout.write(f"{path} ({time.monotonic() - started:.1f} s)")
            for what, count in summary.items():
                self.stdout.write(f"  {what}: {count}")

    def print_logins(self):
        assignments = RoleAssignment.objects.select_related("unit").order_by("pk")
        users = (
            User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
            .prefetch_related(Prefetch("role_assignments", queryset=assignments))
            .order_by("pk")
        )
        self.stdout.write(self.style.SUCCESS(f"\nDemo logins — password for all: {DEMO_PASSWORD}"))
        for user in users:
            for assignment in user.role_assignments.all():
                line = f"  {user.email:<36} {assignment.get_role_display():<24} {assignment.unit.name}"
                self.stdout.write(line)
        self.stdout.write("  (Quản trị and Hội đồng logins are asked to enrol an authenticator app at first login.)")
