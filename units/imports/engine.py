"""All-or-nothing imports of rows from CSV or XLSX files, with a preview first.

Rules
-----
- A file is CSV (UTF-8, with or without a byte-order mark; separated by ``,`` ``;`` or tab) or XLSX (first sheet),
  judged by its content, not its name. Its first row names the columns; row numbers are those a spreadsheet
  shows, so the header is row 1 and blank rows keep their number.
- Every row is validated before anything is written; the import writes only when every row is valid, inside
  one transaction. Rows are matched to existing records by a key column (``code``), so importing the same
  file again changes nothing.
- Problems with the file as a whole (too big, not CSV/XLSX, empty, missing columns) raise ``ImportFileError``
  carrying a translated message; problems with a row are collected on that row, each as a translated message.

API for an app that imports something
-------------------------------------
1. Subclass ``ImportSpec`` once per kind of row::

       class ReadingImport(ImportSpec):
           title = _("chỉ số")
           columns = (Column("code", _("Mã, bắt buộc")), Column("value", _("Giá trị")), ...)

           def load(self, rows): ...           # preload every lookup in a few queries; never query per row
           def clean(self, row): ...           # row.values["code"] = row.text("code", required=True), ...;
                                               # row.error(msg) for any problem; row.instance = existing or None
                                               # (Row helpers text/choice/date/email: units.import_rows)
           def is_unchanged(self, row): ...    # True when the file row equals row.instance
           def write(self, rows): ...          # bulk-create/update the rows whose action is CREATE or UPDATE

   Optionally override ``check(rows)`` for rules across rows (duplicate keys are already flagged by the engine).
   A spec is built per run with the acting user: ``ReadingImport(user=request.user)``.
2. ``preview_import(spec=..., content=bytes)`` reads and validates without writing; the ``Preview`` it returns
   gives ``is_valid``, ``counts`` (create / update / unchanged) and ``invalid_rows`` (number + messages).
   ``run_import(spec=..., content=...)`` validates again inside ``transaction.atomic()`` and writes only when
   every row is valid; it returns the ``Preview`` it acted on.
3. Between the preview and the confirmation keep the bytes with ``store_upload`` → token, read them back with
   ``load_upload`` (``None`` when the token is not this user's) and remove them with ``discard_upload``.
   ``upload_bytes(uploaded_file)`` enforces the size limit (setting ``IMPORT_MAX_BYTES``, default 10 MB).

The unit and person specs are in ``units.import_specs``; the upload → preview → confirm pages in
``units.imports_views`` show how a view drives the engine.
"""

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from units.imports.rows import CREATE, UNCHANGED, UPDATE, Column, ImportFileError, Row, read_table

__all__ = ["CREATE", "UNCHANGED", "UPDATE", "Column", "ImportFileError", "Row"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

UPLOAD_LIFETIME = timedelta(days=1)


class ImportSpec:
    """One kind of importable row: its columns, how a row is validated, matched and written."""

    title = ""
    columns: tuple[Column, ...] = ()
    key = "code"
    examples: tuple[tuple[str, ...], ...] = ()  # rows printed in the sample file, in column order

    def __init__(self, *, user):
        self.user = user

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def load(self, rows: list[Row]) -> None:
        """Preload what clean() needs, in a few queries."""

    def clean(self, row: Row) -> None:
        raise NotImplementedError

    def check(self, rows: list[Row]) -> None:
        """Rules across rows, run after every row is cleaned."""

    def is_unchanged(self, row: Row) -> bool:
        raise NotImplementedError

    def write(self, rows: list[Row]) -> None:
        raise NotImplementedError


@dataclass
class Preview:
    """What an import would do: every row with its action or its errors."""

    rows: list[Row] = field(default_factory=list)

    @property
    def invalid_rows(self) -> list[Row]:
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self) -> bool:
        return not self.invalid_rows

    @property
    def counts(self) -> dict[str, int]:
        counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0}
        for row in self.rows:
            if row.action:
                counts[row.action] += 1
        return counts


