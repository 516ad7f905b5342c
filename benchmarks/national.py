"""A deterministic national dataset for scoring benchmarks: `build_national(units=N, seed=...)`.

    .venv/bin/python benchmarks/national.py [--units 10000] [--seed 2026] [--fingerprint]

N scored units (departments, communes, a few public-service units) in about N/295 provinces, two unscored divisions
under each department and commune, one movement with one period in progress, a scheme using every scoring feature
(`national_catalogue`), blocs of about 33 units, about 10 inspections × 25 item results and 20 violations per scored
unit, quarterly KPI readings, pledges, self-assessment lines and bonus grants. Everything goes through the project's
models with `bulk_create(batch_size=…)`; the same seed gives the same rows (`--fingerprint` prints a digest of them).

The CLI builds in a throwaway test database (SQLite in memory, or `test_thidua_bench_national` on PostgreSQL when
DATABASE_URL points at it), prints the time of each step and the row counts, and drops the database.
"""

import argparse
import contextlib
import hashlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from benchmarks.national_catalogue import build_catalogue, build_scheme  # noqa: E402
from benchmarks.national_observations import (  # noqa: E402
    build_entries,
    build_inspections,
    build_kpi,
    build_violations,
    qualities,
)
from benchmarks.national_tree import Tree, build_tree  # noqa: E402
from emulation.models import Bloc, BlocMembership, BonusGrant, Period, Pledge, SelfAssessment  # noqa: E402
from evaluations.models import Inspection, ItemResult, KpiReading, Violation  # noqa: E402
from units.models import Unit  # noqa: E402

TEST_DATABASE = "test_thidua_bench_national"
DEFAULT_SEED = 2026


@dataclass
class National:
    period: Period
    tree: Tree
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def build_national(units: int = 10_000, seed: int = DEFAULT_SEED, year: int = 2026) -> National:
    """Build the dataset in the current database (one transaction); say what was built and how long each step took."""
    timings: dict[str, float] = {}

    def step(name, action):
        start = time.perf_counter()
        value = action()
        timings[name] = time.perf_counter() - start
        return value

    with transaction.atomic():
        _items, types = step("catalogue", build_catalogue)
        period, tree = step("units, period, blocs", lambda: build_tree(units, year))
        step("scheme", lambda: build_scheme(period, types))
        quality = qualities(seed, tree)
        inspected = step("inspections + item results", lambda: build_inspections(seed, period, tree, quality))
        step("violations", lambda: build_violations(seed, period, tree, quality, inspected))
        step("KPI readings", lambda: build_kpi(seed, period, tree, quality))
        step("pledges, self-assessment, bonuses", lambda: build_entries(seed, period, tree))
    return National(period=period, tree=tree, counts=row_counts(), timings=timings)


def row_counts() -> dict[str, int]:
    models = [Unit, Bloc, BlocMembership, Inspection, ItemResult, Violation, KpiReading, Pledge, SelfAssessment,
              BonusGrant]  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


# The rows that make the dataset, field by field (timestamps written at insert time left out), in primary-key order.
FINGERPRINT = [
    (Unit, ["pk", "code", "path", "level", "kind", "parent_id"]),
    (BlocMembership, ["bloc_id", "unit_id"]),
    (Inspection, ["pk", "unit_id", "date", "kind", "status"]),
    (ItemResult, ["inspection_id", "item_id", "outcome"]),
    (Violation, ["pk", "unit_id", "type_id", "occurred_at", "status", "inspection_id"]),
    (KpiReading, ["unit_id", "indicator_id", "period_start", "period_end", "value"]),
    (SelfAssessment, ["pledge__unit_id", "criterion__code", "claimed_points", "verified_points"]),
    (BonusGrant, ["unit_id", "rule__code"]),
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for model, fields in FINGERPRINT:
        for row in model.objects.order_by("pk").values_list(*fields).iterator(chunk_size=10_000):
            digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def throwaway_database():
    """A fresh test database (its own name on PostgreSQL, so it never meets the test suite's), dropped afterwards."""
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = TEST_DATABASE
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def report_build(national: National) -> None:
    total = sum(national.timings.values())
    print(f"national dataset: {len(national.tree.scored)} scored units, {connection.vendor}, built in {total:.1f} s")
    for name, seconds in national.timings.items():
        print(f"  {name:<40} {seconds:7.1f} s")
    for name, count in national.counts.items():
        print(f"  {name:<40} {count:>9,}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000, help="scored units (default 10,000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--fingerprint", action="store_true", help="print a digest of the rows (same seed, same digest)"
    )
    args = parser.parse_args()
    with throwaway_database():
        national = build_national(units=args.units, seed=args.seed)
        report_build(national)
        if args.fingerprint:
            print(f"  fingerprint (seed {args.seed}): {fingerprint()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
