"""Exports of exactly the rows a table shows (after filtering), as CSV or XLSX."""

from datetime import date, datetime

import django_tables2 as tables
import tablib
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.encoding import force_str
from django_tables2 import RequestConfig

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# django-tables2 exports these as ISO text (and times in UTC); the raw values are exported instead.
DATE_COLUMNS = (tables.DateColumn, tables.DateTimeColumn)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """A cell a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_value(value, fmt: str):
    """A cell as a spreadsheet should get it: formulas neutralised, times in local time (Excel refuses time
    zones), and in CSV dates written dd/mm/yyyy; XLSX keeps real date cells."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
        return value.strftime("%d/%m/%Y %H:%M") if fmt == "csv" else value
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if fmt == "csv" else value
    return neutralise(value)


def _is_plain_date(table, column) -> bool:
    """A date or time column whose export value the table does not define itself."""
    overridden = hasattr(table, f"value_{column.name}") or hasattr(table, f"render_{column.name}")
    return isinstance(column.column, DATE_COLUMNS) and not overridden


def _row_values(row, columns, raw: set[str]) -> list:
    return [
        column.accessor.resolve(row.record, quiet=True)
        if column.name in raw
        else force_str(row.get_cell_value(column.name), strings_only=True)
        for column in columns
    ]


def table_dataset(table, fmt: str = "csv") -> tablib.Dataset:
    """Every row of the table (all pages, in its order), with the columns it shows and exports."""
    columns = [column for column in table.columns.iterall() if not column.column.exclude_from_export]
    raw = {column.name for column in columns if _is_plain_date(table, column)}
    dataset = tablib.Dataset(headers=[force_str(column.header) for column in columns])
    for row in table.rows:
        dataset.append([export_value(value, fmt) for value in _row_values(row, columns, raw)])
    return dataset


def export_response(table, fmt: str, filename: str) -> HttpResponse:
    """CSV is UTF-8 with a byte-order mark so Excel reads Vietnamese correctly."""
    dataset = table_dataset(table, fmt)
    body = ("\ufeff" + dataset.export("csv")).encode("utf-8") if fmt == "csv" else dataset.export("xlsx")
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def table_page(request, *, table, filterset, template, export_name, extra=None, per_page=50):
    """Render a filtered, sortable, paginated table, or export exactly its filtered rows (`?_export=csv|xlsx`)."""
    RequestConfig(request, paginate={"per_page": per_page}).configure(table)
    if (fmt := request.GET.get("_export")) in CONTENT_TYPES:
        return export_response(table, fmt, export_name)
    return render(request, template, {"table": table, "filter": filterset, **(extra or {})})
