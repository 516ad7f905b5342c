"""The project's table template writes the body in Python (`{% table_rows %}`): the page must read exactly as
django-tables2's own Bootstrap 5 template renders it — same rows, cells, attributes, escaping and number format."""

import datetime
import re
from decimal import Decimal

import django_tables2 as tables
import pytest
from django.test import RequestFactory
from django.utils import translation
from django_tables2 import RequestConfig

from tests.factories import enrol_totp
from units.models import Level, Unit

pytestmark = pytest.mark.django_db


class Sample(tables.Table):
    name = tables.Column(attrs={"td": {"class": "text-end", "data-id": lambda record: record["id"]}})
    note = tables.Column()
    total = tables.Column(localize=True)
    raw = tables.Column(localize=False)
    day = tables.Column()

    class Meta:
        attrs = {"class": "table", "tbody": {"id": "rows"}}
        row_attrs = {"data-row": lambda record: record["id"]}


def rows():
    return [
        {"id": 1, "name": "Sở <Nội vụ> & Tư pháp", "note": None, "total": Decimal("1234.5"), "raw": Decimal("1234.5"),
         "day": datetime.date(2026, 3, 9)},
        {"id": 2, "name": "Xã Đắk Mil", "note": "ghi chú", "total": 7, "raw": 8, "day": None},
    ]  # fmt: skip


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def render(template: str, data, **kwargs) -> str:
    request = RequestFactory().get("/?sort=total")
    table = Sample(data, template_name=template, **kwargs)
    RequestConfig(request, paginate={"per_page": 10}).configure(table)
    return normalised(table.as_html(request))


@pytest.mark.parametrize("data", [rows(), []], ids=["rows", "empty"])
def test_the_fast_body_renders_what_the_stock_template_renders(data):
    with translation.override("vi"):
        ours = render("tables/table.html", data, empty_text="Chưa có dữ liệu")
        stock = render("django_tables2/bootstrap5-responsive.html", data, empty_text="Chưa có dữ liệu")
    assert ours == stock
    if data:
        assert "Sở &lt;Nội vụ&gt; &amp; Tư pháp" in ours and 'data-id="1"' in ours and 'data-row="2"' in ours
        assert "1234,5" in ours and "1234.5" in ours  # localized (Vietnamese decimal comma); the unlocalized raw
    else:
        assert '<td colspan="5">Chưa có dữ liệu</td>' in ours


def test_the_units_table_uses_the_project_template(admin_client, admin_user):
    enrol_totp(admin_user)
    Unit.objects.create(code="T1", name="Đơn vị thử", level="department", kind="department")
    response = admin_client.get("/units/", secure=True)
    assert response.templates and "tables/table.html" in [t.name for t in response.templates]
    assert "Đơn vị thử" in response.content.decode()


def test_a_date_column_compiles_its_template_once_and_still_formats_each_row():
    from units.listing.table_templates import compiled

    class Dated(tables.Table):
        day = tables.DateColumn(format="d/m/Y")

    compiled.cache_clear()
    days = [{"day": datetime.date(2026, 1, d)} for d in range(1, 31)] + [{"day": None}]
    html = render_dated(Dated, days)
    assert "01/01/2026" in html and "30/01/2026" in html and "—" in html
    assert compiled.cache_info().misses == 1 and compiled.cache_info().hits == len(days) - 1


def render_dated(table_class, data) -> str:
    request = RequestFactory().get("/")
    table = table_class(data)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return table.as_html(request)


class UnitRows(tables.Table):
    """Every kind of column the fast cell path takes over (fields through foreign keys, choices, links, dates), beside
    ones it leaves to django-tables2 (a foreign key shown by its str, a property, a render_ method)."""

    code = tables.Column(linkify=("units:unit_detail", [tables.A("pk")]))
    name = tables.Column(attrs={"td": {"data-label": lambda bound_column: bound_column.header}})
    level = tables.Column()
    parent_name = tables.Column(accessor="parent__name", default="(không có)")
    parent_level = tables.Column(accessor="parent__level")
    parent = tables.Column()
    valid_from = tables.DateColumn(format="d/m/Y", linkify=("units:unit_detail", [tables.A("pk")]))
    kind = tables.Column()

    def render_kind(self, record):
        return f"<{record.get_kind_display()}>"


def test_the_fast_cells_of_a_model_table_read_as_django_tables2_renders_them():
    province = Unit.objects.create(code="T", name="Tỉnh <Thử>", level="province", kind="people_committee")
    Unit.objects.create(code="S1", name="Sở Nội vụ & Tư pháp", level="department", kind="department", parent=province,
                        valid_from=datetime.date(2026, 3, 9), valid_to=datetime.date(2026, 12, 31))  # fmt: skip
    request = RequestFactory().get("/?sort=code")
    pages = {}
    for template in ("tables/table.html", "django_tables2/bootstrap5-responsive.html"):
        with translation.override("vi"):
            table = UnitRows(Unit.objects.select_related("parent").order_by("code"), template_name=template)
            RequestConfig(request, paginate={"per_page": 10}).configure(table)
            pages[template] = normalised(table.as_html(request))
    ours = pages["tables/table.html"]
    assert ours == pages["django_tables2/bootstrap5-responsive.html"]
    assert "Sở Nội vụ &amp; Tư pháp" in ours and "Tỉnh &lt;Thử&gt;" in ours and "(không có)" in ours
    assert "09/03/2026" in ours and str(Level.PROVINCE.label) in ours and "&lt;Sở&gt;" in ours
