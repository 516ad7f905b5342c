"""A bloc's ranks from its stored scores: when one unit's score changes, only that unit is scored again and its bloc
is ranked anew from what the other members' score rows already hold (totals and the tie-break figures), so the cost
is one unit's facts and one bloc's rows, whatever the size of the country.
"""

from decimal import Decimal
from typing import NamedTuple

from django.db.models import Count, Subquery

from emulation.movements.models import BlocMembership
from emulation.scoring.models import Score
from emulation.scoring.ranking import rank_results
from emulation.scoring.unit_scores import UnitScore


class Standing(NamedTuple):
    """What a stored score row gives the ranking of its bloc."""

    pk: int
    unit_id: int
    bloc_id: int | None
    frozen: bool
    criteria_points: Decimal
    deduction_points: Decimal
    bonus_points: Decimal
    upheld_violation_count: int
    insufficient_evidence: bool
    group_points: dict | None
    rank: int | None
    tie_broken_by: str


def lock_standings(period, units: list[int]) -> dict[int, Standing]:
    """Lock the score rows of `units` for this transaction and read what ranking them needs."""
    rows = Score.objects.select_for_update().filter(period=period, unit_id__in=units).order_by("unit_id")
    return {row[1]: Standing(*row) for row in rows.values_list(*Standing._fields)}


def lock_bloc(period, bloc_id: int) -> tuple[dict[int, Standing], int]:
    """Lock the score rows of the bloc's members for this transaction (one query); what ranking them needs, and how
    many members the bloc has (more than rows: some member has no score yet)."""
    members = BlocMembership.objects.filter(bloc_id=bloc_id)
    count = members.order_by().values("bloc_id").annotate(n=Count("pk")).values("n")
    rows = (
        Score.objects.select_for_update(of=("self",))
        .filter(period=period, unit_id__in=members.values("unit_id"))
        .annotate(members=Subquery(count))
        .order_by("unit_id")
    )
    found = list(rows.values_list(*Standing._fields, "members"))
    return {row[1]: Standing(*row[:-1]) for row in found}, found[0][-1] if found else 0


def complete(standings: dict[int, Standing], members: list[int], bloc_id: int) -> bool:
    """Every member has a score row written for this bloc by an engine that stores group points."""
    return all(
        unit in standings and standings[unit].bloc_id == bloc_id and standings[unit].group_points is not None
        for unit in members
    )


def _stored(row: Standing) -> UnitScore:
    return UnitScore(
        unit_id=row.unit_id,
        bloc_id=row.bloc_id,
        criteria_points=row.criteria_points,
        deduction_points=row.deduction_points,
        bonus_points=row.bonus_points,
        group_points={code: Decimal(points) for code, points in row.group_points.items()},
        upheld_violation_count=row.upheld_violation_count,
        insufficient_evidence=row.insufficient_evidence,
    )


def rerank(result: UnitScore, standings: dict[int, Standing], keys: list[str]) -> list[Score]:
    """Rank `result` (freshly scored) with the stored members of its bloc; the other members' rows whose rank or
    tie-break note changed, ready for `write_ranks`."""
    others = [_stored(row) for unit, row in standings.items() if unit != result.unit_id]
    rank_results([result, *others], keys)
    changed = []
    for other in others:
        row = standings[other.unit_id]
        if (other.rank, other.tie_broken_by) != (row.rank, row.tie_broken_by):
            changed.append(Score(pk=row.pk, rank=other.rank, tie_broken_by=other.tie_broken_by))
    return changed


def write_ranks(changed: list[Score]) -> None:
    if changed:
        Score.objects.bulk_update(changed, ["rank", "tie_broken_by"])
