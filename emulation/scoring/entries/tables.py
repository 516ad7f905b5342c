"""The lists of council points and bonus grants."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from emulation.scoring.models import BonusGrant, ManualScore

WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}
ACTIONS = "emulation/scoring/entries/actions.html"


class ManualScoreTable(tables.Table):
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="unit__name")
    period = tables.Column(
        verbose_name=_("Kỳ thi đua"), accessor="criterion__group__scheme__period__name", attrs=WIDE_ONLY
    )
    criterion = tables.Column(verbose_name=_("Tiêu chí"), accessor="criterion__code")
    points = tables.Column(verbose_name=_("Điểm"))
    note = tables.Column(verbose_name=_("Căn cứ, lý do"), attrs=WIDE_ONLY)
    entered_at = tables.DateTimeColumn(verbose_name=_("Nhập lúc"), format="d/m/Y H:i", attrs=WIDE_ONLY)
    actions = tables.TemplateColumn(
        template_name=ACTIONS, verbose_name=_("Thao tác"), orderable=False, exclude_from_export=True
    )

    class Meta:
        model = ManualScore
        fields = ["unit", "period", "criterion", "points", "note", "entered_at", "actions"]
        order_by = ("unit",)

    def render_criterion(self, record):
        return str(record.criterion)


class BonusGrantTable(tables.Table):
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="unit__name")
    period = tables.Column(verbose_name=_("Kỳ thi đua"), accessor="rule__scheme__period__name", attrs=WIDE_ONLY)
    rule = tables.Column(verbose_name=_("Điểm thưởng"), accessor="rule__description")
    points = tables.Column(verbose_name=_("Điểm"), accessor="rule__points")
    note = tables.Column(verbose_name=_("Căn cứ"), attrs=WIDE_ONLY)
    granted_at = tables.DateTimeColumn(verbose_name=_("Ghi nhận lúc"), format="d/m/Y H:i", attrs=WIDE_ONLY)
    actions = tables.TemplateColumn(
        template_name=ACTIONS, verbose_name=_("Thao tác"), orderable=False, exclude_from_export=True
    )

    class Meta:
        model = BonusGrant
        fields = ["unit", "period", "rule", "points", "note", "granted_at", "actions"]
        order_by = ("unit",)
