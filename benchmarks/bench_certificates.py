"""Benchmark: certificates against the bare xhtml2pdf floor, and a batch shared by two real worker processes.

    DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://… .venv/bin/python benchmarks/bench_certificates.py
        [--single 20] [--batch 1000] [--workers 2]

- single: `issue_certificate` (lock, serial, row, render, PAdES signature, store, audit) per certificate, median of
  `--single`, against the floor `pisa.CreatePDF` of the same certificate's HTML (same template, same font) in the
  same run, each issue followed by a floor render (the same load on both) — goal ≤ 1.5×. Signing is counted on our
  side only: the demo key is written first, so every certificate is signed, and the floor is the bare renderer
  alone; bare pyHanko signing (`signers.sign_pdf` with the key loaded once) is printed beside it, and the ratio to
  "bare xhtml2pdf + bare pyHanko" too, for information;
- batch: `--batch` awards issued by `--workers` separate `celery worker --pool=solo` processes, from queueing the
  batch to its DONE — what a user waits for: every certificate numbered, rendered, signed and stored, each one and
  the ZIP of all (streamed from the stored PDFs) downloadable; the register (sổ theo dõi), written afterwards by its
  own task, is timed and printed apart. Per certificate against the floor on as many processes: `--workers`
  processes each rendering `--batch / --workers` bare certificates at the same time (the machine's real
  parallelism), measured right before and right after the batch and averaged (the machine is shared: its load
  moves) — goal ≤ 1.5×; extrapolated linearly to 10,000 certificates — goal ≤ 180 s (the floor's own 10,000 is
  printed beside it: on a loaded machine the floor alone can exceed it). Load averages are printed, and the CPU
  seconds of the workers beside those of the floor processes (steadier than wall time on a shared machine; the
  database server's CPU is not in them), for information.

Needs PostgreSQL and a broker (the workers share the database); runs in a throwaway `test_…` database.
BENCH_SIZE=small shrinks the batch to 100 (CI). Exits 1 when a goal is missed.
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from xhtml2pdf import pisa  # noqa: E402

from config.celery import app as celery_app  # noqa: E402
from emulation.certificates import pdfs  # noqa: E402
from emulation.certificates.issuing import issue_certificate, prepare_batch  # noqa: E402
from emulation.certificates.tasks import run_certificate_batch  # noqa: E402
from emulation.demo_signing_key import write_demo_credentials  # noqa: E402
from emulation.models import BatchStatus, Certificate, CertificateBatch  # noqa: E402
from emulation.pdfs import FONT_DIR, POLICY  # noqa: E402
from emulation.signing import DEMO_FOLDER, signer_file  # noqa: E402
from tests.emulation.certificates.helpers import make_authority, make_awards, make_signed_decision  # noqa: E402
from tests.factories import make_unit, make_user  # noqa: E402

GOAL_RATIO, GOAL_10K_SECONDS = 1.5, 180.0


def certificate_html(certificate) -> str:
    context = {**pdfs.certificate_context(certificate), "qr": pdfs.qr_data_uri(certificate.verify_url)}
    html = render_to_string(pdfs.TEMPLATES[certificate.template], {**context, "font_dir": FONT_DIR.as_posix()})
    return unicodedata.normalize("NFC", html)


def bare_render(html: str) -> bytes:
    buffer = io.BytesIO()
    pisa.CreatePDF(html, dest=buffer, encoding="utf-8", resource_policy=POLICY)
    return buffer.getvalue()


def single_and_floor_seconds(certificate, awards) -> tuple[float, float, float]:
    """Issuing each award's certificate, each one followed by bare xhtml2pdf (the sample certificate's HTML, already
    rendered, to PDF bytes) and bare pyHanko signing of that PDF with the key loaded once — interleaved, so that both
    sides see the same load on a shared machine (medians)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    html = certificate_html(certificate)
    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(signer_file()))
    meta = signers.PdfSignatureMetadata(field_name="ChuKySo", subfilter=fields.SigSeedSubFilter.PADES)
    singles, renders, signs = [], [], []
    for award in awards:
        started = time.perf_counter()
        issue_certificate(award=award)
        singles.append(time.perf_counter() - started)
        started = time.perf_counter()
        pdf = bare_render(html)
        renders.append(time.perf_counter() - started)
        started = time.perf_counter()
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False), meta, signer=signer)
        signs.append(time.perf_counter() - started)
    return statistics.median(singles), statistics.median(renders), statistics.median(signs)


def floor_worker(path: str, count: int) -> None:
    """One of the parallel floor processes: `count` bare renders of the HTML in `path`; prints its wall and CPU
    seconds."""
    html = Path(path).read_text()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        bare_render(html)
    print(json.dumps([time.perf_counter() - started, time.process_time() - cpu]))


