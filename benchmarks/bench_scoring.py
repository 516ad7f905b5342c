"""Benchmark: scoring at national scale — the app's full recompute and its one-unit recompute, against SQL floors.

    .venv/bin/python benchmarks/bench_scoring.py [--units 10000] [--repeat 3] [--max-ratio 2]
        [--max-memory-mb 300] [--max-incremental-ms 50] [--seed 2026] [--build-only] [--reuse] [--only WHAT]

Builds the national dataset (`national.build_national`) in a throwaway test database (SQLite in memory, or
`test_thidua_bench_national` on PostgreSQL when DATABASE_URL points at it), then measures, interleaved `--repeat`
times (best kept, each run rolled back):
- the nightly job's work for the period: the app's full recompute + ranking, against `scoring_floor.floor_scores`
  (the same per-unit totals and in-bloc ranks computed in SQL into a temp table);
- one violation upheld: the app's recompute of that unit and its bloc, against the same SQL for one bloc.
- (PostgreSQL) updates during a full recompute: the full recompute in another process, committed, while this one
  upholds one violation after another and times its update — the longest is how long the full run blocked one.
Before timing, the app's scores and the floor's are compared unit by unit (they must agree, or the floor proves
nothing). Peak memory is the process's peak RSS (VmHWM from /proc/self/status, reset after the build through
/proc/self/clear_refs so the build does not count; ru_maxrss since start where that is not possible).

With `--reuse` (PostgreSQL) the database is kept after the run and the next run with the same `--units` and `--seed`
uses it again, migrated, instead of building it anew (every measurement is rolled back, so the observations stay
those built; the period's scores are the last run's, as the nightly job finds them). `--only full` or
`--only incremental` measures one of the two.

Exit status: 0 when every goal is met, 1 when a goal is missed, 2 when the floor disagrees with the app.
"""

import argparse
import contextlib
import ctypes
import gc
import os
import resource
import subprocess
import sys
import time
from decimal import Decimal
from functools import partial
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.national import TEST_DATABASE, build_national, report_build, throwaway_database  # noqa: E402
from benchmarks.scoring_floor import floor_scores  # noqa: E402
from emulation.models import BlocMembership, Period, Score  # noqa: E402
from evaluations.models import Violation, ViolationStatus  # noqa: E402


def app_scoring():
    """The app's scoring entry points — the one place to repoint when emulation's modules move:
    (full recompute + ranking of a period by id, as the nightly job runs it per open period;
    recompute of one unit and its bloc after an observation of the unit on a day, as the upheld-violation signal does).
    """
    from emulation.scoring.tasks import recompute_period, recompute_unit_on

    return recompute_period, recompute_unit_on


FULL_TASK = ("emulation.scoring.tasks", "recompute_period")  # what `app_scoring` runs, importable in a new process


class Rollback(Exception):
    pass


def timed(action, prepare=None, check=None) -> float:
    """Seconds `action` takes inside a transaction that is rolled back (after `prepare`, before `check`)."""
    elapsed = 0.0
    try:
        with transaction.atomic():
            if prepare:
                prepare()
            start = time.perf_counter()
            action()
            elapsed = time.perf_counter() - start
            if check:
                check()
            raise Rollback
    except Rollback:
        pass
    return elapsed


FIELDS = [
    "criteria",
    "deductions",
    "bonus",
    "total",
    "band",
    "insufficient",
    "upheld violations",
    "inspections",
    "rank",
]


def app_rows(period: Period, units=None) -> dict[int, tuple]:
    scores = Score.objects.filter(period=period)
    if units is not None:
        scores = scores.filter(unit_id__in=units)
    columns = ["unit_id", "criteria_points", "deduction_points", "bonus_points", "total", "band_id",
               "insufficient_evidence", "upheld_violation_count", "inspection_count", "rank"]  # fmt: skip
    return {row[0]: _normal(row[1:]) for row in scores.values_list(*columns)}


