"""The national unit tree and the movement around it: provinces → scored departments and communes (a few public-service
units, scored themselves, under a department) → unscored divisions and sub-units; one movement, one period in
progress, and blocs of about 33 scored units each (departments in "khối", communes in "cụm").

Unit ids are chosen here (after the highest existing id) so each row's materialised path is written in the same
bulk insert; the primary-key sequence is moved past them afterwards.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone

from emulation.models import Bloc, BlocKind, BlocMembership, Movement, Period, PeriodStatus
from units.models import Kind, Level, Unit

BATCH = 2000
BLOC_SIZE = 33
UNITS_PER_PROVINCE = 295  # 34 provinces at 10,000 scored units
CHILDREN = 2  # unscored divisions / sub-units under each scored department or commune
PUBLIC_SERVICE_EVERY = 20  # every 20th scored unit is a public-service unit under the department before it


@dataclass
class Tree:
    """What the observation builders need: scored units (with their unscored children) and their blocs."""

    scored: list[int] = field(default_factory=list)
    children: dict[int, list[int]] = field(default_factory=dict)
    bloc_of: dict[int, int] = field(default_factory=dict)
    unit_count: int = 0


def build_tree(units: int, year: int) -> tuple[Period, Tree]:
    period = _period(year)
    tree = Tree()
    rows: list[Unit] = []
    next_id = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    provinces = max(1, math.ceil(units / UNITS_PER_PROVINCE))
    blocs: list[tuple[str, str, list[int]]] = []
    for p in range(provinces):
        count = units // provinces + (1 if p < units % provinces else 0)
        next_id, khoi, cum = _province(p, count, next_id, rows, tree)
        blocs += _split(f"Khối sở, ngành — tỉnh {p + 1:02d}", BlocKind.KHOI, khoi)
        blocs += _split(f"Cụm xã, phường — tỉnh {p + 1:02d}", BlocKind.CUM, cum)
    Unit.objects.bulk_create(rows, batch_size=BATCH)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Unit]):
            cursor.execute(sql)
    tree.unit_count = len(rows)
    _blocs(period, blocs, tree)
    return period, tree


def _period(year: int) -> Period:
    movement = Movement.objects.create(
        code=f"QG-VHCS-{year}", name="Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở (toàn quốc)",
        launching_document="QĐ 733/QĐ-TTg", start_year=year,
    )  # fmt: skip
    return Period.objects.create(
        movement=movement, name=f"Năm {year}", starts_on=datetime.date(year, 1, 1), ends_on=datetime.date(year, 12, 31),
        registration_deadline=timezone.make_aware(datetime.datetime(year, 3, 15, 17)), status=PeriodStatus.IN_PROGRESS,
    )  # fmt: skip


def _province(p: int, count: int, next_id: int, rows: list[Unit], tree: Tree) -> tuple[int, list[int], list[int]]:
    """One province's rows; returns the next free id and its scored departments (with public-service units) and
    communes."""
    province = _unit(next_id, f"QG-{p + 1:02d}", f"Tỉnh số {p + 1:02d}", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, None)
    rows.append(province)
    next_id += 1
    khoi, cum, department = [], [], province
    for i in range(count):
        code = f"QG-{p + 1:02d}-{i:04d}"
        if i % PUBLIC_SERVICE_EVERY == PUBLIC_SERVICE_EVERY - 1 and department is not province:
            unit = _unit(next_id, code, f"Trung tâm {i} thuộc {department.name}", Level.SUB_UNIT, Kind.PUBLIC_SERVICE,
                         department)  # fmt: skip
            khoi.append(unit.pk)
        elif i % 5 < 2:
            unit = department = _unit(next_id, code, f"Sở số {i}", Level.DEPARTMENT, Kind.DEPARTMENT, province)
            khoi.append(unit.pk)
        else:
            unit = _unit(next_id, code, f"Xã số {i}", Level.COMMUNE, Kind.PEOPLES_COMMITTEE, province)
            cum.append(unit.pk)
        rows.append(unit)
        tree.scored.append(unit.pk)
        next_id += 1
        if unit.level == Level.SUB_UNIT:
            continue
        kids = [_unit(next_id + k, f"{code}-{k}", f"Phòng {k} — {unit.name}", Level.SUB_UNIT, Kind.DIVISION, unit)
                for k in range(CHILDREN)]  # fmt: skip
        rows += kids
        tree.children[unit.pk] = [kid.pk for kid in kids]
        next_id += CHILDREN
    return next_id, khoi, cum


def _unit(pk: int, code: str, name: str, level: str, kind: str, parent: Unit | None) -> Unit:
    path = f"{parent.path if parent else '/'}{pk}/"
    return Unit(pk=pk, code=code, name=name, level=level, kind=kind, parent=parent, path=path)


def _split(name: str, kind: str, members: list[int]) -> list[tuple[str, str, list[int]]]:
    """Members split evenly into blocs of about BLOC_SIZE."""
    if not members:
        return []
    count = max(1, round(len(members) / BLOC_SIZE))
    return [(f"{name} — số {k + 1}", kind, members[k::count]) for k in range(count)]


def _blocs(period: Period, specs: list[tuple[str, str, list[int]]], tree: Tree) -> None:
    blocs = Bloc.objects.bulk_create(
        [Bloc(period=period, name=name, kind=kind, leader_id=members[0]) for name, kind, members in specs],
        batch_size=BATCH,
    )
    memberships = []
    for bloc, (_name, _kind, members) in zip(blocs, specs, strict=True):
        for unit_id in members:
            tree.bloc_of[unit_id] = bloc.pk
            memberships.append(BlocMembership(bloc=bloc, unit_id=unit_id, period=period))
    BlocMembership.objects.bulk_create(memberships, batch_size=BATCH)
