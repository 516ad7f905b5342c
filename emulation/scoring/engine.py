"""The scoring engine's services: compute a period's scores set-wise, recompute one unit with its bloc, freeze and
unfreeze a period's scores.

Rules:
- A full computation reads each unit's path once (`scope.period_scope`), then scores the period a chunk of whole
  blocs at a time (about `CHUNK` units): each chunk reads its facts in a fixed number of queries (`facts`), scores
  its units in memory (`unit_scores`), ranks each bloc (`ranking`) and writes its scores in one upsert, in its own
  short transaction. Memory and lock time stay those of one chunk, whatever the number of units.
- One unit's recomputation reads only the observed unit's ancestors and the scored unit's own subtree and facts,
  then ranks its bloc anew from the other members' stored rows (`standings`): its cost depends neither on the size of
  the country nor on the bloc's observations. A bloc whose rows are missing or were written by an older engine is
  scored whole, once (`scope.subtree_scope` of its members).
- Neither loses the other's result: both lock the bloc's score rows while writing, and a chunk computed from facts
  read before a bloc's scores were last written (by a recomputation of one of its units) leaves that bloc as it is.
- Frozen scores are never overwritten: in a period whose scores are frozen the same computation writes only the live
  figure (`LiveScore`) of the units already scored, beside the snapshot, until the period is re-opened.
- Computing twice gives the same scores (safe for retried or duplicated background tasks).
"""

import contextlib
import datetime
import gc
import json

from django.db import connection, transaction
from django.utils import timezone

from emulation.movements.models import BlocMembership, Period, PeriodStatus
from emulation.schemes.models import ScoringScheme
from emulation.scoring.facts import load_facts, load_scheme
from emulation.scoring.models import LiveScore, Score
from emulation.scoring.ranking import rank_results
from emulation.scoring.scheme_cache import scheme_for, stamp_of
from emulation.scoring.scope import owner_of_unit, period_scope, subtree_scope, unit_scope
from emulation.scoring.standings import complete, lock_bloc, lock_standings, rerank, write_ranks
from emulation.scoring.unit_scores import UnitScore, score_unit
from units.audit.log import record_event
from units.audit.models import EventKind

CHUNK = 1000  # units scored together in a full computation (whole blocs): bounds memory and each write's locks
SMALL_WRITE = 50  # up to this many scores are written by one plain upsert (a COPY's temp table costs more)

WRITTEN_FIELDS = [
    "criteria_points",
    "deduction_points",
    "bonus_points",
    "total",
    "band",
    "band_capped",
    "bars_bloc_lead",
    "bloc",
    "rank",
    "tie_broken_by",
    "insufficient_evidence",
    "inspection_count",
    "upheld_violation_count",
    "computed_at",
    "group_points",
    "breakdown",
]


def compute_period(*, period: Period) -> int:
    """Score every unit of the period (bloc members and units that pledged); drop scores of units no longer in it."""
    live_only = is_frozen(period)
    scheme = load_scheme(period)
    scope = period_scope(period)
    if not live_only:
        with transaction.atomic():
            Score.objects.filter(period=period).exclude(unit_id__in=list(scope.scored)).delete()
    if scheme is None:
        return 0
    count = 0
    with cycles_uncollected():
        for units in chunks(scope.scored):
            stamp = timezone.now()
            results = _score(period, scheme, load_facts(period, scheme, units, scope))
            count += _write_live(period, results) if live_only else _write_chunk(period, results, stamp)
            del results
    return count