def floor_rows() -> dict[int, tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT unit_id, criteria, deductions, bonus, total, band_id, insufficient, nviol, ninsp, rnk "
                       "FROM floor_result")  # fmt: skip
        return {row[0]: _normal(row[1:]) for row in cursor.fetchall()}


def _normal(row) -> tuple:
    """Points as cents (SQLite returns floats), flags as booleans, counts and ids as ints."""
    points = tuple(Decimal(str(round(float(v), 2))).quantize(Decimal("0.01")) for v in row[:4])
    band, insufficient, violations, inspections, rank = row[4:]
    return (*points, band, bool(insufficient), int(violations), int(inspections), None if rank is None else int(rank))


def compare(app: dict[int, tuple], floor: dict[int, tuple], label: str) -> bool:
    same = [unit for unit in app if floor.get(unit) == app[unit]]
    ok = len(same) == len(app) == len(floor) and len(app) > 0
    print(f"agreement ({label}): {len(same)}/{len(app)} units identical in {', '.join(FIELDS)}"
          f" (floor rows: {len(floor)}) — {'OK' if ok else 'MISMATCH'}")  # fmt: skip
    for unit in [u for u in sorted(set(app) | set(floor)) if app.get(u) != floor.get(u)][:5]:
        print(f"  unit {unit}: app {app.get(unit)}\n  {' ' * len(str(unit))}     floor {floor.get(unit)}")
    return ok


def analyze() -> None:
    """Planner statistics for the fresh tables, as a live database has them (autovacuum would gather them at some
    moment during the run, and each query's plan would depend on when)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def reset_peak() -> float | None:
    """Give freed memory back and restart the peak-RSS count here; the resident size then (MB), or None when the
    kernel does not allow the reset (the peak then includes the build)."""
    gc.collect()
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status_mb("VmRSS:")
    except (OSError, ValueError):
        return None


def peak_mb() -> float:
    return _status_mb("VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status_mb(key: str) -> float | None:
    with contextlib.suppress(OSError, StopIteration):
        lines = Path("/proc/self/status").read_text().splitlines()
        return int(next(line for line in lines if line.startswith(key)).split()[1]) / 1024
    return None


def measure_full(period: Period, repeat: int) -> tuple[float, float, bool]:
    """Best app and floor times for the whole period, interleaved; the app's scores exist already (kept from the
    agreement run), as they do when the nightly job runs."""
    full, _unit = app_scoring()
    with transaction.atomic():
        full(period.pk)
        floor_scores(period)
        agreed = compare(app_rows(period), floor_rows(), "full recompute, every scored unit")
    apps, floors = [], []
    for run in range(repeat):
        pair = [(floors, lambda: floor_scores(period)), (apps, lambda: full(period.pk))]
        for times, action in pair[:: 1 if run % 2 == 0 else -1]:
            times.append(timed(action))
    return min(apps), min(floors), agreed


def candidates(period: Period, count: int) -> list[tuple[Violation, int]]:
    """Recorded violations of the period on bloc members themselves, spread over the dataset, with their bloc."""
    blocs = dict(BlocMembership.objects.filter(period=period).values_list("unit_id", "bloc_id"))
    recorded = Violation.objects.filter(status=ViolationStatus.RECORDED, unit_id__in=list(blocs))
    recorded = list(
        recorded.between(period.starts_on, period.ends_on).order_by("pk").only("pk", "unit_id", "occurred_at")
    )
    step = max(1, len(recorded) // max(1, count))
    return [(violation, blocs[violation.unit_id]) for violation in recorded[::step][:count]]


def measure_incremental(period: Period, repeat: int) -> tuple[float, float, bool, list[int]]:
    """One violation upheld → the app recomputes its unit and the unit's bloc; the floor scores that bloc."""
    full, recompute = app_scoring()
    if not Score.objects.filter(period=period).exists():  # as the nightly job leaves them (`--only incremental`)
        full(period.pk)
    apps, floors, checks, sizes = [], [], [], []
    for run, (violation, bloc_id) in enumerate(candidates(period, repeat)):
        members = list(BlocMembership.objects.filter(bloc_id=bloc_id).values_list("unit_id", flat=True))
        sizes.append(len(members))
        uphold = partial(_uphold, violation.pk)
        app_action = partial(recompute, violation.unit_id, timezone.localdate(violation.occurred_at).isoformat())
        floor_action = partial(floor_scores, period, bloc_id=bloc_id)
        check = partial(_check_bloc, period, bloc_id, members, checks) if run == 0 else None
        pair = [(apps, app_action, check), (floors, floor_action, None)]
        for times, action, after in pair[:: 1 if run % 2 == 0 else -1]:
            times.append(timed(action, prepare=uphold, check=after))
    return min(apps), min(floors), bool(checks) and all(checks), sizes


