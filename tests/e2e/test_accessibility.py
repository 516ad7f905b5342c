"""axe-core finds no serious or critical problem on the key pages of every role, on a desktop and on a 390-px phone:
login, home, ranking, score breakdown, the phone inspection form, violation list, pledge form, ballot, council
session, certificate register, verify page, import page and dashboard, and the administrators' scheme, council
and council-points pages. A regression fails here."""

import pytest
from django.urls import reverse

from emulation.council import sessions as council_sessions
from emulation.scoring.engine import compute_period
from tests.e2e.axe import serious_findings
from tests.e2e.conftest import log_in, pass_totp_step, phone  # noqa: F401  (fixture)
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.emulation.factories import make_movement, make_period, make_pledge, make_scheme
from tests.emulation.scoring.test_score_views import make_scored_period
from tests.factories import make_checklist_item, make_inspection, make_person, make_violation, make_violation_type

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def check(page, url: str, findings: list[str], status: int = 200) -> None:
    assert page.goto(url).status == status, url
    findings.extend(serious_findings(page))


def test_key_pages_have_no_serious_or_critical_axe_findings(page, phone, personas, tree):  # noqa: F811
    kind = make_violation_type(name="Không đeo thẻ công chức")
    make_checklist_item(code="ID-01", text="Đeo thẻ công chức", violation_type=kind)
    inspection = make_inspection(unit=tree.home, lead=personas.inspector)
    make_violation(type=kind, unit=tree.home, person=make_person(unit=tree.sub, full_name="Trịnh Văn Uống"))
    period = make_period()
    make_scheme(period)
    pledge = make_pledge(unit=tree.home, period=period)
    compute_period(period=period)  # a score to explain and rank
    findings: list[str] = []

    check(page, reverse("account_login"), findings)
    check(page, reverse("verify", args=["khong-co-ma-nay"]), findings, status=404)
    log_in(page, personas.inspector.email)
    for url in (reverse("home"), reverse("evaluations:inspection_conduct", args=[inspection.pk])):
        check(page, url, findings)
    check(page, reverse("evaluations:violations"), findings)
    page.context.clear_cookies()
    log_in(phone, personas.inspector.email)
    check(phone, reverse("evaluations:inspection_conduct", args=[inspection.pk]), findings)

    log_in(page, personas.unit_head.email)
    check(page, reverse("home"), findings)
    check(page, reverse("emulation:pledge_edit", args=[pledge.pk]), findings)
    check(page, reverse("emulation:score_detail", args=[period.pk, tree.home.pk]), findings)
    check(page, reverse("emulation:certificate_register"), findings)
    page.context.clear_cookies()

    log_in(page, personas.administrator.email)
    pass_totp_step(page, personas.administrator)
    check(page, reverse("units:import", args=["units"]), findings)
    check(page, reverse("emulation:dashboard"), findings)
    ranked = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9"), tree.other: ("8", None)})
    compute_period(period=ranked)
    check(page, reverse("emulation:ranking") + f"?period={ranked.pk}", findings)
    check(page, reverse("emulation:scheme_edit", args=[period.scheme.pk]), findings)  # the configuration pages
    province_council = make_council(tree.province, size=2, name="Hội đồng TĐKT tỉnh")
    check(page, reverse("emulation:council_manage_edit", args=[province_council.pk]), findings)
    check(page, reverse("emulation:manual_score_create"), findings)
    page.context.clear_cookies()

    nomination = make_nomination(person=make_person(unit=tree.other, full_name="Nguyễn Thị Hương Trà"))
    council = make_council(tree.province, size=3)
    make_rule(nomination.title, secret=True)
    session = open_session_with(council, nomination, present=3)
    ballot = council_sessions.open_ballot(session=session, nomination=nomination, by=council.secretary)
    log_in(page, council.secretary.email)
    check(page, reverse("emulation:session_detail", args=[session.pk]), findings)
    page.context.clear_cookies()
    phone.context.clear_cookies()
    log_in(phone, members(council)[0].user.email)
    check(phone, reverse("emulation:ballot_vote", args=[ballot.pk]), findings)
    assert not findings, "\n".join(findings)


# The rendered size of each chart label: its font size times the scale of the picture (rotation left out).
SMALLEST_CHART_TEXT = """() => Math.min(...[...document.querySelectorAll('svg.chart text')].map(
  t => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); }))"""


def test_the_pages_made_for_the_phone_have_no_serious_findings_and_readable_charts(phone, personas, tree):  # noqa: F811
    today = make_inspection(unit=tree.home, lead=personas.inspector)
    make_violation(type=make_violation_type(name="Không đeo thẻ"), unit=tree.home, recorded_by=personas.inspector)
    period = make_scored_period(make_movement(), 2026, {tree.home: ("10", "9"), tree.other: ("8", None)})
    compute_period(period=period)
    findings: list[str] = []

    log_in(phone, personas.inspector.email)
    check(phone, reverse("evaluations:inspections"), findings)
    assert "Hôm nay" in phone.locator("[data-testid=today]").inner_text() and today.unit.name in phone.content()
    check(phone, reverse("evaluations:violations"), findings)
    phone.context.clear_cookies()

    log_in(phone, personas.unit_head.email)
    check(phone, reverse("home"), findings)
    check(phone, reverse("emulation:eligibility_results", args=[period.pk]), findings)
    phone.context.clear_cookies()

    log_in(phone, personas.administrator.email)
    pass_totp_step(phone, personas.administrator)
    check(phone, reverse("evaluations:inspection_create"), findings)
    check(phone, reverse("emulation:dashboard") + f"?period={period.pk}", findings)
    assert phone.locator("svg.chart").count() >= 1
    assert phone.evaluate(SMALLEST_CHART_TEXT) >= 11
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert not findings, "\n".join(findings)
