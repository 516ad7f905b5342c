"""Benchmark: importing people through the import service, against a raw `bulk_create` floor from the same run.

    .venv/bin/python benchmarks/bench_import.py [--people 10000] [--repeat 3] [--max-ratio 6]

Runs on a throwaway test database (SQLite in memory, or a `test_…` PostgreSQL database when DATABASE_URL
points at PostgreSQL). Prints the best of `--repeat` timings for each case and its ratio to the floor; exits
with status 1 when a full import costs more than `--max-ratio` times the floor.
"""

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from units.imports.engine import preview_import, run_import  # noqa: E402
from units.imports.specs import PersonImport, UnitImport  # noqa: E402
from units.models import Category, Kind, Level, Person, Role, RoleAssignment, Unit, User  # noqa: E402

HEADER = ["code", "full_name", "unit_code", "position", "category", "email"]
UNIT_HEADER = ["code", "name", "level", "kind", "parent_code", "valid_from", "valid_to", "successor_code"]
CATEGORIES = ["Công chức", "vien_chuc", "Người lao động", "can_bo"]


class Rollback(Exception):
    pass


def build_province(departments: int) -> User:
    province = Unit.objects.create(
        code="T-DNO", name="Tỉnh Đắk Nông", level=Level.PROVINCE, kind=Kind.PEOPLES_COMMITTEE
    )
    for i in range(departments):
        Unit.objects.create(
            code=f"S{i:03d}", name=f"Sở số {i}", level=Level.DEPARTMENT, kind=Kind.DEPARTMENT, parent=province
        )
    admin = User.objects.create_user(email="admin@example.vn", password="x")
    RoleAssignment.objects.create(user=admin, role=Role.ADMINISTRATOR, unit=province)
    return admin


def people_rows(count: int, departments: int, *, suffix: str = "") -> list[list[str]]:
    return [
        [f"CB{i:06d}", f"Nguyễn Thị Hồng Nhung {i}{suffix}", f"S{i % departments:03d}", "Chuyên viên",
         CATEGORIES[i % len(CATEGORIES)], f"nguoi{i}@example.vn"]
        for i in range(count)
    ]  # fmt: skip


def unit_rows(count: int) -> list[list[str]]:
    """Districts under the province, each with communes listed before it (parents resolved inside the file)."""
    rows = []
    for d in range(count // 10):
        rows += [
            [f"X{d:04d}-{c}", f"Xã {c} huyện {d}", "Xã, phường", "Ủy ban nhân dân", f"H{d:04d}", "01/01/2025"]
            for c in range(9)
        ]
        rows.append([f"H{d:04d}", f"Huyện {d}", "district", "peoples_committee", "T-DNO", "01/01/2025"])
    return [[*row, "", ""] for row in rows]  # fmt: skip


def as_csv(rows, header=HEADER) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in [HEADER, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def best_time(action, repeat: int, *, keep: bool = False) -> float:
    """Fastest of `repeat` runs; each run is rolled back unless `keep`."""
    timings = []
    for _ in range(repeat):
        try:
            with transaction.atomic():
                start = time.perf_counter()
                action()
                timings.append(time.perf_counter() - start)
                if not keep:
                    raise Rollback
        except Rollback:
            pass
    return min(timings)


def raw_bulk_create(rows) -> None:
    """The floor: the same rows written with one `bulk_create`, no reading or checking."""
    units = dict(Unit.objects.values_list("code", "pk"))
    categories = {str(label): value for value, label in Category.choices} | {v: v for v in Category.values}
    people = [
        Person(code=code, full_name=name, unit_id=units[unit], position=position, category=categories[cat], email=mail)
        for code, name, unit, position, cat, mail in rows
    ]
    Person.objects.bulk_create(people, batch_size=1000)


def raw_unit_bulk_create(rows) -> None:
    """The floor for units: the same rows written with one `bulk_create`, no parents, paths or checks."""
    Unit.objects.bulk_create([Unit(code=row[0], name=row[1], level="commune", kind="department") for row in rows])


def checked_import(admin, content: bytes, expected: dict, spec=PersonImport) -> None:
    preview = run_import(spec=spec(user=admin), content=content)
    assert preview.is_valid and preview.counts == expected, (preview.counts, preview.invalid_rows[:3])


def measure_people(admin, n: int, departments: int, repeat: int) -> list[tuple[str, float]]:
    rows = people_rows(n, departments)
    content, xlsx = as_csv(rows), as_xlsx(rows)
    renamed = as_csv(people_rows(n, departments, suffix=" (mới)"))
    fresh = {"create": n, "update": 0, "unchanged": 0}
    best_time(lambda: raw_bulk_create(rows), 1)  # warm-up: the first write to a new database pays for its pages
    results = [
        ("floor: raw Person.objects.bulk_create", best_time(lambda: raw_bulk_create(rows), repeat)),
        (
            "import CSV, all new (parse+validate+write)",
            best_time(lambda: checked_import(admin, content, fresh), repeat),
        ),
        (
            "preview XLSX, all new (parse+validate)",
            best_time(lambda: preview_import(spec=PersonImport(user=admin), content=xlsx), repeat),
        ),
    ]
    best_time(lambda: checked_import(admin, content, fresh), 1, keep=True)
    same, changed = {"create": 0, "update": 0, "unchanged": n}, {"create": 0, "update": n, "unchanged": 0}
    results.append(
        ("re-import same CSV (writes nothing)", best_time(lambda: checked_import(admin, content, same), repeat))
    )
    results.append(
        ("import CSV, every name changed", best_time(lambda: checked_import(admin, renamed, changed), repeat))
    )
    return results


def measure_units(admin, count: int, repeat: int) -> list[tuple[str, float]]:
    rows = unit_rows(count)
    content, fresh = as_csv(rows, UNIT_HEADER), {"create": len(rows), "update": 0, "unchanged": 0}
    floor = best_time(lambda: raw_unit_bulk_create(rows), repeat)
    imported = best_time(lambda: checked_import(admin, content, fresh, UnitImport), repeat)
    return [("floor: raw Unit.objects.bulk_create", floor), ("import CSV of new units in a tree", imported)]


def report(title: str, results: list[tuple[str, float]]) -> float:
    """Print each figure against the first (the floor); return the first import's ratio."""
    floor = results[0][1]
    print(title)
    for name, seconds in results:
        print(f"  {name:<45} {seconds:7.3f} s   {seconds / floor:5.1f} × floor")
    return results[1][1] / floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--departments", type=int, default=50)
    parser.add_argument("--units", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-ratio", type=float, default=6.0)
    args = parser.parse_args()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        admin = build_province(args.departments)
        people = measure_people(admin, args.people, args.departments, args.repeat)
        units = measure_units(admin, args.units, args.repeat)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    vendor = connection.vendor
    ratio = report(f"{args.people} people, {vendor}, best of {args.repeat}", people)
    report(f"{args.units} units, {vendor}, best of {args.repeat}", units)
    print(f"people import / floor = {ratio:.1f} (allowed ≤ {args.max_ratio})")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
