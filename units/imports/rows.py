"""Reading an import file into a table of cells, and cleaning one cell of a row at a time (see units.imports)."""

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from units.models import BIDI_CONTROLS

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"

ZIP_MAGIC = b"PK\x03\x04"

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls

CSV_DELIMITERS = (",", ";", "\t")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; `message` says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Column:
    name: str
    help: str = ""
    optional: bool = False  # a file may leave the column out (older files); rows then keep what they have


def read_table(content: bytes) -> list[list]:
    """Rows of cell values of a CSV or XLSX file, recognised by content."""
    if content.startswith(ZIP_MAGIC):
        return _read_xlsx(content)
    if content.startswith(OLE_MAGIC):
        raise ImportFileError(_("Tệp Excel 97-2003 (.xls) không được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc CSV."))
    if b"\x00" in content[:4096]:
        raise ImportFileError(_("Tệp không phải CSV hay XLSX."))
    return _read_csv(content)


def _read_csv(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("Tệp CSV phải dùng mã hóa UTF-8 (trong Excel: Lưu thành → “CSV UTF-8”).")) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(_("Tệp CSV bị lỗi định dạng: %(error)s.") % {"error": exc}) from exc


def _read_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook  # imported here: only XLSX uploads pay for it

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(_("Tệp không phải bảng tính XLSX hợp lệ hoặc đã bị hỏng.")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(values) for values in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def normalise(text: str) -> str:
    """NFC form (files made on a Mac often carry decomposed Vietnamese), outer spaces removed."""
    return unicodedata.normalize("NFC", text).strip()


def cell_text(value) -> str:
    """A cell as text: integral numbers without ".0", dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return normalise(str(value))


def _fold(text: str) -> str:
    return " ".join(normalise(text).casefold().split())


@cache
def _choice_lookup(choices, language: str) -> dict[str, str]:
    """Codes and labels (Vietnamese and the active language) of a TextChoices, folded → code."""
    lookup = {}
    for lang in ("vi", language):
        with translation.override(lang):
            lookup.update({_fold(str(label)): value for value, label in choices.choices})
    lookup.update({_fold(value): value for value in choices.values})
    return lookup


@dataclass
class Row:
    """One data row: its number in the file, its cells, and what cleaning made of them."""

    number: int
    cells: dict[str, object]
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    instance: object = None
    action: str = ""

    def error(self, message: str) -> None:
        self.errors.append(message)

    def cell(self, column: str) -> str:
        return cell_text(self.cells.get(column))

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = self.cell(column)
        if BIDI_CONTROLS.search(value):
            self.error(_("Cột “%(column)s” chứa ký tự điều khiển hướng chữ (bidi).") % {"column": column})
        if required and not value:
            self.error(_("Cột “%(column)s” không được để trống.") % {"column": column})
        elif max_length and len(value) > max_length:
            self.error(_("Cột “%(column)s” dài quá %(max)d ký tự.") % {"column": column, "max": max_length})
        return value

    def choice(self, column: str, choices, *, required: bool = True) -> str:
        """A TextChoices value given as its code or its label (any case)."""
        value = self.text(column, required=required)
        if not value:
            return ""
        code = _choice_lookup(choices, translation.get_language() or "vi").get(_fold(value))
        if code is None:
            allowed = "; ".join(str(label) for label in choices.labels)
            self.error(
                _("Cột “%(column)s”: “%(value)s” không phải giá trị hợp lệ (chọn một trong: %(allowed)s).")
                % {"column": column, "value": value, "allowed": allowed}
            )
        return code or ""

    def date(self, column: str) -> date | None:
        """A date cell of a spreadsheet, or text written dd/mm/yyyy."""
        raw = self.cells.get(column)
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        value = cell_text(raw)
        if not value:
            return None
        try:
            return datetime.strptime(value, "%d/%m/%Y").date()
        except ValueError:
            self.error(
                _("Cột “%(column)s”: “%(value)s” không phải ngày hợp lệ (dd/mm/yyyy).")
                % {"column": column, "value": value}
            )
            return None

    def email(self, column: str) -> str:
        value = self.text(column, max_length=254)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                self.error(
                    _("Cột “%(column)s”: “%(value)s” không phải địa chỉ e-mail hợp lệ.")
                    % {"column": column, "value": value}
                )
        return value
