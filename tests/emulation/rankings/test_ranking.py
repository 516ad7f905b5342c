"""Bloc rankings: who sees which bloc, shared ranks and flagged units as displayed, filters, exports read back,
the council's PDF read back, and a query count that does not grow with the rows."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from emulation.models import PeriodStatus
from emulation.rankings.permissions import blocs_for_user, require_dashboard, require_rankings
from tests.emulation.factories import make_period, make_scheme
from tests.factories import make_bloc, make_score, make_unit, make_user

pytestmark = pytest.mark.django_db

FLAGGED = "Chưa đủ căn cứ xếp hạng"


def url(name="emulation:ranking", **query):
    from urllib.parse import urlencode

    return reverse(name) + (f"?{urlencode(query)}" if query else "")


def rows_of(response):
    return [
        (row.get_cell_value("unit"), row.get_cell_value("rank"), row.record.bloc.name)
        for row in response.context["table"].rows
    ]


# --- access -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["emulation:ranking", "emulation:ranking_pdf"])
def test_anonymous_is_sent_to_login(client, world, name):
    response = client.get(url(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["staff", "outsider", "clerk", "inspector"])
@pytest.mark.parametrize("name", ["emulation:ranking", "emulation:ranking_pdf"])
def test_users_outside_the_council_and_the_blocs_are_refused(login, personas, world, persona, name):
    assert login(getattr(personas, persona)).get(url(name)).status_code == 403


@pytest.mark.parametrize("persona", ["administrator", "council_member", "secretary", "unit_head"])
@pytest.mark.parametrize("name", ["emulation:ranking", "emulation:ranking_pdf"])
def test_council_administrators_and_heads_of_bloc_members_are_let_in(login, personas, world, persona, name):
    response = login(getattr(personas, persona)).get(url(name))
    if name == "emulation:ranking_pdf":  # the sheet is built in the background: to its progress page
        assert response.status_code == 302 and "/rankings/prints/" in response["Location"]
    else:
        assert response.status_code == 200


def test_the_council_sees_every_bloc_and_a_unit_head_only_the_bloc_of_their_unit(personas, world):
    assert set(blocs_for_user(personas.council_member)) == {world.departments, world.districts}
    assert set(blocs_for_user(personas.administrator)) == {world.departments, world.districts}
    assert set(blocs_for_user(personas.unit_head)) == {world.departments}
    assert set(blocs_for_user(personas.outsider)) == set()
    assert set(blocs_for_user(personas.staff)) == set()


def test_a_unit_head_is_let_in_only_while_their_unit_is_in_a_bloc(personas, world, tree):
    require_rankings(personas.unit_head)
    with pytest.raises(PermissionDenied):
        require_rankings(personas.outsider)
    make_bloc(world.period, [tree.other])
    require_rankings(personas.outsider)


def test_a_superuser_reaches_every_bloc(world):
    root = make_user(email="root@example.vn", is_superuser=True)
    assert set(blocs_for_user(root)) == {world.departments, world.districts}
    require_rankings(root)
    require_dashboard(root)


def test_a_unit_head_reads_the_whole_ranking_of_their_bloc_and_nothing_else(login, personas, world):
    response = login(personas.unit_head).get(url())
    blocs = {bloc for _unit, _rank, bloc in rows_of(response)}
    assert blocs == {"Khối các sở, ban, ngành"}
    assert {unit for unit, _rank, _bloc in rows_of(response)} == {"Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng"}


def test_units_link_to_their_score_page_only_where_the_score_may_be_opened(login, personas, world, tree):
    own = reverse("emulation:score_detail", args=[world.period.pk, tree.home.pk])
    other = world.departments.memberships.get(unit__name="Sở Tư pháp").unit
    others = reverse("emulation:score_detail", args=[world.period.pk, other.pk])
    head_page = login(personas.unit_head).get(url()).getvalue().decode()
    assert f'href="{own}"' in head_page
    assert f'href="{others}"' not in head_page
    council_page = login(personas.council_member).get(url()).getvalue().decode()
    assert f'href="{others}"' in council_page
    assert login(personas.council_member).get(others).status_code == 200


def test_a_period_without_a_visible_bloc_is_not_found(login, personas, world):
    hidden = make_period(name="Năm 2024")
    make_bloc(hidden, [make_unit(name="Huyện Krông Nô")])
    client = login(personas.unit_head)
    assert client.get(url(period=hidden.pk)).status_code == 404
    assert client.get(url(period="abc")).status_code == 404


# --- what the ranking shows ---------------------------------------------------------------------------------------


def test_ranks_come_in_bloc_order_with_flagged_units_last_and_unranked(login, personas, world):
    rows = rows_of(login(personas.council_member).get(url()))
    assert rows == [
        ("Huyện Cư Jút", 1, "Cụm các huyện phía Bắc"),
        ("Huyện Đắk Mil", 1, "Cụm các huyện phía Bắc"),
        ("Sở Nội vụ", 1, "Khối các sở, ban, ngành"),
        ("Sở Tư pháp", 2, "Khối các sở, ban, ngành"),
        ("Sở Xây dựng", FLAGGED, "Khối các sở, ban, ngành"),
    ]


def test_shared_ranks_are_shown_equal_and_marked(login, personas, world):
    page = login(personas.council_member).get(url(bloc=world.districts.pk)).getvalue().decode()
    assert page.count("(đồng hạng)") == 2
    assert "Đồng hạng" in page


def test_a_flagged_unit_shows_the_reason_instead_of_a_rank(login, personas, world):
    page = login(personas.council_member).get(url(bloc=world.departments.pk)).getvalue().decode()
    assert FLAGGED in page
    assert "Mới được kiểm tra 1 lần, cần tối thiểu 2 lần" in page


def test_filters_narrow_to_a_bloc_and_a_band(login, personas, world):
    client = login(personas.council_member)
    only_bloc = rows_of(client.get(url(bloc=world.departments.pk)))
    assert {bloc for _u, _r, bloc in only_bloc} == {"Khối các sở, ban, ngành"}
    good = rows_of(client.get(url(band="Tốt")))
    assert {unit for unit, _r, _b in good} == {"Sở Tư pháp", "Huyện Cư Jút", "Huyện Đắk Mil"}


def test_the_latest_period_with_scores_is_shown_by_default_and_another_can_be_chosen(login, personas, world, tree):
    newer = make_period(movement=world.period.movement, name="Năm 2026", status=PeriodStatus.REGISTRATION)
    newer.starts_on = datetime.date(2026, 1, 1)
    newer.save()
    make_bloc(newer, [tree.home])
    older = make_period(movement=world.period.movement, name="Năm 2024", status=PeriodStatus.FINALIZED)
    make_bloc(older, [tree.home], name="Khối năm 2024")
    make_score(tree.home, older, rank=1)
    client = login(personas.council_member)
    assert client.get(url()).context["period"] == world.period
    assert rows_of(client.get(url(period=older.pk))) == [("Sở Nội vụ", 1, "Khối năm 2024")]


def test_sorting_by_total_puts_the_highest_first(login, personas, world):
    rows = login(personas.council_member).get(url(sort="-total")).context["table"].rows
    assert [row.record.total for row in rows][:1] == [Decimal("95")]


# --- exports --------------------------------------------------------------------------------------------------------


def test_csv_export_holds_exactly_the_filtered_rows(login, personas, world):
    response = login(personas.council_member).get(url(bloc=world.departments.pk, _export="csv"))
    assert response["Content-Type"].startswith("text/csv")
    content = response.getvalue()  # a streamed response is read once
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Hạng", "Đơn vị", "Khối/cụm"]
    assert [(row[0], row[1], row[3]) for row in rows[1:]] == [
        ("1", "Sở Nội vụ", "95.00"),
        ("2", "Sở Tư pháp", "88.00"),
        (FLAGGED, "Sở Xây dựng", "91.00"),
    ]
    assert "Mới được kiểm tra 1 lần, cần tối thiểu 2 lần" in rows[3][-1]


def test_xlsx_export_reads_back_with_openpyxl(login, personas, world):
    response = login(personas.council_member).get(url(band="Tốt", _export="xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("Hạng", "Đơn vị")
    assert sorted(row[1] for row in values[1:]) == ["Huyện Cư Jút", "Huyện Đắk Mil", "Sở Tư pháp"]
    assert all(row[4] == "Tốt" for row in values[1:])


def test_exported_cells_never_run_as_formulas(login, personas, world, tree):
    hostile = make_unit(name='=HYPERLINK("http://x.example","bấm")', parent=tree.province)
    world.departments.memberships.create(unit=hostile)
    make_score(hostile, world.period, rank=3)
    response = login(personas.council_member).get(url(bloc=world.departments.pk, _export="csv"))
    names = [row[1] for row in csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")))]
    assert '\'=HYPERLINK("http://x.example","bấm")' in names


def test_exports_hold_every_filtered_row_not_just_the_page(login, personas, tree):
    period = make_period(status=PeriodStatus.REVIEW)
    units = [make_unit(name=f"Xã {i:03}", parent=tree.province) for i in range(105)]
    make_bloc(period, units)
    for i, unit in enumerate(units):
        make_score(unit, period, rank=i + 1)
    client = login(personas.council_member)
    assert len(client.get(url()).context["table"].page.object_list) == 100
    response = client.get(url(_export="xlsx"))
    assert openpyxl.load_workbook(io.BytesIO(response.getvalue())).active.max_row == 1 + 105


def test_the_pdf_button_carries_the_filter(login, personas, world):
    page = login(personas.council_member).get(url(bloc=world.districts.pk, sort="total")).getvalue().decode()
    assert f'href="/emulation/rankings/print.pdf?bloc={world.districts.pk}&amp;period={world.period.pk}"' in page


def test_the_menu_offers_rankings_and_the_dashboard_to_the_council_only(login, personas, world):
    council_page = login(personas.council_member).get(reverse("home")).getvalue().decode()
    assert reverse("emulation:ranking") in council_page
    assert reverse("emulation:dashboard") in council_page
    clerk_page = login(personas.clerk).get(reverse("home")).getvalue().decode()
    assert reverse("emulation:dashboard") not in clerk_page


# --- the council's PDF ----------------------------------------------------------------------------------------------


@pytest.fixture
def printed(django_capture_on_commit_callbacks):
    """printed(client, **query) → the ranking sheet's bytes, as its user downloads it once built (eager task)."""

    def _printed(client, **query) -> bytes:
        with django_capture_on_commit_callbacks(execute=True):
            progress = client.get(url("emulation:ranking_pdf", **query))["Location"]
        page = client.get(progress).content.decode()
        download = progress + "file.pdf"
        assert download in page
        response = client.get(download)
        assert response["Content-Type"] == "application/pdf"
        return b"".join(response.streaming_content)

    return _printed


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@time_machine.travel(datetime.datetime(2026, 1, 15, 9, 0, tzinfo=datetime.UTC))
def test_the_council_pdf_lists_each_bloc_and_the_flagged_units_with_their_reason(login, personas, world, printed):
    pdf = printed(login(personas.secretary))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 landscape
    text = text_of(pdf)
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỈNH ĐẮK NÔNG",
        "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
        "BẢNG XẾP HẠNG THI ĐUA",
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "Năm 2025 (01/01/2025 – 31/12/2025)",
        "Đắk Nông, ngày 15 tháng 01 năm 2026",
        "Khối các sở, ban, ngành",
        "Cụm các huyện phía Bắc",
        "Huyện Đắk Mil",
        "Đồng hạng",
        "Đơn vị chưa đủ căn cứ xếp hạng",
        "Mới được kiểm tra 1 lần, cần tối thiểu 2 lần",
    ]:
        assert expected in text, expected
    ranked_part, flagged_part = text.split("Đơn vị chưa đủ căn cứ xếp hạng", 1)
    assert "Sở Xây dựng" not in ranked_part
    assert "Sở Xây dựng" in flagged_part


