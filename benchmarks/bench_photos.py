"""Benchmark: an inspector's 12-MP photo — the request (`receive_photo` + storing the bytes) and the background
processing (`units.uploads.clean_photo`) against the same steps in bare Pillow.

    .venv/bin/python benchmarks/bench_photos.py [--megapixels 12] [--repeat 5]

The floor opens and decodes the JPEG, shrinks it to EVIDENCE_STORED_MAX_SIDE, re-encodes it (quality 85) and makes
the EVIDENCE_THUMBNAIL_SIDE thumbnail — what `clean_photo` must do at least; `clean_photo` adds the checks
(content sniffing, verify, polyglots, EXIF orientation, metadata stripped). Time is the median of `--repeat` runs;
peak memory is each variant's own process's peak RSS above the same process after imports. The request does only
the quick checks (size, header, pixel count, end marker, polyglots) and stores the bytes; the task does the rest.
A decompression bomb must be refused by the request in milliseconds. Goals: processing time and memory ≤ 1.5× the
floor, the request ≤ 1 s for 12 MP, bomb ≤ 50 ms.
BENCH_SIZE=small uses 3 MP (CI). Exits 1 when a goal is missed.
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402

from units.uploads import clean_photo, receive_photo  # noqa: E402

GOAL_RATIO, GOAL_SECONDS, GOAL_BOMB_SECONDS = 1.5, 1.0, 0.05


def photo(megapixels: float) -> bytes:
    """A camera-like JPEG: noise over a gradient (incompressible enough to be a realistic size)."""
    width = int((megapixels * 1e6 * 4 / 3) ** 0.5)
    height = int(width * 3 / 4)
    noise = Image.effect_noise((width, height), 40)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def floor(data: bytes) -> None:
    """The bare Pillow steps: decode, shrink to the stored size, encode, thumbnail, encode."""
    image = Image.open(io.BytesIO(data))
    image.load()
    image.thumbnail((settings.EVIDENCE_STORED_MAX_SIDE,) * 2)
    image.save(io.BytesIO(), format="JPEG", quality=85)
    image.thumbnail((settings.EVIDENCE_THUMBNAIL_SIDE,) * 2)
    image.save(io.BytesIO(), format="JPEG", quality=85)


def ours(data: bytes) -> None:
    clean_photo(SimpleUploadedFile("p.jpg", data, content_type="image/jpeg"))


def request(data: bytes) -> None:
    """What the inspector's request does with the photo: the quick checks, then the bytes written to storage."""
    photo = receive_photo(SimpleUploadedFile("p.jpg", data, content_type="image/jpeg"))
    target = Path(settings.MEDIA_ROOT) / "bench-received.jpg"
    target.write_bytes(photo.data)
    target.unlink()


def measure(variant: str, path: str, repeat: int) -> dict:
    """Run in this (fresh) process: median seconds and peak RSS above the baseline after imports, in MB."""
    data = Path(path).read_bytes()
    function = {"floor": floor, "ours": ours, "request": request}[variant]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(data)
        times.append(time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    return {"seconds": statistics.median(times), "peak_mb": peak / 1024}


def in_subprocess(variant: str, path: Path, repeat: int) -> dict:
    command = [sys.executable, __file__, "--measure", variant, "--file", str(path), "--repeat", str(repeat)]
    return json.loads(subprocess.run(command, capture_output=True, check=True, text=True).stdout)


def bomb_seconds() -> float:
    """A PNG claiming 50,000 × 50,000 pixels (a few KB on disk) must be refused before decoding."""
    buffer = io.BytesIO()
    Image.new("1", (50_000, 50_000)).save(buffer, format="PNG")
    started = time.perf_counter()
    try:
        request(buffer.getvalue())
    except ValidationError:
        return time.perf_counter() - started
    raise SystemExit("the bomb was accepted")


def main() -> int:
    small = os.environ.get("BENCH_SIZE") == "small"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megapixels", type=float, default=3 if small else 12)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure", choices=["floor", "ours", "request"])
    parser.add_argument("--file")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.file, args.repeat)))
        return 0
    path = Path(settings.MEDIA_ROOT) / "bench-photo.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(photo(args.megapixels))
    try:
        base, mine = in_subprocess("floor", path, args.repeat), in_subprocess("ours", path, args.repeat)
        received = in_subprocess("request", path, args.repeat)
    finally:
        path.unlink()
    bomb = bomb_seconds()
    time_ratio, memory_ratio = mine["seconds"] / base["seconds"], mine["peak_mb"] / max(base["peak_mb"], 1)
    print(f"{args.megapixels:g}-MP JPEG, stored ≤ {settings.EVIDENCE_STORED_MAX_SIDE} px, median of {args.repeat}")
    print(f"floor (bare Pillow): {base['seconds'] * 1000:.0f} ms, peak {base['peak_mb']:.0f} MB")
    print(f"clean_photo (task):  {mine['seconds'] * 1000:.0f} ms, peak {mine['peak_mb']:.0f} MB")
    print(f"the request:         {received['seconds'] * 1000:.0f} ms, peak {received['peak_mb']:.0f} MB")
    print(f"ratio: time ×{time_ratio:.2f}, memory ×{memory_ratio:.2f}; bomb refused in {bomb * 1000:.1f} ms")
    goals = {
        "time ≤ 1.5× floor": time_ratio <= GOAL_RATIO,
        "memory ≤ 1.5× floor": memory_ratio <= GOAL_RATIO,
        "request ≤ 1 s": received["seconds"] <= GOAL_SECONDS,
        "bomb ≤ 50 ms": bomb <= GOAL_BOMB_SECONDS,
    }
    missed = [goal for goal, ok in goals.items() if not ok]
    print("goals missed: " + ", ".join(missed) if missed else "all goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
