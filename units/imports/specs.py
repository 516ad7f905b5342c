"""What can be imported into `units`: the unit tree and the people of its units (engine in units.imports)."""

from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from units.imports.engine import Column, ImportSpec, Row
from units.models import Category, Kind, Level, Person, Unit, administered_unit_ids
from units.reorganisation.successor_import import FurtherSuccessors
from units.search.folding import with_folded

BATCH_SIZE = 1000

UPDATE_BATCH_SIZE = 200

QUERY_CHUNK = 2000  # keeps `code IN (...)` lists under every database's parameter limit


def administered_ids(user) -> set[int]:
    """Units the user may change: a superuser every unit, an administrator the subtrees they administer."""
    if user.is_superuser:
        return set(Unit.objects.values_list("pk", flat=True))
    return set(administered_unit_ids(user))


def in_chunks(queryset, lookup: str, values) -> list:
    """Records whose `lookup` is one of `values`, fetched a chunk of values per query."""
    values = list(values)
    found = []
    for start in range(0, len(values), QUERY_CHUNK):
        found.extend(queryset.filter(**{f"{lookup}__in": values[start : start + QUERY_CHUNK]}))
    return found


class UnitImport(ImportSpec):
    """Units matched by code; a parent may be an existing unit or a row anywhere in the file.

    An administrator creates and changes units only inside the subtrees they administer, and only a
    superuser may create a unit without a parent. The tree must stay a tree (no parent cycles).
    """

    title = gettext_lazy("đơn vị")
    success_url = "units:units"
    examples = (
        ("SNV-PTC", "Phòng Tổ chức, biên chế", "sub_unit", "Phòng, ban chuyên môn", "SNV", "01/01/2025", "", "", ""),
    )
    columns = (
        Column("code", gettext_lazy("Mã đơn vị, bắt buộc, duy nhất; dùng để nhận ra đơn vị khi nhập lại.")),
        Column("name", gettext_lazy("Tên đơn vị, bắt buộc.")),
        Column("level", gettext_lazy("Cấp, bắt buộc: mã hoặc tên, ví dụ “province” hoặc “Tỉnh”.")),
        Column("kind", gettext_lazy("Loại hình, bắt buộc: mã hoặc tên, ví dụ “Sở”.")),
        Column("parent_code", gettext_lazy("Mã đơn vị cấp trên: đơn vị đã có hoặc một dòng khác trong tệp.")),
        Column("valid_from", gettext_lazy("Hiệu lực từ ngày (dd/mm/yyyy), có thể để trống.")),
        Column("valid_to", gettext_lazy("Hiệu lực đến ngày (dd/mm/yyyy), có thể để trống.")),
        Column("successor_code", gettext_lazy("Mã đơn vị kế thừa khi sáp nhập, có thể để trống.")),
        Column(
            "further_successor_codes",
            gettext_lazy("Khi chia tách: mã các đơn vị kế thừa khác, cách nhau bởi dấu “;”; có thể bỏ cột này."),
            optional=True,
        ),
    )
    fields = ("name", "level", "kind", "valid_from", "valid_to")

    def load(self, rows: list[Row]) -> None:
        self.units = {unit.code: unit for unit in Unit.objects.all()}
        self.codes_by_pk = {unit.pk: code for code, unit in self.units.items()}
        self.file_codes = {row.cell("code") for row in rows}
        self.administered = administered_ids(self.user)
        self.further = FurtherSuccessors(self.units, self.codes_by_pk, self.file_codes)

    def clean(self, row: Row) -> None:
        row.values = {
            "code": row.text("code", required=True, max_length=40),
            "name": row.text("name", required=True, max_length=255),
            "level": row.choice("level", Level),
            "kind": row.choice("kind", Kind),
            "valid_from": row.date("valid_from"),
            "valid_to": row.date("valid_to"),
            "parent_code": self._reference(row, "parent_code"),
            "successor_code": self._reference(row, "successor_code"),
        }
        start, end = row.values["valid_from"], row.values["valid_to"]
        if start and end and end < start:
            row.error(_("Ngày hết hiệu lực (valid_to) phải sau ngày bắt đầu hiệu lực (valid_from)."))
        self.further.clean(row)
        row.instance = self.units.get(row.values["code"])
        self._check_scope(row)

    def _reference(self, row: Row, column: str) -> str:
        code = row.text(column)
        if code and code == row.text("code"):
            row.error(_("Cột “%(column)s”: đơn vị không thể trỏ tới chính nó.") % {"column": column})
        elif code and code not in self.units and code not in self.file_codes:
            row.error(
                _("Cột “%(column)s”: không có đơn vị mã “%(code)s” trong hệ thống hay trong tệp.")
                % {"column": column, "code": code}
            )
        return code

    def _current_parent_code(self, unit: Unit | None) -> str:
        return self.codes_by_pk.get(unit.parent_id, "") if unit else ""

    def _check_scope(self, row: Row) -> None:
        """Changed units must be administered; a new or moved unit must go under an administered parent."""
        unit, parent_code = row.instance, row.values["parent_code"]
        if unit is not None and unit.pk not in self.administered:
            row.error(_("Đơn vị “%(code)s” nằm ngoài phạm vi bạn quản trị.") % {"code": unit.code})
            return
        if unit is not None and parent_code == self._current_parent_code(unit):
            return
        parent = self.units.get(parent_code)
        if not parent_code and not self.user.is_superuser:
            row.error(_("Đơn vị phải có đơn vị cấp trên thuộc phạm vi bạn quản trị (cột parent_code)."))
        elif parent is not None and parent.pk not in self.administered:
            row.error(_("Đơn vị cấp trên “%(code)s” nằm ngoài phạm vi bạn quản trị.") % {"code": parent_code})

    def check(self, rows: list[Row]) -> None:
        """After the import every unit must still reach a root: no unit may end up below itself."""
        parents = {code: self._current_parent_code(unit) for code, unit in self.units.items()}
        parents.update({row.values["code"]: row.values["parent_code"] for row in rows if row.values["code"]})
        rows_by_code = {row.values["code"]: row for row in rows}
        settled: set[str] = set()
        for row in rows:
            trail: list[str] = []
            code = row.values["code"]
            while code and code not in settled and code not in trail:
                trail.append(code)
                code = parents.get(code, "")
            if code in trail:
                cycle = trail[trail.index(code) :]
                message = _("Vòng lặp đơn vị cấp trên: %(cycle)s.") % {"cycle": " → ".join([*cycle, code])}
                for member in cycle:
                    if member in rows_by_code and message not in rows_by_code[member].errors:
                        rows_by_code[member].error(message)
            settled.update(trail)
        self.further.check(rows)

    def is_unchanged(self, row: Row) -> bool:
        unit = row.instance
        return (
            all(getattr(unit, name) == row.values[name] for name in self.fields)
            and self._current_parent_code(unit) == row.values["parent_code"]
            and self.codes_by_pk.get(unit.successor_id, "") == row.values["successor_code"]
            and self.further.is_unchanged(row)
        )

    def write(self, rows: list[Row]) -> None:
        """New units parent-first (a child needs its parent's key), then changed units, then every moved path."""
        new_rows = [row for row in rows if row.instance is None]
        for wave in self._waves(new_rows):
            created = [self._apply(Unit(code=row.values["code"]), row) for row in wave]
            Unit.objects.bulk_create(created, batch_size=BATCH_SIZE)
            self.units.update((unit.code, unit) for unit in created)
        new_units = [self.units[row.values["code"]] for row in new_rows]
        late = [
            self._apply(unit, row)
            for unit, row in zip(new_units, new_rows, strict=True)
            if row.values["successor_code"] and not unit.successor_id
        ]
        Unit.objects.bulk_update(late, ["successor"], batch_size=UPDATE_BATCH_SIZE)
        updated = [row for row in rows if row.instance is not None]
        fields = self._changed_fields(updated)
        changed = [self._apply(row.instance, row) for row in updated]
        if changed and fields:  # a row may change only its further successors (written below)
            # Only the columns that differ somewhere: bulk_update's CASE per column grows with the batch.
            Unit.objects.bulk_update(changed, with_folded(Unit, changed, fields), batch_size=UPDATE_BATCH_SIZE)
        self._write_paths(self._repath())
        self.further.write(rows, self.units)

    def _waves(self, rows: list[Row]) -> list[list[Row]]:
        """New rows grouped so that every row's new parent is in an earlier group."""
        by_code = {row.values["code"]: row for row in rows}
        depth: dict[str, int] = {}

        def depth_of(code: str) -> int:
            if code not in depth:
                parent = by_code[code].values["parent_code"]
                depth[code] = depth_of(parent) + 1 if parent in by_code else 0
            return depth[code]

        waves: dict[int, list[Row]] = {}
        for code, row in by_code.items():
            waves.setdefault(depth_of(code), []).append(row)
        return [waves[level] for level in sorted(waves)]

    def _apply(self, unit: Unit, row: Row) -> Unit:
        """Copy the row onto the unit; a successor created later in this import is set afterwards."""
        for name in self.fields:
            setattr(unit, name, row.values[name])
        unit.parent_id = self.units[row.values["parent_code"]].pk if row.values["parent_code"] else None
        successor = self.units.get(row.values["successor_code"])
        unit.successor_id = successor.pk if successor else None
        return unit

    def _changed_fields(self, rows: list[Row]) -> list[str]:
        fields = {name for row in rows for name in self.fields if getattr(row.instance, name) != row.values[name]}
        if any(self._current_parent_code(row.instance) != row.values["parent_code"] for row in rows):
            fields.add("parent")
        if any(self.codes_by_pk.get(row.instance.successor_id, "") != row.values["successor_code"] for row in rows):
            fields.add("successor")
        return sorted(fields)

    @staticmethod
    def _write_paths(units: list[Unit]) -> None:
        """path = parent's path + own key: one UPDATE per depth, shallowest first, so each reads a final parent path."""
        by_depth: dict[int, list[int]] = {}
        for unit in units:
            by_depth.setdefault(unit.path.count("/"), []).append(unit.pk)
        parent_path = Subquery(Unit.objects.filter(pk=OuterRef("parent_id")).values("path")[:1])
        new_path = Concat(
            Coalesce(parent_path, Value("/")), Cast("pk", CharField()), Value("/"), output_field=CharField()
        )
        for depth in sorted(by_depth):
            ids = by_depth[depth]
            for start in range(0, len(ids), QUERY_CHUNK):
                Unit.objects.filter(pk__in=ids[start : start + QUERY_CHUNK]).update(path=new_path)

    def _repath(self) -> list[Unit]:
        """Recompute every materialised path top-down; return the units whose path changed."""
        children: dict[int | None, list[Unit]] = {}
        for unit in self.units.values():
            children.setdefault(unit.parent_id, []).append(unit)
        changed, stack = [], [(unit, "/") for unit in children.get(None, [])]
        while stack:
            unit, prefix = stack.pop()
            path = f"{prefix}{unit.pk}/"
            if unit.path != path:
                unit.path = path
                changed.append(unit)
            stack.extend((child, path) for child in children.get(unit.pk, []))
        return changed


