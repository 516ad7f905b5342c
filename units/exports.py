"""Exports of exactly the rows a table shows (after filtering), as CSV or XLSX."""

import tablib
from django.http import HttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """A cell a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def table_dataset(table) -> tablib.Dataset:
    rows = list(table.as_values())
    dataset = tablib.Dataset(headers=[str(h) for h in rows[0]])
    for row in rows[1:]:
        dataset.append([neutralise(value) for value in row])
    return dataset


def export_response(table, fmt: str, filename: str) -> HttpResponse:
    """CSV is UTF-8 with a byte-order mark so Excel reads Vietnamese correctly."""
    dataset = table_dataset(table)
    body = ("\ufeff" + dataset.export("csv")).encode("utf-8") if fmt == "csv" else dataset.export("xlsx")
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
