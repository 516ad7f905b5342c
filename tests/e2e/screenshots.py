"""Phone screenshots (390×844) of the pages changed for issue 14, as small palette PNGs.

Run from the repository root (the same file ran against the code before the change to take the "before" set):

    SHOTS=after .venv/bin/pytest tests/e2e/screenshots.py

The file is named so that the test run skips it (python_files = test_*.py); each picture is written to
docs/screenshots/<name>-$SHOTS.png.
"""

import datetime
import os
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from emulation.scoring.engine import compute_period
from tests.e2e.conftest import browser, log_in, pass_totp_step, phone  # noqa: F401  (fixtures)
from tests.emulation.factories import make_movement
from tests.emulation.scoring.test_score_views import make_scored_period
from tests.factories import grant, make_inspection, make_person, make_user, make_violation, make_violation_type
from tests.units.test_accounts import code_for
from units.models import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
HERE = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SUFFIX = os.environ.get("SHOTS", "after")


def shot(page, name: str) -> None:
    """The visible screen, reduced to a 64-colour palette (a few tens of kilobytes)."""
    image = Image.open(BytesIO(page.screenshot())).convert("RGB").quantize(colors=64)
    image.save(HERE / f"{name}-{SUFFIX}.png", optimize=True)


def test_take_the_phone_screenshots(phone, personas, tree):  # noqa: F811
    for day in (0, 0, 1, 3):
        make_inspection(unit=tree.home, lead=personas.inspector, date=datetime.date.today() + datetime.timedelta(day))
    for i in range(8):
        make_inspection(unit=tree.sub, lead=personas.inspector, date=datetime.date(2026, 3, 1 + i))
    kind = make_violation_type(name="Không đeo thẻ công chức")
    for name in ("Lê Văn Tám", "Trần Thị Bích Ngọc"):
        person = make_person(unit=tree.sub, full_name=name)
        make_violation(type=kind, unit=tree.home, person=person, recorded_by=personas.inspector)
    period = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9"), tree.other: ("8", "8")})
    compute_period(period=period)

    log_in(phone, personas.inspector.email)
    for name, url in (("inspections", "evaluations:inspections"), ("violations", "evaluations:violations")):
        phone.goto(reverse(url))
        shot(phone, name)
    phone.context.clear_cookies()

    log_in(phone, personas.unit_head.email)
    phone.goto(reverse("home"))
    shot(phone, "unit-head-home")
    phone.goto(reverse("emulation:eligibility_results", args=[period.pk]))
    shot(phone, "eligibility")
    phone.context.clear_cookies()

    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    phone.goto(reverse("evaluations:inspection_create"))
    shot(phone, "inspection-plan")
    phone.goto(reverse("emulation:dashboard") + f"?period={period.pk}")
    phone.locator("svg.chart").first.scroll_into_view_if_needed()
    shot(phone, "dashboard-chart")
    phone.context.clear_cookies()

    secretary = make_user(email="thuky@example.vn", full_name="Hoàng Thư Ký Mới")
    grant(secretary, Role.COUNCIL_SECRETARY, tree.province)
    log_in(phone, secretary.email)
    phone.goto(reverse("home"))
    shot(phone, "totp-setup")
    if phone.locator("input[name=password]").count():  # before: the password again
        phone.locator("input[name=password]").fill("mật-khẩu-Thử-1")
        phone.locator("input[name=password]").press("Enter")
        phone.wait_for_url(lambda url: "reauthenticate" not in url)
        shot(phone, "totp-setup-second-step")
    secret = phone.locator("#authenticator_secret").input_value()
    phone.locator("input[name=code]").fill(code_for(secret))
    phone.locator("input[name=code]").press("Enter")
    phone.wait_for_url(lambda url: "recovery-codes" in url)
    shot(phone, "recovery-codes")
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    shot(phone, "recovery-codes-end")