def test_the_pdf_follows_the_filter(login, personas, world, printed):
    text = text_of(printed(login(personas.council_member), bloc=world.districts.pk))
    assert "Cụm các huyện phía Bắc" in text
    assert "Khối các sở, ban, ngành" not in text


# --- cost -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [5, 40])
def test_ranking_query_count_does_not_grow_with_rows(login, personas, tree, rows, django_assert_max_num_queries):
    period = make_period(status=PeriodStatus.REVIEW)
    make_scheme(period, min_inspections=1)
    units = [make_unit(name=f"Xã {i}", parent=tree.province) for i in range(rows)]
    make_bloc(period, units)
    for i, unit in enumerate(units):
        make_score(unit, period, total=Decimal(100 - i), rank=i + 1 if i % 7 else None, insufficient_evidence=not i % 7)
    client = login(personas.council_member)
    with django_assert_max_num_queries(17):  # 15 measured
        response = client.get(url())
    assert len(response.context["table"].rows) == rows


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_read_with_values_holds_the_same_cells_as_the_rendered_table(world, fmt):
    from emulation.models import Score
    from emulation.rankings.tables import RankingTable, annotate_for_ranking
    from units.listing.exports import export_rows, table_dataset

    make_score(make_unit(name="Sở Công Thương"), world.period, bloc=world.departments, rank=3, tie_broken_by="A")
    scores = Score.objects.filter(period=world.period, bloc__isnull=False).select_related("unit", "bloc", "band")
    table = RankingTable(annotate_for_ranking(scores), min_inspections=2)
    table.order_by = ("bloc", "rank")
    generic = table_dataset(table, fmt)
    assert list(export_rows(table, fmt)) == [generic.headers, *map(list, generic)]
    assert len(generic) == 6
