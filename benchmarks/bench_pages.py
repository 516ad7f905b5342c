"""Benchmark: the busiest pages under load at national scale, each beside a trivial view of the same server.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_pages.py [--units 10000] [--requests 200]
        [--clients 20] [--rebuild] [--only PAGE]

Builds the national dataset (`national.build_national`) with scores, people, councils and nominations (`pages_data.py`)
in its own PostgreSQL database (`<BENCH_TEST_DATABASE>_pages`, or `test_<name>_bench_pages` beside DATABASE_URL's; kept
between runs and reused, migrated, while its size and seed match; `--rebuild` to start again), collects the static
files, starts gunicorn (2 sync workers, DEBUG off, production settings) on a free loopback port, and for a council
member (the whole province in scope) and a unit head drives `--clients` concurrent clients (threads, one connection a
request) at each page. Before each page the same clients ask the trivial view (`/healthz/`, same middleware, same
session cookie) as many times: the page's ratio is its p50 over that floor's p50.

Goal for each page: p95 ≤ 200 ms, no error (any status but 200 is one), ratio ≤ 3. Exits 1 when a goal is missed;
without PostgreSQL it says so and exits 0. BENCH_SIZE=small: 300 units, 40 requests a page.
"""

import argparse
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-pages-not-a-secret-" + "x" * 40,
    "BALLOT_KEY": "bench-pages-ballot-key",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",  # TLS ends at the proxy; the clients say so with X-Forwarded-Proto
    "CELERY_BROKER_URL": "",
}
GOAL_P95_MS, GOAL_RATIO = 200.0, 3.0


