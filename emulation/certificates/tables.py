"""The certificate register (sổ theo dõi): its columns and its search, over the certificates a user may see."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from emulation.certificates.models import Certificate
from emulation.decisions.models import AwardStatus

WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}


class CertificateTable(tables.Table):
    serial = tables.Column(verbose_name=_("Số hiệu"), order_by=("year", "number"))
    recipient = tables.Column(
        verbose_name=_("Người/tập thể được khen"),
        accessor="pk",
        order_by=("award__person__full_name", "award__unit__name"),
    )
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="pk", orderable=False, attrs=WIDE_ONLY)
    what = tables.Column(verbose_name=_("Danh hiệu, hình thức"), accessor="pk", orderable=False)
    decision = tables.Column(verbose_name=_("Quyết định"), accessor="award__decision__number", attrs=WIDE_ONLY)
    decided_on = tables.DateColumn(
        verbose_name=_("Ngày quyết định"), accessor="award__decision__decided_on", format="d/m/Y", attrs=WIDE_ONLY
    )
    status = tables.Column(verbose_name=_("Trạng thái"), accessor="award__status")
    pdf = tables.Column(verbose_name=_("Tệp"), accessor="pk", orderable=False, exclude_from_export=True)

    class Meta:
        model = Certificate
        fields = ["serial", "recipient", "unit", "what", "decision", "decided_on", "status", "pdf"]
        order_by = ("-decided_on", "serial")

    def render_recipient(self, record):
        return str(record.award.recipient)

    def render_unit(self, record):
        return record.award.recipient_unit.name

    def render_what(self, record):
        return record.award.what.name

    def render_status(self, record):
        return record.get_status_display()

    def render_pdf(self, record):
        return format_html('<a href="{}">PDF</a>', reverse("emulation:certificate_pdf", args=[record.pk]))

    def value_recipient(self, record):
        return self.render_recipient(record)

    def value_unit(self, record):
        return self.render_unit(record)

    def value_what(self, record):
        return self.render_what(record)


class CertificateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Số hiệu, tên người/tập thể"), method="search")
    decision = django_filters.CharFilter(
        label=_("Số quyết định"), field_name="award__decision__number", lookup_expr="icontains"
    )
    year = django_filters.NumberFilter(label=_("Năm"), field_name="year")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), field_name="award__status", choices=AwardStatus.choices)

    class Meta:
        model = Certificate
        fields = ["q", "decision", "year", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(serial__icontains=value)
            | Q(award__person__full_name__icontains=value)
            | Q(award__unit__name__icontains=value)
        )