class PersonImport(ImportSpec):
    """People matched by code, placed only in units the administrator administers; an e-mail belongs to one person."""

    title = gettext_lazy("cán bộ")
    success_url = "units:people"
    examples = (("CB-00001", "Nguyễn Thị Hương Trà", "SNV", "Chuyên viên", "Công chức", "tra.nth@example.gov.vn"),)
    columns = (
        Column("code", gettext_lazy("Mã cán bộ, bắt buộc, duy nhất; dùng để nhận ra người khi nhập lại.")),
        Column("full_name", gettext_lazy("Họ và tên, bắt buộc.")),
        Column("unit_code", gettext_lazy("Mã đơn vị công tác, bắt buộc; đơn vị phải có sẵn.")),
        Column("position", gettext_lazy("Chức vụ, có thể để trống.")),
        Column("category", gettext_lazy("Ngạch/loại, bắt buộc: mã hoặc tên, ví dụ “Công chức”.")),
        Column("email", gettext_lazy("E-mail, có thể để trống.")),
    )
    fields = ("full_name", "unit_id", "position", "category", "email")

    def load(self, rows: list[Row]) -> None:
        codes = {row.cell("code") for row in rows}
        unit_codes = {row.cell("unit_code") for row in rows}
        emails = {row.cell("email").lower() for row in rows} - {""}
        self.units = {unit.code: unit for unit in in_chunks(Unit.objects.only("pk", "code"), "code", unit_codes)}
        self.people = {person.code: person for person in in_chunks(Person.objects.all(), "code", codes)}
        people_by_email = Person.objects.annotate(email_lower=Lower("email")).values_list("email_lower", "code")
        self.email_owners = dict(in_chunks(people_by_email, "email_lower", emails))
        self.file_codes = codes
        self.administered = administered_ids(self.user)

    def clean(self, row: Row) -> None:
        row.values = {
            "code": row.text("code", required=True, max_length=40),
            "full_name": row.text("full_name", required=True, max_length=150),
            "unit_id": self._unit_id(row),
            "position": row.text("position", max_length=150),
            "category": row.choice("category", Category),
            "email": row.email("email"),
        }
        row.instance = self.people.get(row.values["code"])
        if row.instance is not None and row.instance.unit_id not in self.administered:
            row.error(_("Cán bộ “%(code)s” thuộc đơn vị ngoài phạm vi bạn quản trị.") % {"code": row.values["code"]})
        owner = self.email_owners.get(row.values["email"].lower())
        if owner and owner != row.values["code"] and owner not in self.file_codes:
            row.error(
                _("E-mail “%(email)s” đã được dùng cho cán bộ khác (mã %(code)s).")
                % {"email": row.values["email"], "code": owner}
            )

    def _unit_id(self, row: Row) -> int | None:
        code = row.text("unit_code", required=True)
        unit = self.units.get(code)
        if code and unit is None:
            row.error(_("Cột “unit_code”: không có đơn vị mã “%(code)s”.") % {"code": code})
        elif unit is not None and unit.pk not in self.administered:
            row.error(_("Đơn vị “%(code)s” nằm ngoài phạm vi bạn quản trị.") % {"code": code})
        return unit.pk if unit else None

    def check(self, rows: list[Row]) -> None:
        """Two rows of a file may not give the same e-mail."""
        first_seen: dict[str, int] = {}
        for row in rows:
            email = row.values["email"].lower()
            if email and email in first_seen:
                row.error(
                    _("E-mail “%(email)s” trùng với dòng %(row)d của tệp.")
                    % {"email": row.values["email"], "row": first_seen[email]}
                )
            first_seen.setdefault(email, row.number)

    def is_unchanged(self, row: Row) -> bool:
        return all(getattr(row.instance, name) == row.values[name] for name in self.fields)

    def write(self, rows: list[Row]) -> None:
        created, changed, changed_fields = [], [], set()
        for row in rows:
            person = row.instance or Person(code=row.values["code"])
            changed_fields.update(name for name in self.fields if getattr(person, name) != row.values[name])
            for name in self.fields:
                setattr(person, name, row.values[name])
            (changed if row.instance else created).append(person)
        Person.objects.bulk_create(created, batch_size=BATCH_SIZE)
        if changed:
            # Only the columns that differ somewhere: bulk_update's CASE per column grows with the batch.
            fields = with_folded(Person, changed, sorted(changed_fields))
            Person.objects.bulk_update(changed, fields, batch_size=UPDATE_BATCH_SIZE)


SPECS = {"units": UnitImport, "people": PersonImport}
