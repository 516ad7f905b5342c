"""The unit import's successor columns beyond the first: `further_successor_codes` (the other new units of a split).

Rules
-----
- The column lists unit codes separated by ';' (or ',' or spaces); each must be an existing unit or a row of the file,
  and none may be the row's own unit. Every error is the row's, and any error refuses the whole import.
- No chain of successors (first and further, as stored and as the file sets them) may come back to where it started.
- A file without the column leaves every unit's further successors as they are; an empty cell clears them.
"""

from django.utils.translation import gettext as _

from units.imports.rows import Row
from units.models import Unit
from units.reorganisation.successors import find_cycles, split_codes

COLUMN = "further_successor_codes"


class FurtherSuccessors:
    """Reads, checks and writes the further successors of an import's rows, given the units by code."""

    def __init__(self, units: dict[str, Unit], codes_by_pk: dict[int, str], file_codes: set[str]):
        self.units, self.codes_by_pk, self.file_codes = units, codes_by_pk, file_codes
        self.stored: dict[str, set[str]] = {}
        through = Unit.further_successors.through.objects.values_list("from_unit_id", "to_unit_id")
        for pk, successor in through:
            self.stored.setdefault(codes_by_pk[pk], set()).add(codes_by_pk[successor])

    def clean(self, row: Row) -> None:
        """Row's codes (None when the file has no such column), each checked to exist and not be the row's unit."""
        if COLUMN not in row.cells:
            row.values[COLUMN] = None
            return
        codes = split_codes(row.text(COLUMN))
        own = row.text("code")
        for code in codes:
            if code == own:
                row.error(_("Cột “%(column)s”: đơn vị không thể kế thừa chính nó.") % {"column": COLUMN})
            elif code not in self.units and code not in self.file_codes:
                text = _("Cột “%(column)s”: không có đơn vị mã “%(code)s” trong hệ thống hay trong tệp.")
                row.error(text % {"column": COLUMN, "code": code})
        row.values[COLUMN] = codes

    def check(self, rows: list[Row]) -> None:
        """Refuse, on each row in it, a chain of successors that comes back to where it started."""
        graph: dict[str, set[str]] = {code: set(codes) for code, codes in self.stored.items()}
        for code, unit in self.units.items():
            if unit.successor_id:
                graph.setdefault(code, set()).add(self.codes_by_pk[unit.successor_id])
        for row in rows:
            code = row.values.get("code")
            if not code:
                continue
            further = row.values[COLUMN] if row.values[COLUMN] is not None else self.stored.get(code, set())
            first = {row.values["successor_code"]} if row.values["successor_code"] else set()
            graph[code] = first | set(further)
        rows_by_code = {row.values["code"]: row for row in rows if row.values.get("code")}
        for cycle in find_cycles(graph):
            message = _("Chuỗi đơn vị kế thừa quay vòng: %(chain)s.") % {"chain": " → ".join(cycle)}
            for member in dict.fromkeys(cycle):
                if member in rows_by_code and message not in rows_by_code[member].errors:
                    rows_by_code[member].error(message)

    def is_unchanged(self, row: Row) -> bool:
        codes = row.values[COLUMN]
        return codes is None or set(codes) == self.stored.get(row.values["code"], set())

    def write(self, rows: list[Row], units: dict[str, Unit]) -> None:
        """Set the further successors of the rows that give them and differ (after every unit of the file exists)."""
        for row in rows:
            if not self.is_unchanged(row):
                unit = units[row.values["code"]]
                unit.further_successors.set([units[code] for code in row.values[COLUMN]])