def database_url() -> str | None:
    """The benchmark's own database beside DATABASE_URL's (None without PostgreSQL): `<BENCH_TEST_DATABASE>_pages`
    when that names the benchmarks' database (several people benchmarking on one server), else
    `test_<name>_bench_pages`."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    base, _, name = url.rpartition("/")
    if own := os.environ.get("BENCH_TEST_DATABASE"):
        return f"{base}/{own}_pages"
    return f"{base}/test_{name.split('?')[0]}_bench_pages"


def setup_django(url: str) -> None:
    os.environ.update(SERVER_ENV | {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"})
    import django

    django.setup()


def ensure_database(url: str, units: int, seed: int, rebuild: bool) -> tuple[int, float]:
    """The dataset's period id and the seconds spent building (0 when reused)."""
    import psycopg
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.national import build_national, report_build
    from benchmarks.pages_data import build_extras

    name = url.rpartition("/")[2]
    with psycopg.connect(url.rpartition("/")[0] + "/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    wanted = f"{units}:{seed}"
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_pages_marker (label text, period_id bigint)")
        cursor.execute("SELECT label, period_id FROM bench_pages_marker")
        row = cursor.fetchone()
    if row and row[0] == wanted and not rebuild:
        call_command("migrate", verbosity=0)  # the code's newer migrations (an index, a column) on the kept data
        print(f"dataset reused ({name}: {units} units, seed {seed}), migrated")
        return row[1], 0.0
    connection.close()
    with psycopg.connect(url.rpartition("/")[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    national = build_national(units=units, seed=seed)
    report_build(national)
    for step, seconds in build_extras(national.period, seed).items():
        print(f"  {step:<40} {seconds:7.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("CREATE TABLE bench_pages_marker (label text, period_id bigint)")
        cursor.execute("INSERT INTO bench_pages_marker VALUES (%s, %s)", [wanted, national.period.pk])
    return national.period.pk, time.perf_counter() - started


def pages(period_id: int) -> dict[str, list[tuple[str, str]]]:
    """Each persona's pages: (label, path)."""
    from django.urls import reverse

    from benchmarks.pages_data import personas
    from emulation.models import Score
    from emulation.rankings.permissions import blocs_for_user
    from units.models import Unit

    users = personas()
    member, head = users["council member"], users["unit head"]
    bloc = blocs_for_user(member).filter(period_id=period_id).order_by("pk").first()
    seen = Score.objects.filter(period_id=period_id, bloc=bloc).order_by("rank").values_list("unit_id", flat=True)
    own = Unit.objects.get(role_assignments__user=head)
    common = [
        ("home", reverse("home")),
        ("inspection list", reverse("evaluations:inspections")),
        ("violation list", reverse("evaluations:violations")),
        ("nomination list", reverse("emulation:nominations")),
    ]
    return {
        "council member": [
            *common[:1],
            ("bloc ranking", reverse("emulation:ranking") + f"?period={period_id}"),
            ("score breakdown", reverse("emulation:score_detail", args=[period_id, seen[len(seen) // 2]])),
            *common[1:3],
            ("units table (filtered)", reverse("units:units") + "?level=commune&q=X%C3%A3"),
            *common[3:],
        ],
        "unit head": [
            *common[:1],
            ("bloc ranking (own unit's rank)", reverse("emulation:unit_scores", args=[own.pk])),
            ("score breakdown", reverse("emulation:score_detail", args=[period_id, own.pk])),
            *common[1:3],
            ("units table (filtered)", reverse("units:units") + "?level=sub_unit"),
            *common[3:],
        ],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(url: str, static_root: str, port: int) -> subprocess.Popen:
    env = os.environ | SERVER_ENV | {"DATABASE_URL": url, "STATIC_ROOT": static_root}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    python = Path(sys.executable)
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    command = [python.parent / "gunicorn", "config.wsgi:application", "--workers", "2", "--bind",
               f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "120"]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ms = request(port, "/healthz/", "")
            if status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def request(port: int, path: str, session: str) -> tuple[int, float]:
    """One GET on a new connection, body read whole: (status, milliseconds)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Cookie": f"sessionid={session}"}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000
    finally:
        connection.close()


def load(port: int, path: str, session: str, clients: int, total: int) -> tuple[list[float], int]:
    """`total` requests by `clients` threads: the latencies (ms) and how many failed."""
    latencies, errors, lock = [], [0], threading.Lock()
    remaining = [total]

    def client():
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            try:
                status, ms = request(port, path, session)
            except OSError:
                status, ms = 0, 0.0
            with lock:
                if status == 200:
                    latencies.append(ms)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def measure(port, session, label, path, args) -> dict:
    load(port, path, session, 2, 4)  # warm both workers on this page (templates, connections)
    floor, floor_errors = load(port, "/healthz/", session, args.clients, args.requests)
    times, errors = load(port, path, session, args.clients, args.requests)
    status, _ms = request(port, path, session)
    row = {"page": label, "errors": errors + floor_errors + (status != 200), "floor p50": percentile(floor, 50)}
    for q in (50, 95, 99):
        row[f"p{q}"] = percentile(times, q)
    row["ratio"] = row["p50"] / row["floor p50"] if floor else float("nan")
    row["ok"] = row["p95"] <= GOAL_P95_MS and row["errors"] == 0 and row["ratio"] <= GOAL_RATIO
    return row


def main() -> int:
    small = os.environ.get("BENCH_SIZE") == "small"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300 if small else 10_000)
    parser.add_argument("--requests", type=int, default=40 if small else 200, help="requests per page (and floor)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rebuild", action="store_true", help="build the dataset again even if it matches")
    parser.add_argument("--only", default="", help="only the pages whose label contains this")
    args = parser.parse_args()
    url = database_url()
    if url is None:
        print("bench_pages: skipped — it needs PostgreSQL (DATABASE_URL=postgres://…)")
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a time limit stops gunicorn too (the finally below)
    setup_django(url)
    period_id, _built = ensure_database(url, args.units, args.seed, args.rebuild)
    from benchmarks.pages_data import personas, session_cookie

    sessions = {label: session_cookie(user) for label, user in personas().items()}
    plan = pages(period_id)
    from django.db import connection

    connection.close()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-pages-static-") as static_root:
        server = start_server(url, static_root, port)
        try:
            results = {
                persona: [measure(port, sessions[persona], label, path, args)
                          for label, path in plan[persona] if args.only in label]
                for persona in plan
            }  # fmt: skip
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    return report(results, args)


def report(results: dict, args) -> int:
    print(f"\npages under load: {args.units} units, gunicorn 2 workers, {args.clients} clients, "
          f"{args.requests} requests a page (floor: /healthz/ just before each page)")  # fmt: skip
    print(f"  {'persona / page':<48}{'p50':>8}{'p95':>8}{'p99':>8}{'floor':>8}{'× floor':>9}{'errors':>8}")
    missed = []
    for persona, rows in results.items():
        for row in rows:
            name = f"{persona}: {row['page']}"
            print(f"  {name:<48}{row['p50']:8.0f}{row['p95']:8.0f}{row['p99']:8.0f}{row['floor p50']:8.0f}"
                  f"{row['ratio']:8.1f}×{row['errors']:8d}{'' if row['ok'] else '  MISSED'}")  # fmt: skip
            if not row["ok"]:
                missed.append(name)
    print(f"  (ms; goal per page: p95 ≤ {GOAL_P95_MS:g} ms, 0 errors, p50 ≤ {GOAL_RATIO:g}× floor)")
    print(f"goals missed: {', '.join(missed)}" if missed else "all goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