@contextlib.contextmanager
def cycles_uncollected():
    """Python's cycle collector paused: a chunk allocates hundreds of thousands of small lists, dicts and decimals
    (none of them in a cycle, freed as soon as the chunk is written), and each collection would walk them all again
    (a third of the scoring time). Restored afterwards, as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@transaction.atomic
def recompute_unit(*, period: Period, unit_id: int) -> int:
    """Score again the scored unit at or above `unit_id` and rank its bloc anew. Only that unit's facts are read:
    the other members' totals and tie-break figures come from their stored rows (`standings`), the scheme from the
    process's cache while its revision stands (`scheme_cache`); the whole bloc is scored only when some member has
    no usable stored row yet."""
    found = owner_of_unit(period, unit_id)
    if found is None:
        return 0
    owner, bloc_id, path = found
    scheme = scheme_for(period, _share_lock_reading_scheme(period))
    if bloc_id is None:
        standings, size = lock_standings(period, [owner]), 1
    else:
        standings, size = lock_bloc(period, bloc_id)
    if scheme is None:
        return 0
    stamp = timezone.now()
    live_only = any(row.frozen for row in standings.values()) or (not standings and is_frozen(period))
    stored = owner in standings and size == len(standings) and complete(standings, list(standings), bloc_id)
    if bloc_id is None or live_only or stored:
        result = _score(period, scheme, load_facts(period, scheme, {owner: bloc_id}, unit_scope(period, owner, path)))
        if live_only:
            return _write_live(period, result)
        changed = rerank(result[0], standings, list(scheme.tie_break_keys or []))
        _write(period, result, stamp)
        write_ranks(changed)
        return 1
    members = list(BlocMembership.objects.filter(bloc_id=bloc_id).values_list("unit_id", flat=True))
    units = dict.fromkeys(members, bloc_id)
    results = _score(period, scheme, load_facts(period, scheme, units, subtree_scope(period, members)))
    _write(period, results, stamp)
    return len(results)


def chunks(scored: dict[int, int | None]):
    """The scored units in groups of whole blocs (units outside any bloc alone), about `CHUNK` units each."""
    blocs: dict[int | None, list[int]] = {}
    for unit_id, bloc_id in sorted(scored.items(), key=lambda item: (item[1] is None, item[1] or 0, item[0])):
        blocs.setdefault(bloc_id, []).append(unit_id)
    groups = [(bloc_id, members) for bloc_id, members in blocs.items() if bloc_id is not None]
    loose = blocs.get(None, [])
    groups += [(None, loose[i : i + CHUNK]) for i in range(0, len(loose), CHUNK)]
    current: dict[int, int | None] = {}
    for bloc_id, members in groups:
        current.update(dict.fromkeys(members, bloc_id))
        if len(current) >= CHUNK:
            yield current
            current = {}
    if current:
        yield current


def periods_containing(day: datetime.date):
    """Periods not finalized whose dates contain the day: an observation on that day may change their scores."""
    return Period.objects.open().filter(starts_on__lte=day, ends_on__gte=day)


@transaction.atomic
def freeze_scores(*, period: Period) -> int:
    """The review step: compute the scores one last time, then freeze them as the period's snapshot."""
    _lock_period(period)
    compute_period(period=period)
    LiveScore.objects.filter(period=period).delete()
    frozen = Score.objects.filter(period=period, frozen=False).update(frozen=True, frozen_at=timezone.now())
    if frozen:
        record_event(kind=EventKind.PERIOD_FROZEN, obj=period, data={"status": period.status, "scores": frozen})
    return frozen


@transaction.atomic
def unfreeze_scores(*, period: Period) -> int:
    """A recorded re-opening lets the engine recompute the period again, starting at once."""
    _lock_period(period)
    count = Score.objects.filter(period=period, frozen=True).update(frozen=False, frozen_at=None)
    LiveScore.objects.filter(period=period).delete()
    compute_period(period=period)
    return count


def freezes_at(status: str) -> bool:
    """Scores are frozen when the period enters review, and again at finalizing if a re-opening unfroze them."""
    return status in {PeriodStatus.REVIEW, PeriodStatus.FINALIZED}


def is_frozen(period: Period) -> bool:
    return Score.objects.filter(period=period, frozen=True).exists()


def _lock_period(period: Period) -> None:
    """Freezing and unfreezing lock the period row exclusively: no score is written meanwhile."""
    Period.objects.select_for_update().filter(pk=period.pk).values_list("pk", flat=True).first()


def _share_lock(period: Period) -> None:
    """Writers of scores share the period row's lock: they never wait for each other, only for a freeze."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {Period._meta.db_table} WHERE id = %s FOR SHARE", [period.pk])


def _share_lock_reading_scheme(period: Period) -> tuple[int, object] | None:
    """`_share_lock`, reading in the same query the (id, revision) stamp of the period's scheme (None: no scheme)."""
    if connection.vendor != "postgresql":
        return stamp_of(period)
    schemes = ScoringScheme._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.id, s.revision FROM {Period._meta.db_table} p LEFT JOIN {schemes} s ON s.period_id = p.id "
            "WHERE p.id = %s FOR SHARE OF p",
            [period.pk],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row and row[0] is not None else None


