"""Which scored unit an observation counts for: the deepest scored unit at or above the observed unit (a department
answers for its divisions, a district for its communes unless they are scored themselves).

Resolved from the materialised paths in Python, never by matching every observation against every scored unit in
SQL: the whole period reads each unit's path once (`period_scope`); one bloc reads only its members' subtrees, and
one observed unit only its own ancestors (`owner_of_unit`), so their cost does not grow with the country.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Exists, IntegerField, OuterRef, Q, Value

from emulation.movements.models import BlocMembership, Period
from emulation.pledges.models import Pledge
from units.models import Unit


@dataclass
class Scope:
    """Scored units of the period (with their bloc) and, for each observed unit in reach, the unit it counts for."""

    scored: dict[int, int | None]
    owner: dict[int, int] = field(default_factory=dict)
    by_owner: dict[int, list[int]] = field(default_factory=dict)

    def observed_for(self, units) -> list[int]:
        """The units whose observations count for one of `units` (themselves included)."""
        if not self.by_owner:
            for pk, owner in self.owner.items():
                self.by_owner.setdefault(owner, []).append(pk)
        return sorted(pk for unit in units for pk in self.by_owner.get(unit, []))


def scored_unit_ids(period: Period, among=None) -> dict[int, int | None]:
    """Units scored in a period: the members of its blocs (with their bloc) and every unit that pledged
    (only those `among` the given ids, when given)."""
    pledges = Pledge.objects.filter(period=period)
    members = BlocMembership.objects.filter(period=period)
    if among is not None:
        pledges, members = pledges.filter(unit_id__in=among), members.filter(unit_id__in=among)
    pledged = pledges.order_by().values_list("unit_id", Value(None, output_field=IntegerField()))
    units: dict[int, int | None] = {}
    for unit_id, bloc_id in pledged.union(members.order_by().values_list("unit_id", "bloc_id"), all=True):
        if bloc_id is not None or unit_id not in units:
            units[unit_id] = bloc_id
    return units


def deepest_scored(path: str, scored) -> int | None:
    for part in reversed(path.strip("/").split("/")):
        if part and int(part) in scored:
            return int(part)
    return None


def period_scope(period: Period) -> Scope:
    """Every unit of the country with the scored unit it counts for (one read of the unit table)."""
    scope = Scope(scored=scored_unit_ids(period))
    for pk, path in Unit.objects.values_list("pk", "path").iterator(chunk_size=5000):
        owner = deepest_scored(path, scope.scored)
        if owner is not None:
            scope.owner[pk] = owner
    return scope


def subtree_scope(period: Period, roots: list[int], paths: list[str] | None = None) -> Scope:
    """The subtrees of a few scored units (one bloc), each observed unit with the scored unit it counts for
    (`paths`: the roots' paths, when the caller has them)."""
    if paths is None:
        paths = list(Unit.objects.filter(pk__in=roots).values_list("path", flat=True))
    if not paths:
        return Scope(scored={})
    units = list(
        Unit.objects.filter(reduce(or_, (Q(path__startswith=path) for path in paths))).values_list("pk", "path")
    )
    scope = Scope(scored=scored_unit_ids(period, among=[pk for pk, _path in units]))
    for pk, path in units:
        scope.owner[pk] = deepest_scored(path, scope.scored)
    return scope


def unit_scope(period: Period, owner: int, path: str) -> Scope:
    """The subtree of one scored unit (`path`, its own) in one query: each unit under it, and which are scored
    themselves (their observations then count for them, not for `owner`)."""
    pledged = Pledge.objects.filter(period=period, unit_id=OuterRef("pk"))
    member = BlocMembership.objects.filter(period=period, unit_id=OuterRef("pk"))
    rows = Unit.objects.filter(path__startswith=path).annotate(pledged=Exists(pledged), member=Exists(member))
    units = list(rows.order_by().values_list("pk", "path", "pledged", "member"))
    scope = Scope(scored={pk: None for pk, _path, pledged, member in units if pledged or member} | {owner: None})
    for pk, unit_path, _pledged, _member in units:
        scope.owner[pk] = deepest_scored(unit_path, scope.scored)
    return scope


def owner_of_unit(period: Period, unit_id: int) -> tuple[int, int | None, str] | None:
    """The scored unit an observation of `unit_id` counts for, with its bloc and its path (None when no scored unit
    is above it)."""
    path = Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()
    if path is None:
        return None
    ancestors = [int(part) for part in path.strip("/").split("/") if part]
    scored = scored_unit_ids(period, among=ancestors)
    owner = deepest_scored(path, scored)
    if owner is None:
        return None
    return owner, scored[owner], path[: path.index(f"/{owner}/") + len(f"/{owner}/")]
