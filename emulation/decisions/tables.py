"""The decision register and the awards register: columns only; views hand them user-scoped querysets."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emulation.decisions.models import Award, Decision

# Secondary columns give way on phones (390 px).
WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}


class DecisionTable(tables.Table):
    number = tables.Column(verbose_name=_("Số quyết định"), empty_values=())
    decided_on = tables.DateColumn(verbose_name=_("Ngày"), format="d/m/Y")
    subject = tables.Column(verbose_name=_("Trích yếu"), attrs=WIDE_ONLY)
    authority = tables.Column(verbose_name=_("Thẩm quyền"), accessor="authority__name", attrs=WIDE_ONLY)
    period = tables.Column(verbose_name=_("Kỳ thi đua"), accessor="period__name", order_by="period__starts_on")
    award_count = tables.Column(verbose_name=_("Số khen thưởng"), orderable=False)
    status = tables.Column(verbose_name=_("Trạng thái"))

    class Meta:
        model = Decision
        fields = ("number", "decided_on", "subject", "authority", "period", "award_count", "status")
        order_by = ("-decided_on",)

    def render_number(self, record):
        """Every row links to its decision; a draft has no number yet."""
        url = reverse("emulation:decision_detail", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record.number or gettext("(dự thảo)"))

    def value_number(self, record):
        return record.number


class AwardTable(tables.Table):
    recipient = tables.Column(
        verbose_name=_("Người, tập thể được khen"),
        accessor="pk",
        order_by=("person__full_name", "unit__name"),
        linkify=("emulation:award_detail", [tables.A("pk")]),
    )
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="pk", orderable=False, attrs=WIDE_ONLY)
    what = tables.Column(verbose_name=_("Danh hiệu, hình thức"), accessor="pk", orderable=False)
    year = tables.Column(verbose_name=_("Năm"), attrs=WIDE_ONLY)
    decision = tables.Column(verbose_name=_("Quyết định"), accessor="decision__number")
    decided_on = tables.DateColumn(
        verbose_name=_("Ngày quyết định"), accessor="decision__decided_on", format="d/m/Y", attrs=WIDE_ONLY
    )
    status = tables.Column(verbose_name=_("Trạng thái"))
    revoked_by = tables.Column(
        verbose_name=_("Quyết định hủy bỏ"), accessor="revocation__number", default="", attrs=WIDE_ONLY
    )

    class Meta:
        model = Award
        fields = ("recipient", "unit", "what", "year", "decision", "decided_on", "status", "revoked_by")
        order_by = ("-year", "recipient")

    def render_recipient(self, record):
        return str(record.recipient)

    def value_recipient(self, record):
        return str(record.recipient)

    def render_unit(self, record):
        return record.recipient_unit.name

    def value_unit(self, record):
        return record.recipient_unit.name

    def render_what(self, record):
        return str(record.what)

    def value_what(self, record):
        return str(record.what)
