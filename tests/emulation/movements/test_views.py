"""The access matrix of every emulation page, then what users see and do on them."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from emulation.models import Movement, PeriodStatus, PledgeStatus, SelfAssessment
from tests import files
from tests.emulation.factories import (
    make_commitment_item,
    make_criterion,
    make_period,
    make_pledge,
    make_scheme,
    make_title,
)
from tests.factories import make_person, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    period = make_period(status=PeriodStatus.IN_PROGRESS)
    make_commitment_item(period.movement, text="Niêm yết, công khai thủ tục hành chính")
    criterion = make_criterion(make_scheme(period), name="Tổ chức phát động phong trào")
    pledge = make_pledge(unit=tree.home, period=period)
    line = SelfAssessment.objects.create(pledge=pledge, criterion=criterion, claimed_points=Decimal("8"))
    return SimpleNamespace(period=period, movement=period.movement, criterion=criterion, pledge=pledge, line=line)


def pages(w):
    """(name, url, method) of every page; POST pages are probed with an empty POST."""
    p, pl = w.period.pk, w.pledge.pk
    return {
        "movements": (reverse("emulation:movements"), "get"),
        "movement_create": (reverse("emulation:movement_create"), "get"),
        "movement_detail": (reverse("emulation:movement_detail", args=[w.movement.pk]), "get"),
        "movement_edit": (reverse("emulation:movement_edit", args=[w.movement.pk]), "get"),
        "period_create": (reverse("emulation:period_create"), "get"),
        "period_detail": (reverse("emulation:period_detail", args=[p]), "get"),
        "period_edit": (reverse("emulation:period_edit", args=[p]), "get"),
        "period_advance": (reverse("emulation:period_advance", args=[p]), "post"),
        "period_reopen": (reverse("emulation:period_reopen", args=[p]), "get"),
        "scheme_detail": (reverse("emulation:scheme_detail", args=[p]), "get"),
        "scheme_copy": (reverse("emulation:scheme_copy", args=[p]), "get"),
        "pledges": (reverse("emulation:pledges"), "get"),
        "pledge_start": (reverse("emulation:pledge_start"), "get"),
        "my_registrations": (reverse("emulation:my_registrations"), "get"),
        "pledge_detail": (reverse("emulation:pledge_detail", args=[pl]), "get"),
        "pledge_edit": (reverse("emulation:pledge_edit", args=[pl]), "get"),
        "pledge_registrations": (reverse("emulation:pledge_registrations", args=[pl]), "get"),
        "pledge_submit": (reverse("emulation:pledge_submit", args=[pl]), "post"),
        "pledge_accept": (reverse("emulation:pledge_accept", args=[pl]), "post"),
        "pledge_return": (reverse("emulation:pledge_return", args=[pl]), "post"),
        "pledge_pdf": (reverse("emulation:pledge_pdf", args=[pl]), "get"),
        "self_assessment": (reverse("emulation:self_assessment", args=[pl]), "get"),
        "self_assessment_claim": (reverse("emulation:self_assessment_claim", args=[pl, w.criterion.pk]), "get"),
        "self_assessment_verify": (reverse("emulation:self_assessment_verify", args=[w.line.pk]), "get"),
        "verification_queue": (reverse("emulation:verification_queue"), "get"),
    }


# Expected status per persona; pages missing from a persona's row are forbidden (403) or hidden (404) as listed.
ALLOWED = {
    "administrator": {
        "movements",
        "movement_create",
        "movement_detail",
        "movement_edit",
        "period_create",
        "period_detail",
        "period_edit",
        "period_reopen",
        "scheme_detail",
        "scheme_copy",
        "pledges",
        "pledge_start",
        "my_registrations",
        "pledge_detail",
        "pledge_edit",
        "pledge_registrations",
        "pledge_pdf",
        "self_assessment",
        "self_assessment_claim",
        "period_advance",
        "pledge_accept",
        "pledge_return",
    },
    "unit_head": {
        "movements",
        "movement_detail",
        "period_detail",
        "scheme_detail",
        "pledges",
        "pledge_start",
        "my_registrations",
        "pledge_detail",
        "pledge_edit",
        "pledge_registrations",
        "pledge_pdf",
        "self_assessment",
        "self_assessment_claim",
        "pledge_submit",
    },
    "clerk": {
        "movements",
        "movement_detail",
        "period_detail",
        "scheme_detail",
        "pledges",
        "pledge_start",
        "my_registrations",
        "pledge_detail",
        "pledge_edit",
        "pledge_registrations",
        "pledge_pdf",
        "self_assessment",
        "self_assessment_claim",
    },
    "inspector": {
        "movements",
        "movement_detail",
        "period_detail",
        "scheme_detail",
        "pledges",
        "my_registrations",
        "pledge_detail",
        "pledge_pdf",
        "self_assessment",
        "self_assessment_verify",
        "verification_queue",
    },
    "council_member": {
        "movements",
        "movement_detail",
        "period_detail",
        "scheme_detail",
        "pledges",
        "my_registrations",
        "pledge_detail",
        "pledge_pdf",
        "self_assessment",
    },
    # The outsider heads another unit: they may start that unit's pledge, nothing of Sở Nội vụ.
    "outsider": {
        "movements",
        "movement_detail",
        "period_detail",
        "scheme_detail",
        "pledges",
        "pledge_start",
        "my_registrations",
    },
    "staff": {"my_registrations"},
}
HIDDEN_FROM_OUTSIDERS = {
    "pledge_detail",
    "pledge_edit",
    "pledge_registrations",
    "pledge_submit",
    "pledge_accept",
    "pledge_return",
    "pledge_pdf",
    "self_assessment",
    "self_assessment_claim",
    "self_assessment_verify",
}
HIDDEN_FROM_STAFF = HIDDEN_FROM_OUTSIDERS | {
    "movement_detail",
    "movement_edit",
    "period_detail",
    "period_edit",
    "period_advance",
    "period_reopen",
    "scheme_detail",
    "scheme_copy",
}


def request(client, url, method):
    return client.post(url) if method == "post" else client.get(url)


def test_anonymous_is_sent_to_login_everywhere(client, world):
    for name, (url, method) in pages(world).items():
        response = request(client, url, method)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name


@pytest.mark.parametrize("persona", list(ALLOWED))
def test_access_matrix(login, personas, world, persona):
    client = login(getattr(personas, persona))
    hidden = {"outsider": HIDDEN_FROM_OUTSIDERS, "staff": HIDDEN_FROM_STAFF}.get(persona, set())
    for name, (url, method) in pages(world).items():
        status = request(client, url, method).status_code
        if name in ALLOWED[persona]:
            assert status in {200, 302}, (persona, name, status)
        elif name in hidden:
            assert status == 404, (persona, name, status)
        else:
            assert status == 403, (persona, name, status)


def test_head_submits_from_the_page_and_sees_the_status(login, personas, world):
    client = login(personas.unit_head)
    client.post(reverse("emulation:pledge_submit", args=[world.pledge.pk]))
    response = client.get(reverse("emulation:pledge_detail", args=[world.pledge.pk]))
    assert "Đã gửi" in response.getvalue().decode()
    world.pledge.refresh_from_db()
    assert world.pledge.status == PledgeStatus.SUBMITTED


def test_administrator_returns_with_a_comment_the_head_then_reads(login, personas, world):
    login(personas.unit_head).post(reverse("emulation:pledge_submit", args=[world.pledge.pk]))
    client = login(personas.administrator)
    client.post(reverse("emulation:pledge_return", args=[world.pledge.pk]), {"comment": "Thiếu chỉ tiêu riêng"})
    page = login(personas.unit_head).get(reverse("emulation:pledge_detail", args=[world.pledge.pk])).getvalue().decode()
    assert "Thiếu chỉ tiêu riêng" in page


def test_clerk_edits_items_through_the_form(login, personas, world):
    item = world.movement.commitment_items.get(text="Niêm yết, công khai thủ tục hành chính")
    client = login(personas.clerk)
    client.post(
        reverse("emulation:pledge_edit", args=[world.pledge.pk]),
        {"commitment_items": [item.pk], "own_targets": "Xanh, sạch, đẹp"},
    )
    page = client.get(reverse("emulation:pledge_detail", args=[world.pledge.pk])).getvalue().decode()
    assert "Niêm yết, công khai thủ tục hành chính" in page
    assert "Xanh, sạch, đẹp" in page


def test_bulk_registration_from_the_page(login, personas, world, tree):
    make_person(unit=tree.home, full_name="Đặng Thị Ánh")
    title = make_title(name="Lao động tiên tiến")
    client = login(personas.clerk)
    client.post(reverse("emulation:pledge_registrations", args=[world.pledge.pk]), {"bulk": "1", "title": title.pk})
    page = client.get(reverse("emulation:pledge_registrations", args=[world.pledge.pk])).getvalue().decode()
    assert "Đặng Thị Ánh" in page


def test_staff_sees_their_own_registration(login, personas, world):
    title = make_title(name="Chiến sĩ thi đua cơ sở")
    world.pledge.registrations.create(person=personas.staff.person, title=title)
    page = login(personas.staff).get(reverse("emulation:my_registrations")).getvalue().decode()
    assert "Chiến sĩ thi đua cơ sở" in page


def test_pledge_list_shows_only_visible_units(login, personas, world, tree):
    make_pledge(unit=tree.other, period=world.period)
    response = login(personas.unit_head).get(reverse("emulation:pledges"))
    assert {row.record.unit for row in response.context["table"].rows} == {tree.home}
    assert login(personas.administrator).get(reverse("emulation:pledges")).context["table"].paginator.count == 2


def test_pledge_list_exports_csv(login, personas, world):
    response = login(personas.administrator).get(reverse("emulation:pledges") + "?_export=csv")
    assert "Sở Nội vụ" in response.getvalue().decode("utf-8-sig")


def test_head_claims_points_with_evidence_and_inspector_adjusts(login, personas, world):
    url = reverse("emulation:self_assessment_claim", args=[world.pledge.pk, world.criterion.pk])
    evidence = SimpleUploadedFile("bien-ban.pdf", files.pdf_bytes(), content_type="application/pdf")
    login(personas.unit_head).post(url, {"points": "9.5", "note": "Đã phát động", "evidence": evidence})
    world.line.refresh_from_db()
    assert world.line.claimed_points == Decimal("9.5") and world.line.evidence
    verify = reverse("emulation:self_assessment_verify", args=[world.line.pk])
    client = login(personas.inspector)
    assert "Cần ghi lý do" in client.post(verify, {"points": "7"}).getvalue().decode()
    client.post(verify, {"points": "7", "reason": "Thiếu kế hoạch"})
    page = client.get(reverse("emulation:self_assessment", args=[world.pledge.pk])).getvalue().decode()
    assert "Thiếu kế hoạch" in page
    evidence_url = reverse("emulation:self_assessment_evidence", args=[world.line.pk])
    assert b"".join(client.get(evidence_url).streaming_content) == files.pdf_bytes()


def test_administrator_copies_the_scheme_to_a_new_period(login, personas, world):
    new = make_period(movement=world.movement, name="Năm 2027", status=PeriodStatus.SETUP)
    client = login(personas.administrator)
    client.post(reverse("emulation:scheme_copy", args=[new.pk]), {"source": world.period.scheme.pk})
    page = client.get(reverse("emulation:scheme_detail", args=[new.pk])).getvalue().decode()
    assert "Tổ chức phát động phong trào" in page


def test_administrator_advances_and_reopens_a_period(login, personas, world):
    client = login(personas.administrator)
    for _step in range(3):
        client.post(reverse("emulation:period_advance", args=[world.period.pk]))
    world.period.refresh_from_db()
    assert world.period.status == PeriodStatus.FINALIZED
    client.post(
        reverse("emulation:period_reopen", args=[world.period.pk]), {"reason": "Sai sót điểm", "status": "council"}
    )
    page = client.get(reverse("emulation:period_detail", args=[world.period.pk])).getvalue().decode()
    assert "Sai sót điểm" in page


def test_commitment_items_and_blocs_are_configured_by_administrators_only(login, personas, world, tree):
    item_url = reverse("emulation:commitment_item_create", args=[world.movement.pk])
    bloc_url = reverse("emulation:bloc_create", args=[world.period.pk])
    for url in (item_url, bloc_url):
        assert login(personas.unit_head).get(url).status_code == 403
        assert login(personas.staff).get(url).status_code == 404
        assert client_get_redirects_to_login(url)
    client = login(personas.administrator)
    client.post(
        item_url, {"code": "VH-09", "text": "Không hút thuốc lá tại nơi làm việc", "position": 9, "active": "on"}
    )
    assert world.movement.commitment_items.filter(code="VH-09").exists()
    members = [tree.home.pk, tree.other.pk]
    data = {"name": "Khối Tổng hợp", "kind": "khoi", "members": members, "leader": tree.other.pk}
    client.post(bloc_url, data)
    page = client.get(reverse("emulation:period_detail", args=[world.period.pk])).getvalue().decode()
    assert "Khối Tổng hợp" in page and "Sở Tài chính" in page


def test_a_unit_sits_in_one_bloc_per_period_and_the_leader_is_a_member(login, personas, world, tree):
    client = login(personas.administrator)
    url = reverse("emulation:bloc_create", args=[world.period.pk])
    client.post(url, {"name": "Khối A", "kind": "khoi", "members": [tree.home.pk]})
    page = client.post(url, {"name": "Khối B", "kind": "khoi", "members": [tree.home.pk]}).getvalue().decode()
    assert "Đã thuộc khối khác trong kỳ này: Sở Nội vụ." in page
    page = client.post(url, {"name": "Khối C", "kind": "cum", "members": [tree.other.pk], "leader": tree.home.pk})
    assert "Trưởng khối và phó khối phải là thành viên" in page.getvalue().decode()


def client_get_redirects_to_login(url):
    return Client().get(url)["Location"].startswith(reverse("account_login"))


def test_verification_queue_lists_units_to_verify_never_the_inspectors_own(login, personas, world, tree):
    own = make_pledge(unit=tree.other, period=world.period)
    SelfAssessment.objects.create(pledge=own, criterion=world.criterion, claimed_points=Decimal("5"))
    response = login(personas.inspector).get(reverse("emulation:verification_queue"))
    assert [row["pledge"] for row in response.context["rows"]] == [world.pledge.pk]
    assert [
        i["count"] for i in login(personas.inspector).get(reverse("home")).context["items"] if "thẩm định" in i["label"]
    ] == [1]


def test_administrator_creates_a_movement_and_a_yearly_period_with_its_deadline(login, personas):
    client = login(personas.administrator)
    client.post(
        reverse("emulation:movement_create"),
        {"code": "CCHC", "name": "Đẩy mạnh cải cách thủ tục hành chính", "start_year": 2021, "active": "on"},
    )
    movement = Movement.objects.get(code="CCHC")
    data = {
        "movement": movement.pk,
        "name": "Năm 2027",
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "registration_deadline": "2027-03-15T17:00",
    }
    response = client.post(reverse("emulation:period_create"), data)
    period = movement.periods.get()
    assert response["Location"] == reverse("emulation:period_detail", args=[period.pk])
    assert period.status == PeriodStatus.SETUP
    page = client.get(response["Location"]).getvalue().decode()
    assert "17:00 15/03/2027" in page


def test_pledge_list_and_registrations_queries_do_not_grow_with_rows(login, personas, world, tree):
    client = login(personas.administrator)
    pages = [reverse("emulation:pledges"), reverse("emulation:pledge_registrations", args=[world.pledge.pk])]

    def counts():
        with CaptureQueriesContext(connection) as queries:
            for url in pages:
                assert client.get(url).status_code == 200
        return len(queries)

    before = counts()
    for i in range(6):
        unit = make_unit(parent=tree.province, name=f"Sở {i}")
        make_pledge(unit=unit, period=world.period)
        world.pledge.registrations.create(person=make_person(unit=tree.home), title=make_title())
    assert counts() == before


def test_evidence_must_be_a_document_or_photo_within_the_size_limit(login, personas, world, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    url = reverse("emulation:self_assessment_claim", args=[world.pledge.pk, world.criterion.pk])
    client = login(personas.unit_head)
    script = SimpleUploadedFile("ke-hoach.html", b"<script>alert(1)</script>", content_type="text/html")
    assert "evidence" in client.post(url, {"points": "5", "evidence": script}).context["form"].errors
    big = SimpleUploadedFile("bien-ban.pdf", b"%PDF" + b"0" * 2048, content_type="application/pdf")
    page = client.post(url, {"points": "5", "evidence": big}).getvalue().decode()
    assert "Tệp lớn hơn 1,0" in page
    world.line.refresh_from_db()
    assert world.line.claimed_points == Decimal("8") and not world.line.evidence