def read_rows(content: bytes, columns: list[str]) -> list[Row]:
    """The file's non-blank data rows, numbered as a spreadsheet shows them (header = row 1)."""
    table = read_table(content)
    if not table:
        raise ImportFileError(_("Tệp trống."))
    header = [str(name or "").strip().lower() for name in table[0]]
    missing = [name for name in columns if name not in header]
    if missing:
        raise ImportFileError(
            _("Thiếu cột: %(missing)s. Dòng đầu tiên của tệp phải là tên các cột: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ", ".join(columns)}
        )
    rows = [
        Row(number=number, cells=dict(zip(header, cells, strict=False)))
        for number, cells in enumerate(table[1:], start=2)
        if any(cell not in (None, "") and str(cell).strip() for cell in cells)
    ]
    if not rows:
        raise ImportFileError(_("Tệp không có dòng dữ liệu nào dưới dòng tên cột."))
    return rows


def flag_duplicate_keys(rows: list[Row], key: str) -> None:
    """A key may appear once in a file; later occurrences name the row that has it first."""
    first_seen: dict[str, int] = {}
    for row in rows:
        value = row.values.get(key)
        if not value:
            continue
        if value in first_seen:
            row.error(_("Mã “%(code)s” trùng với dòng %(row)d của tệp.") % {"code": value, "row": first_seen[value]})
        else:
            first_seen[value] = row.number


def preview_import(*, spec: ImportSpec, content: bytes) -> Preview:
    """Read and validate every row; decide for each valid row whether it creates, updates or changes nothing."""
    rows = read_rows(content, [column.name for column in spec.columns if not column.optional])
    spec.load(rows)
    for row in rows:
        spec.clean(row)
    flag_duplicate_keys(rows, spec.key)
    spec.check(rows)
    for row in rows:
        if row.errors:
            continue
        if row.instance is None:
            row.action = CREATE
        else:
            row.action = UNCHANGED if spec.is_unchanged(row) else UPDATE
    return Preview(rows=rows)


def run_import(*, spec: ImportSpec, content: bytes) -> Preview:
    """Validate again and write in one transaction: all rows or none."""
    with transaction.atomic():
        preview = preview_import(spec=spec, content=content)
        if preview.is_valid:
            spec.write([row for row in preview.rows if row.action in (CREATE, UPDATE)])
    return preview


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def upload_bytes(upload) -> bytes:
    """The uploaded file's bytes, refused before reading when it exceeds the size limit."""
    if upload.size > max_bytes():
        raise ImportFileError(_("Tệp quá lớn: tối đa %(limit)d MB.") % {"limit": max(1, max_bytes() // (1024 * 1024))})
    return upload.read()


def _upload_name(*, user, kind: str, token: str) -> str:
    return f"imports/{user.pk}/{kind}-{token}"


def store_upload(*, content: bytes, user, kind: str) -> str:
    """Keep an upload between preview and confirmation; the token only works for the same user and kind."""
    _discard_stale_uploads(user)
    token = secrets.token_urlsafe(24)
    default_storage.save(_upload_name(user=user, kind=kind, token=token), ContentFile(content))
    return token


def _valid_token(token: str) -> bool:
    return 20 <= len(token) <= 64 and all(char.isalnum() or char in "-_" for char in token)


def load_upload(*, token: str, user, kind: str) -> bytes | None:
    name = _upload_name(user=user, kind=kind, token=token)
    if not _valid_token(token) or not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def discard_upload(*, token: str, user, kind: str) -> None:
    if _valid_token(token):
        default_storage.delete(_upload_name(user=user, kind=kind, token=token))


def _discard_stale_uploads(user) -> None:
    """Uploads never confirmed are removed a day later, when the same user uploads again."""
    folder = f"imports/{user.pk}"
    if not default_storage.exists(folder):
        return
    cutoff = timezone.now() - UPLOAD_LIFETIME
    for name in default_storage.listdir(folder)[1]:
        if default_storage.get_modified_time(f"{folder}/{name}") < cutoff:
            default_storage.delete(f"{folder}/{name}")