def parallel_floor_seconds(certificate, total: int, workers: int) -> tuple[float, float]:
    """`workers` processes rendering `total` bare certificates between them at the same time: the wall time of the
    slowest (what the batch's workers could do at best on this machine, now), and their CPU seconds together."""
    path = Path(settings.MEDIA_ROOT) / "bench-certificate.html"
    path.write_text(certificate_html(certificate))
    command = [sys.executable, __file__, "--floor-worker", str(path), "--batch", str(total // workers)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(workers)]
    seconds = [json.loads(process.communicate()[0]) for process in processes]
    path.unlink()
    return max(wall for wall, _cpu in seconds), sum(cpu for _wall, cpu in seconds)


def cpu_seconds(processes: list[subprocess.Popen]) -> float:
    """User + system CPU seconds the processes used so far (Linux /proc)."""
    ticks = 0
    for process in processes:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def start_workers(count: int, queue: str) -> list[subprocess.Popen]:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": url}
    env |= {"MEDIA_ROOT": str(settings.MEDIA_ROOT), "SITE_URL": settings.SITE_URL}
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue, "-l", "warning"]
    return [
        subprocess.Popen([*command, "-n", f"bench{i}-{queue}@%h", "--without-gossip", "--without-mingle"],
                         env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for i in range(count)
    ]  # fmt: skip


def wait_ready(count: int, queue: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replies = celery_app.control.ping(timeout=1.0) or []
        if sum(1 for reply in replies for name in reply if queue in name) >= count:
            return
    raise SystemExit("the workers did not start")


def batch_seconds(size: int, workers: int) -> tuple[float, float, float]:
    """From queueing a batch of `size` awards to its DONE (every certificate out), on `workers` worker processes;
    the workers' CPU seconds meanwhile; and the seconds more until its register is written."""
    decision = make_signed_decision(make_unit(code="SNB"), authority=make_authority())
    make_awards(decision, size, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    queue = f"bench-certificates-{uuid.uuid4().hex[:8]}"
    processes = start_workers(workers, queue)
    celery_app.conf.task_always_eager = False
    try:
        wait_ready(workers, queue)
        cpu = cpu_seconds(processes)
        started = time.perf_counter()
        run_certificate_batch.apply_async((batch.pk,), queue=queue)
        while not CertificateBatch.objects.filter(pk=batch.pk, status__in=[BatchStatus.DONE, BatchStatus.FAILED]):
            time.sleep(0.2)
            if time.perf_counter() - started > 1800:
                raise SystemExit("the batch did not finish in 30 minutes")
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(processes) - cpu
        while not CertificateBatch.objects.filter(pk=batch.pk).exclude(register_pdf=""):
            time.sleep(0.2)
            if time.perf_counter() - started > 3600:
                raise SystemExit("the register was not written in an hour")
        register = time.perf_counter() - started - elapsed
    finally:
        celery_app.conf.task_always_eager = True
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
    numbers = sorted(Certificate.objects.filter(award__decision=decision).values_list("number", flat=True))
    assert numbers == list(range(1, size + 1)), "serials must be gapless, each award once"
    assert CertificateBatch.objects.get(pk=batch.pk).done == size
    return elapsed, cpu, register


def load() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> int:
    small = os.environ.get("BENCH_SIZE") == "small"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=int, default=10 if small else 20)
    parser.add_argument("--batch", type=int, default=100 if small else 1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--floor-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_worker:
        floor_worker(args.floor_worker, args.batch)
        return 0
    if connection.vendor != "postgresql" or not os.environ.get("CELERY_BROKER_URL"):
        print("bench_certificates skipped: needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (shared by workers)")
        return 0
    old_name = connection.settings_dict["NAME"]
    if signer_file() is None:  # every certificate is signed, as in production
        write_demo_credentials(Path(settings.MEDIA_ROOT) / DEMO_FOLDER)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        decision = make_signed_decision(make_unit(code="SNV"), authority=make_authority())
        awards = make_awards(decision, args.single + 2, decision.unit)
        print(f"start: {load()}")
        for award in awards[:2]:  # warm-up: templates, fonts, connections, the signer's template
            issue_certificate(award=award)
        sample = Certificate.objects.with_facts().first()
        single, floor, sign_floor = single_and_floor_seconds(sample, awards[2:])
        print(f"before the batch: {load()}")
        floor_before, floor_cpu_before = parallel_floor_seconds(sample, args.batch, args.workers)
        batch, batch_cpu, register = batch_seconds(args.batch, args.workers)
        print(f"after the batch: {load()}")
        floor_after, floor_cpu_after = parallel_floor_seconds(sample, args.batch, args.workers)
        parallel, floor_cpu = (floor_before + floor_after) / 2, (floor_cpu_before + floor_cpu_after) / 2
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    ratio, per_10k = single / floor, batch * 10_000 / args.batch
    batch_ratio, floor_10k = batch / parallel, parallel * 10_000 / args.batch
    print(
        f"single certificate (signed): {single * 1000:.1f} ms; bare xhtml2pdf floor {floor * 1000:.1f} ms; ×{ratio:.2f}"
    )
    print(f"  (bare pyHanko signing {sign_floor * 1000:.1f} ms; × bare xhtml2pdf + bare pyHanko: "
          f"{single / (floor + sign_floor):.2f})")  # fmt: skip
    each, floor_each = batch / args.batch * 1000, parallel / args.batch * 1000
    print(
        f"batch of {args.batch} on {args.workers} workers, queued → every certificate out: {batch:.1f} s = "
        f"{each:.1f} ms each; floor on {args.workers} processes {floor_each:.1f} ms each "
        f"(before {floor_before:.1f} s, after {floor_after:.1f} s); ×{batch_ratio:.2f}"
    )
    print(f"  then the register (XLSX + PDF, its own task, not waited for): {register:.1f} s more")
    print(f"  CPU: workers {batch_cpu / args.batch * 1000:.1f} ms a certificate, floor processes "
          f"{floor_cpu / args.batch * 1000:.1f} ms; ×{batch_cpu / floor_cpu:.2f} (information)")  # fmt: skip
    print(f"10,000 certificates ≈ {per_10k:.0f} s (floor on {args.workers} processes ≈ {floor_10k:.0f} s)")
    missed = [what for what, ok in (("single ≤ 1.5× floor", ratio <= GOAL_RATIO),
                                    ("batch ≤ 1.5× floor", batch_ratio <= GOAL_RATIO),
                                    ("10,000 ≤ 180 s", per_10k <= GOAL_10K_SECONDS)) if not ok]  # fmt: skip
    print("goals missed: " + ", ".join(missed) if missed else "all goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