def _share_period(period: Period, units: list[int]) -> bool:
    """Take the writers' shared lock; write only while the period's scores are not frozen (read on the rows of
    `units`: a freeze freezes them all)."""
    _share_lock(period)
    frozen = dict(Score.objects.filter(period=period, unit_id__in=units).order_by().values_list("frozen", "unit_id"))
    return not frozen.get(True) and (bool(frozen) or not is_frozen(period))


def _lock_scores(period: Period, units) -> dict[int, datetime.datetime]:
    """Lock the score rows of `units` for this transaction; when each was last written."""
    rows = Score.objects.select_for_update().filter(period=period, unit_id__in=list(units)).order_by()
    return dict(rows.values_list("unit_id", "computed_at"))


def _score(period: Period, scheme, facts) -> list[UnitScore]:
    results = [score_unit(facts, unit_id) for unit_id in facts.unit_ids]
    rank_results(results, list(scheme.tie_break_keys or []))
    return results


@transaction.atomic
def _write_chunk(period: Period, results: list[UnitScore], stamp: datetime.datetime) -> int:
    """Write a chunk's scores, except the blocs written since `stamp` (their newer scores stand)."""
    if not _share_period(period, [result.unit_id for result in results]):
        return 0
    written = _lock_scores(period, [result.unit_id for result in results])
    stale = {result.bloc_id or -result.unit_id for result in results if written.get(result.unit_id, stamp) > stamp}
    results = [result for result in results if (result.bloc_id or -result.unit_id) not in stale]
    _write(period, results, stamp)
    return len(results)


def _write(period: Period, results: list[UnitScore], stamp: datetime.datetime) -> None:
    """One upsert of the scores: on PostgreSQL, beyond a few rows, through COPY into a temporary table (no giant
    statement to build and parse); otherwise through `bulk_create`."""
    if connection.vendor == "postgresql" and len(results) > SMALL_WRITE:
        _copy_upsert(period, results, stamp)
        return
    scores = [Score(unit_id=row[0], period=period, **dict(zip(WRITTEN_COLUMNS[2:], row[2:], strict=True)))
              for row in _rows(period, results, stamp, encode=False)]  # fmt: skip
    Score.objects.bulk_create(
        scores, update_conflicts=True, unique_fields=["unit", "period"], update_fields=WRITTEN_FIELDS
    )


WRITTEN_COLUMNS = [
    "unit_id",
    "period_id",
    *(name + "_id" if name in {"band", "bloc"} else name for name in WRITTEN_FIELDS),
]


def _rows(period: Period, results: list[UnitScore], stamp: datetime.datetime, *, encode: bool):
    for r in results:
        breakdown = [line.as_json() for line in r.lines]
        groups = {code: str(points) for code, points in r.group_points.items()}
        yield (r.unit_id, period.pk, r.criteria_points, r.deduction_points, r.bonus_points, r.total,
               r.band.pk if r.band else None, r.band_capped, r.bars_bloc_lead, r.bloc_id, r.rank, r.tie_broken_by,
               r.insufficient_evidence, r.inspection_count, r.upheld_violation_count, stamp,
               json.dumps(groups) if encode else groups,
               json.dumps(breakdown, ensure_ascii=False) if encode else breakdown)  # fmt: skip


def _copy_upsert(period: Period, results: list[UnitScore], stamp: datetime.datetime) -> None:
    table, columns = Score._meta.db_table, ", ".join(WRITTEN_COLUMNS)
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in WRITTEN_COLUMNS[2:])
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS score_upsert AS SELECT {columns} FROM {table} WITH NO DATA")
        cursor.execute("TRUNCATE score_upsert")
        with cursor.cursor.copy(f"COPY score_upsert ({columns}) FROM STDIN") as copy:
            for row in _rows(period, results, stamp, encode=True):
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({columns}, frozen) SELECT {columns}, false FROM score_upsert "
            f"ON CONFLICT (unit_id, period_id) DO UPDATE SET {updates}"
        )


def _write_live(period: Period, results: list[UnitScore]) -> int:
    """The live figures of the units the frozen snapshot holds, in one upsert."""
    frozen = set(
        Score.objects.filter(period=period, unit_id__in=[r.unit_id for r in results]).values_list("unit_id", flat=True)
    )
    now = timezone.now()
    rows = [
        LiveScore(unit_id=r.unit_id, period=period, total=r.total, computed_at=now)
        for r in results
        if r.unit_id in frozen
    ]
    LiveScore.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["unit", "period"], update_fields=["total", "computed_at"]
    )
    return len(rows)