def measure_during_full(period: Period) -> tuple[list[float], float] | None:
    """While the full recompute runs (committed, in another process on its own connection, as the nightly worker
    runs it), one violation upheld after another and its update run here (each rolled back): how long each update
    took — the longest is how long the full run blocked one — and how long the full run took. PostgreSQL only (an
    in-memory SQLite database is not shared between processes): None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    full, recompute = app_scoring()
    if not Score.objects.filter(period=period).exists():
        full(period.pk)
    settings = connection.settings_dict
    login = settings["USER"] + (f":{settings['PASSWORD']}" if settings.get("PASSWORD") else "")
    url = f"postgres://{login}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    code = f"import django; django.setup(); from {FULL_TASK[0]} import {FULL_TASK[1]}; {FULL_TASK[1]}({period.pk})"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings_test", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    nightly = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT)
    updates = []
    for violation, _bloc in cycle(candidates(period, 500)):
        if nightly.poll() is not None:
            break
        day = timezone.localdate(violation.occurred_at).isoformat()
        updates.append(timed(partial(recompute, violation.unit_id, day), prepare=partial(_uphold, violation.pk)))
    if nightly.wait() != 0:
        raise RuntimeError("the full recompute failed in its process")
    return updates, time.perf_counter() - start


def _uphold(violation_id: int) -> None:
    Violation.objects.filter(pk=violation_id).update(status=ViolationStatus.UPHELD)


def _check_bloc(period: Period, bloc_id: int, members: list[int], checks: list[bool]) -> None:
    floor_scores(period, bloc_id=bloc_id)
    checks.append(compare(app_rows(period, members), floor_rows(), f"one bloc after the uphold, {len(members)} units"))


def report(args, full, incremental, during, baseline: float | None, memory: float) -> int:
    """Print the figures (a part skipped by `--only` is left out, its goal counted as met)."""
    app, floor, full_agreed = full or (0.0, 1.0, True)
    app_one, floor_one, one_agreed, sizes = incremental or (0.0, 1.0, True, [])
    ratio, ms = app / floor, app_one * 1000
    blocked = max(during[0]) * 1000 if during and during[0] else 0.0
    if full:
        print(f"full recompute + ranking of the period ({connection.vendor}, best of {args.repeat}, interleaved)")
        print(f"  floor: one SQL statement into temp table floor_result {floor:9.3f} s")
        print(f"  app: emulation.scoring.tasks.recompute_period                 {app:9.3f} s  {ratio:6.1f} × floor"
              f"  (goal ≤ {args.max_ratio:g} ×)")  # fmt: skip
    if incremental:
        print(f"incremental: one violation upheld → its unit and its bloc ({min(sizes)}–{max(sizes)} units), "
              f"best of {len(sizes)}")  # fmt: skip
        print(f"  floor: the same SQL for that bloc                     {floor_one * 1000:9.1f} ms")
        print(f"  app: emulation.scoring.tasks.recompute_unit_on                {ms:9.1f} ms"
              f" {app_one / floor_one:6.1f} × floor  (goal ≤ {args.max_incremental_ms:g} ms)")  # fmt: skip
    if during:
        updates, took = during
        median = sorted(updates)[len(updates) // 2] * 1000 if updates else 0.0
        print(f"incremental updates during a full recompute ({took:.1f} s, in another process): {len(updates)} "
              f"updates, median {median:.0f} ms, longest {blocked:.0f} ms"
              f"  (goal ≤ {args.max_blocked_ms:g} ms)")  # fmt: skip
    source = (f"VmHWM of this process, reset after the build at {baseline:.0f} MB resident" if baseline is not None
              else "ru_maxrss of this process since start, build included")  # fmt: skip
    print(f"peak memory while scoring: {memory:.0f} MB ({source}; goal ≤ {args.max_memory_mb:g} MB)")
    missed = [name for name, bad in [
        (f"full recompute {ratio:.1f} × floor > {args.max_ratio:g}", ratio > args.max_ratio),
        (f"incremental {ms:.0f} ms > {args.max_incremental_ms:g} ms", ms > args.max_incremental_ms),
        (f"peak memory {memory:.0f} MB > {args.max_memory_mb:g} MB", memory > args.max_memory_mb),
        (f"an update blocked {blocked:.0f} ms by the full recompute > {args.max_blocked_ms:g} ms",
         blocked > args.max_blocked_ms),
    ] if bad]  # fmt: skip
    print("goals: " + ("all met" if not missed else "MISSED — " + "; ".join(missed)))
    if not (full_agreed and one_agreed):
        print("the SQL floor disagrees with the app: its figures prove nothing (exit 2)")
        return 2
    return 1 if missed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000, help="scored units (300 for CI)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-ratio", type=float, default=2.0, help="full recompute ÷ floor")
    parser.add_argument("--max-memory-mb", type=float, default=300.0)
    parser.add_argument("--max-incremental-ms", type=float, default=50.0)
    parser.add_argument("--build-only", action="store_true", help="time the dataset builder alone")
    parser.add_argument("--reuse", action="store_true", help="keep the dataset and use it again (PostgreSQL)")
    parser.add_argument("--max-blocked-ms", type=float, default=1000.0, help="an update during a full recompute")
    parser.add_argument("--only", choices=["full", "incremental", "during"], help="measure only this part")
    args = parser.parse_args()
    with dataset(args) as period:
        if args.build_only:
            return 0
        analyze()
        baseline = reset_peak()
        full = measure_full(period, args.repeat) if args.only in {None, "full"} else None
        incremental = measure_incremental(period, args.repeat) if args.only in {None, "incremental"} else None
        during = measure_during_full(period) if args.only in {None, "during"} else None
        memory = peak_mb()
    return report(args, full, incremental, during, baseline, memory)


MARKER = "bench_scoring_dataset"  # in a kept database: which --units and --seed built it, and its period


@contextlib.contextmanager
def dataset(args):
    """The national dataset's period: built in a throwaway database, or (`--reuse`, PostgreSQL) in a kept one, used
    again while `--units` and `--seed` match."""
    if not args.reuse or connection.vendor != "postgresql":
        with throwaway_database():
            national = build_national(units=args.units, seed=args.seed)
            report_build(national)
            period = national.period
            del national
            yield period
        return
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = TEST_DATABASE
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)  # migrated, data kept
    wanted = f"{args.units}:{args.seed}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER} (label text, period_id bigint)")
        cursor.execute(f"SELECT label, period_id FROM {MARKER}")
        row = cursor.fetchone()
    if row and row[0] == wanted and not args.build_only:
        print(f"national dataset reused ({TEST_DATABASE}: {args.units} units, seed {args.seed})")
        yield Period.objects.get(pk=row[1])
        return
    connection.creation.destroy_test_db(old_name, verbosity=0)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    national = build_national(units=args.units, seed=args.seed)
    report_build(national)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER} (label text, period_id bigint)")
        cursor.execute(f"INSERT INTO {MARKER} VALUES (%s, %s)", [wanted, national.period.pk])
    yield national.period


if __name__ == "__main__":
    sys.exit(main())
