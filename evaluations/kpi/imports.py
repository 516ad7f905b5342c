"""Importing KPI readings from CSV/XLSX with the all-or-nothing engine of `units.imports`.

A row is matched by (unit code, indicator code, start, end): importing the same file again changes nothing. The
rules are those of `kpi.reading_problems` (derived rates are computed, counts whole, rates 0–100, no overlapping
periods), checked against preloaded data so validation does not query per row. Derived rates follow the write.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluations.kpi.models import EntryMethod, IndicatorKind, KpiIndicator, KpiReading
from evaluations.kpi.services import refresh_derived_rates
from units.imports.engine import Column, ImportSpec, Row
from units.imports.specs import administered_ids
from units.models import Unit


def parse_value(row: Row, column: str) -> Decimal | None:
    text = row.text(column, required=True).replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        row.error(_("Cột “%(column)s”: “%(value)s” không phải số.") % {"column": column, "value": text})
        return None


class KpiReadingImport(ImportSpec):
    title = gettext_lazy("số liệu KPI")
    success_url = "evaluations:kpi_list"
    key = "match"
    columns = (
        Column("unit_code", gettext_lazy("Mã đơn vị, bắt buộc; đơn vị do bạn quản trị.")),
        Column("indicator_code", gettext_lazy("Mã chỉ số, bắt buộc, ví dụ HS-TN, HS-DH (không nhập tỷ lệ tự tính).")),
        Column("period_start", gettext_lazy("Từ ngày (dd/mm/yyyy), bắt buộc.")),
        Column("period_end", gettext_lazy("Đến ngày (dd/mm/yyyy), bắt buộc.")),
        Column("value", gettext_lazy("Giá trị: số nguyên với chỉ số đếm, 0–100 với tỷ lệ.")),
        Column("source", gettext_lazy("Nguồn số liệu, có thể để trống.")),
    )

    def load(self, rows: list[Row]) -> None:
        codes = {row.cell("unit_code") for row in rows}
        self.units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        self.administered = administered_ids(self.user)
        self.indicators = {i.code: i for i in KpiIndicator.objects.all()}
        self.derived = set(KpiIndicator.objects.derived().values_list("code", flat=True))
        self.existing: dict[tuple, list[KpiReading]] = {}
        for reading in KpiReading.objects.filter(unit__in=self.units.values()).exclude(
            entry_method=EntryMethod.DERIVED
        ):
            self.existing.setdefault((reading.unit_id, reading.indicator_id), []).append(reading)

    def clean(self, row: Row) -> None:
        unit, indicator = self._unit(row), self._indicator(row)
        start, end = row.date("period_start"), row.date("period_end")
        if not (start and end) and not row.errors:
            row.error(_("Cần cả ngày bắt đầu và ngày kết thúc."))
        value = parse_value(row, "value")
        row.values = {"unit": unit, "indicator": indicator, "start": start, "end": end, "value": value}
        row.values["source"] = row.text("source", max_length=255)
        if row.errors:
            return
        row.values["match"] = f"{unit.code} · {indicator.code} · {start:%d/%m/%Y}–{end:%d/%m/%Y}"
        self._check_value(row)
        self._check_period(row)

    def _unit(self, row: Row):
        code = row.text("unit_code", required=True)
        unit = self.units.get(code)
        if code and (unit is None or unit.pk not in self.administered):
            row.error(_("Không có đơn vị mã “%(code)s” trong phạm vi bạn quản trị.") % {"code": code})
        return unit

    def _indicator(self, row: Row):
        code = row.text("indicator_code", required=True)
        indicator = self.indicators.get(code)
        if code and (indicator is None or not indicator.active):
            row.error(_("Không có chỉ số mã “%(code)s”.") % {"code": code})
        elif code in self.derived:
            row.error(_("Chỉ số %(code)s được tính tự động, không nhập tay.") % {"code": code})
        return indicator

    def _check_value(self, row: Row) -> None:
        value, indicator = row.values["value"], row.values["indicator"]
        if value < 0:
            row.error(_("Giá trị không được âm."))
        elif indicator.kind == IndicatorKind.COUNT and value != value.to_integral_value():
            row.error(_("Chỉ số đếm phải là số nguyên."))
        elif indicator.kind == IndicatorKind.RATE and value > 100:
            row.error(_("Tỷ lệ không được vượt quá 100 %."))
        if row.values["end"] < row.values["start"]:
            row.error(_("Ngày kết thúc phải từ ngày bắt đầu trở đi."))

    def _check_period(self, row: Row) -> None:
        v = row.values
        for reading in self.existing.get((v["unit"].pk, v["indicator"].pk), []):
            if (reading.period_start, reading.period_end) == (v["start"], v["end"]):
                row.instance = reading
            elif reading.period_start <= v["end"] and reading.period_end >= v["start"]:
                row.error(
                    _("Kỳ số liệu chồng lấn với kỳ %(start)s–%(end)s đã có của chỉ số này.")
                    % {"start": f"{reading.period_start:%d/%m/%Y}", "end": f"{reading.period_end:%d/%m/%Y}"}
                )

    def check(self, rows: list[Row]) -> None:
        """Two rows of the file for the same unit and indicator may not have overlapping, different periods."""
        seen: dict[tuple, list[Row]] = {}
        for row in rows:
            if row.errors:
                continue
            v = row.values
            for other in seen.get((v["unit"].pk, v["indicator"].pk), []):
                o = other.values
                if (
                    (o["start"], o["end"]) != (v["start"], v["end"])
                    and o["start"] <= v["end"]
                    and o["end"] >= v["start"]
                ):
                    row.error(_("Kỳ số liệu chồng lấn với dòng %(row)d của tệp.") % {"row": other.number})
            seen.setdefault((v["unit"].pk, v["indicator"].pk), []).append(row)

    def is_unchanged(self, row: Row) -> bool:
        return row.instance.value == row.values["value"] and row.instance.source == row.values["source"]

    def write(self, rows: list[Row]) -> None:
        periods = set()
        for row in rows:
            v = row.values
            KpiReading.objects.update_or_create(
                unit=v["unit"],
                indicator=v["indicator"],
                period_start=v["start"],
                period_end=v["end"],
                defaults={
                    "value": v["value"],
                    "source": v["source"],
                    "entered_by": self.user,
                    "entry_method": EntryMethod.IMPORT,
                },
            )
            periods.add((v["unit"], v["start"], v["end"]))
        for unit, start, end in periods:
            refresh_derived_rates(unit=unit, start=start, end=end, by=self.user)
