"""Importing annual ratings and discipline records from CSV/XLSX with the all-or-nothing engine of `units.imports`.

A rating row is matched by (person code, year); a discipline row by (person code, form, decision day): importing the
same file again changes nothing. People must belong to units where the importing user records (administrators
below them, heads and clerks of the unit). The apps above are told which units and days changed.
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluations.records.models import AnnualRating, DisciplineForm, DisciplineRecord, TaskRating
from evaluations.records.permissions import record_writer_paths
from evaluations.records.services import rating_day
from evaluations.signals import observations_changed
from units.imports.engine import Column, ImportSpec, Row
from units.models import Person


class PersonRecordImport(ImportSpec):
    key = "match"

    def load(self, rows: list[Row]) -> None:
        codes = {row.cell("person_code") for row in rows}
        paths = record_writer_paths(self.user)
        self.people = {
            p.code: p
            for p in Person.objects.filter(code__in=codes).select_related("unit")
            if self.user.is_superuser or any(p.unit.path.startswith(path) for path in paths)
        }

    def _person(self, row: Row):
        code = row.text("person_code", required=True)
        person = self.people.get(code)
        if code and person is None:
            row.error(_("Không có cán bộ mã “%(code)s” trong phạm vi bạn được ghi nhận.") % {"code": code})
        return person

    def _announce(self, changes) -> None:
        observations_changed.send(type(self), changes=sorted(changes))


class RatingImport(PersonRecordImport):
    title = gettext_lazy("xếp loại chất lượng hằng năm")
    success_url = reverse_lazy("evaluations:records", args=["ratings"])
    columns = (
        Column("person_code", gettext_lazy("Mã cán bộ, bắt buộc.")),
        Column("year", gettext_lazy("Năm đánh giá, ví dụ 2025.")),
        Column("rating", gettext_lazy("Mức xếp loại: htxsnv, httnv, htnv, khtnv hoặc tên đầy đủ.")),
        Column("source", gettext_lazy("Văn bản, nguồn; có thể để trống.")),
    )

    def load(self, rows: list[Row]) -> None:
        super().load(rows)
        self.existing = {(r.person_id, r.year): r for r in AnnualRating.objects.filter(person__in=self.people.values())}

    def clean(self, row: Row) -> None:
        person = self._person(row)
        year_text = row.text("year", required=True)
        year = int(year_text) if year_text.isdigit() and 1990 <= int(year_text) <= 2100 else None
        if year_text and year is None:
            row.error(_("Cột “year”: “%(value)s” không phải năm hợp lệ.") % {"value": year_text})
        rating = row.choice("rating", TaskRating)
        row.values = {"person": person, "year": year, "rating": rating, "source": row.text("source", max_length=255)}
        if not row.errors:
            row.values["match"] = f"{person.code} · {year}"
            row.instance = self.existing.get((person.pk, year))

    def is_unchanged(self, row: Row) -> bool:
        return (row.instance.rating, row.instance.source) == (row.values["rating"], row.values["source"])

    def write(self, rows: list[Row]) -> None:
        changes = set()
        for row in rows:
            v = row.values
            AnnualRating.objects.update_or_create(
                person=v["person"],
                year=v["year"],
                defaults={"rating": v["rating"], "source": v["source"], "recorded_by": self.user},
            )
            changes.add((v["person"].unit_id, rating_day(v["year"])))
        self._announce(changes)


class DisciplineImport(PersonRecordImport):
    title = gettext_lazy("kỷ luật")
    success_url = reverse_lazy("evaluations:records", args=["disciplines"])
    columns = (
        Column("person_code", gettext_lazy("Mã cán bộ, bắt buộc.")),
        Column(
            "form",
            gettext_lazy("Hình thức: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc."),
        ),
        Column("decided_on", gettext_lazy("Ngày quyết định (dd/mm/yyyy), bắt buộc.")),
        Column("ends_on", gettext_lazy("Ngày hết thời hạn kỷ luật (dd/mm/yyyy); có thể để trống.")),
        Column("decision_number", gettext_lazy("Số quyết định.")),
        Column("reason", gettext_lazy("Lý do.")),
    )

    def load(self, rows: list[Row]) -> None:
        super().load(rows)
        self.existing = {
            (r.person_id, r.form, r.decided_on): r
            for r in DisciplineRecord.objects.filter(person__in=self.people.values())
        }

    def clean(self, row: Row) -> None:
        person, form = self._person(row), row.choice("form", DisciplineForm)
        decided_on, ends_on = row.date("decided_on"), row.date("ends_on")
        if decided_on is None and not row.errors:
            row.error(_("Cột “decided_on” không được để trống."))
        if decided_on and ends_on and ends_on < decided_on:
            row.error(_("Ngày hết thời hạn phải từ ngày quyết định trở đi."))
        row.values = {"person": person, "form": form, "decided_on": decided_on, "ends_on": ends_on}
        row.values["decision_number"] = row.text("decision_number", max_length=100)
        row.values["reason"] = row.text("reason")
        if not row.errors:
            row.values["match"] = f"{person.code} · {form} · {decided_on:%d/%m/%Y}"
            row.instance = self.existing.get((person.pk, form, decided_on))

    def is_unchanged(self, row: Row) -> bool:
        r, v = row.instance, row.values
        return (r.ends_on, r.decision_number, r.reason) == (v["ends_on"], v["decision_number"], v["reason"])

    def write(self, rows: list[Row]) -> None:
        changes = set()
        for row in rows:
            v = dict(row.values)
            v.pop("match")
            DisciplineRecord.objects.update_or_create(
                person=v.pop("person"),
                form=v.pop("form"),
                decided_on=v["decided_on"],
                defaults={**v, "recorded_by": self.user},
            )
            changes.add((row.values["person"].unit_id, v["decided_on"]))
        self._announce(changes)


SPECS = {"ratings": RatingImport, "disciplines": DisciplineImport}
