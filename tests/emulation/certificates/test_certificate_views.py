"""Certificate pages: the decision's batch (issue, live progress, downloads) for the secretary and administrators,
each certificate's PDF for whoever sees its award, one's own certificates, and the register search and export."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from emulation.certificates.home import certificates_attention
from emulation.certificates.issuing import issue_certificate
from emulation.models import BatchStatus, Certificate, CertificateBatch
from tests.emulation.certificates.helpers import make_awards, make_signed_decision, pdf_text
from tests.factories import make_award, make_person, make_user_with_role
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(tree, personas):
    """A signed decision of Sở Nội vụ: the staff member and two colleagues of Văn phòng Sở."""
    decision = make_signed_decision(tree.home, number="15/QĐ-SNV")
    make_award(decision, person=personas.staff.person)
    make_awards(decision, 2, tree.sub)
    return decision


def batch_url(decision, suffix=""):
    return f"/emulation/decisions/{decision.pk}/certificates/{suffix}"


def issue(client, decision, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(batch_url(decision, "issue/"))


def test_anonymous_users_are_sent_to_log_in(client, decision):
    for url in [batch_url(decision), "/emulation/certificates/", "/emulation/certificates/mine/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url


def test_only_the_secretary_and_administrators_open_the_batch(login, decision, personas):
    assert login(personas.outsider).get(batch_url(decision)).status_code == 404
    assert login(personas.staff).get(batch_url(decision)).status_code == 404
    assert login(personas.unit_head).get(batch_url(decision)).status_code == 403
    assert login(personas.council_member).get(batch_url(decision)).status_code == 403
    assert login(personas.unit_head).post(batch_url(decision, "issue/")).status_code == 403
    assert login(personas.administrator).get(batch_url(decision)).status_code == 200
    response = login(personas.secretary).get(batch_url(decision))
    assert response.status_code == 200
    assert "Đã cấp 0/3 giấy khen." in response.getvalue().decode()


def test_issuing_runs_the_batch_and_offers_the_downloads(login, decision, personas, django_capture_on_commit_callbacks):
    client = login(personas.secretary)
    response = issue(client, decision, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response.url == batch_url(decision)
    page = client.get(batch_url(decision)).getvalue().decode()
    assert "Hoàn thành" in page and "đã cấp 3/3, lỗi 0" in page
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get(batch_url(decision, "zip/")).streaming_content)))
    assert len(archive.namelist()) == 3
    sheet = load_workbook(io.BytesIO(b"".join(client.get(batch_url(decision, "xlsx/")).streaming_content))).active
    assert sheet.max_row == 4
    assert client.get(batch_url(decision, "pdf/"))["Content-Type"] == "application/pdf"
    assert client.get(batch_url(decision, "other/")).status_code == 404
    assert login(personas.unit_head).get(batch_url(decision, "zip/")).status_code == 403


def test_the_progress_fragment_polls_while_the_batch_runs_and_stops_when_done(
    login, decision, personas, django_capture_on_commit_callbacks
):
    client = login(personas.secretary)
    issue(client, decision, django_capture_on_commit_callbacks)
    fragment = client.get(batch_url(decision), HTTP_HX_REQUEST="true").getvalue().decode()
    assert fragment.lstrip().startswith('<div id="certificate-progress"')
    assert "<html" not in fragment and "hx-trigger" not in fragment
    CertificateBatch.objects.filter(decision=decision).update(status=BatchStatus.RUNNING)
    assert 'hx-trigger="every 2s"' in client.get(batch_url(decision), HTTP_HX_REQUEST="true").getvalue().decode()


def test_the_zip_is_offered_at_once_and_the_register_when_written(
    login, decision, personas, django_capture_on_commit_callbacks
):
    client = login(personas.secretary)
    issue(client, decision, django_capture_on_commit_callbacks)
    CertificateBatch.objects.filter(decision=decision).update(register_xlsx="", register_pdf="")  # still being written
    fragment = client.get(batch_url(decision), HTTP_HX_REQUEST="true").getvalue().decode()
    assert "Tải tất cả (ZIP)" in fragment and "Sổ theo dõi đang được lập…" in fragment
    assert 'hx-trigger="every 2s"' in fragment and "Sổ theo dõi (PDF)" not in fragment
    assert client.get(batch_url(decision, "pdf/")).status_code == 404
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get(batch_url(decision, "zip/")).streaming_content)))
    assert archive.testzip() is None and len(archive.namelist()) == 3


def test_the_decision_panel_links_the_batch_only_for_issuers(login, decision, personas):
    assert "In giấy khen" in login(personas.secretary).get(batch_url(decision, "panel/")).getvalue().decode()
    assert login(personas.unit_head).get(batch_url(decision, "panel/")).content == b""


def test_a_certificate_pdf_goes_to_its_holder_and_the_units_above_only(login, decision, personas, tree):
    certificate = issue_certificate(award=decision.awards.get(person=personas.staff.person))
    url = f"/emulation/certificates/{certificate.pk}.pdf"
    response = login(personas.staff).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.getvalue().startswith(b"%PDF")
    assert login(personas.unit_head).get(url).status_code == 200
    assert login(personas.outsider).get(url).status_code == 404
    colleague = make_user_with_role(Role.STAFF, tree.home)
    assert login(colleague).get(url).status_code == 404


def test_staff_see_their_own_certificates_only(login, decision, personas):
    for award in decision.awards.all():
        issue_certificate(award=award)
    mine = Certificate.objects.get(award__person=personas.staff.person)
    page = login(personas.staff).get("/emulation/certificates/mine/").getvalue().decode()
    assert mine.serial in page
    others = Certificate.objects.exclude(pk=mine.pk).values_list("serial", flat=True)
    assert not any(serial in page for serial in others)
    assert "Sổ theo dõi giấy khen" not in page


def test_the_register_is_for_reading_roles_and_unit_heads_see_their_unit_s(login, decision, personas, tree):
    stranger = make_award(make_signed_decision(tree.other), person=make_person(unit=tree.other))
    for award in [*decision.awards.all(), stranger]:
        issue_certificate(award=award)
    assert login(personas.staff).get("/emulation/certificates/").status_code == 403
    assert login(personas.inspector).get("/emulation/certificates/").status_code == 403
    for persona in [personas.administrator, personas.secretary, personas.council_member]:
        page = login(persona).get("/emulation/certificates/").getvalue().decode()
        assert "00001/GK-STC/2025" in page and "00003/GK-SNV/2025" in page
    head_page = login(personas.unit_head).get("/emulation/certificates/").getvalue().decode()
    assert "00003/GK-SNV/2025" in head_page and "00001/GK-STC/2025" not in head_page


def test_the_register_searches_and_exports_what_it_shows(login, decision, personas):
    for award in decision.awards.all():
        issue_certificate(award=award)
    client = login(personas.secretary)
    page = client.get("/emulation/certificates/", {"q": "Hương Trà"}).getvalue().decode()
    serial = Certificate.objects.get(award__person=personas.staff.person).serial
    assert serial in page and page.count("/GK-SNV/2025") == 1
    response = client.get("/emulation/certificates/", {"q": "Hương Trà", "_export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == serial and rows[1][1] == "Nguyễn Thị Hương Trà"


def test_a_signed_decision_s_page_loads_the_certificate_panel(login, decision, personas):
    page = login(personas.secretary).get(f"/emulation/decisions/{decision.pk}/").getvalue().decode()
    assert f'hx-get="{batch_url(decision, "panel/")}"' in page


def test_the_menu_offers_one_s_certificates_and_the_council_the_register(login, personas):
    staff_page = login(personas.staff).get("/").getvalue().decode()
    assert "/emulation/certificates/mine/" in staff_page and 'href="/emulation/certificates/"' not in staff_page
    assert 'href="/emulation/certificates/"' in login(personas.secretary).get("/").getvalue().decode()


def test_home_points_staff_to_new_certificates_and_issuers_to_decisions_missing_them(login, decision, personas):
    secretary_home = login(personas.secretary).get("/").getvalue().decode()
    assert "Quyết định đã ký chưa in đủ giấy khen" in secretary_home
    issue_certificate(award=decision.awards.get(person=personas.staff.person))
    staff_home = login(personas.staff).get("/").getvalue().decode()
    assert "Giấy khen mới của bạn" in staff_home
    assert [i["count"] for i in certificates_attention(personas.secretary) if "chưa in" in i["label"]] == [1]
    for award in decision.awards.all():
        issue_certificate(award=award)
    assert [i["count"] for i in certificates_attention(personas.secretary) if "chưa in" in i["label"]] == [0]


def test_a_stalled_batch_offers_to_carry_on(login, decision, personas, settings, django_capture_on_commit_callbacks):
    client = login(personas.secretary)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(batch_url(decision, "issue/"))
    assert "Chạy tiếp" not in client.get(batch_url(decision)).getvalue().decode()
    settings.CERTIFICATE_BATCH_STALL_SECONDS = 0
    assert "Chạy tiếp" in client.get(batch_url(decision)).getvalue().decode()


def test_a_certificate_whose_file_is_missing_is_rendered_again(login, decision, personas):
    certificate = issue_certificate(award=decision.awards.get(person=personas.staff.person))
    certificate.pdf.delete(save=False)
    response = login(personas.staff).get(f"/emulation/certificates/{certificate.pk}.pdf")
    assert response.status_code == 200
    assert certificate.serial in pdf_text(response.getvalue())


def test_the_register_s_query_count_does_not_grow_with_rows(
    login, decision, personas, tree, django_assert_max_num_queries
):
    client = login(personas.secretary)
    for award in decision.awards.all():
        issue_certificate(award=award)
    with django_assert_max_num_queries(100) as few:
        client.get("/emulation/certificates/")
    for award in make_awards(make_signed_decision(tree.home), 6, tree.sub):
        issue_certificate(award=award)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/emulation/certificates/").getvalue().decode()
    assert page.count("/GK-SNV/2025") == 9
