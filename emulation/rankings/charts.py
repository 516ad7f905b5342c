"""Small server-rendered SVG charts: no JavaScript, no CDN, readable without the picture.

Each chart is returned with its data as a table (headers + rows): the page shows the table under the SVG, so a
screen reader or a 390-px phone gets the same numbers as the picture. Text is escaped; the SVG scales to its box.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 320

LEFT, RIGHT, TOP, BOTTOM = 48, 12, 24, 64

PALETTE = ("#8b1a1a", "#d98c1f", "#2f6f9f", "#4f8a3c", "#7a4f9a", "#b85c8a", "#3c8a86", "#6b6b6b", "#a8a23c")


@dataclass(frozen=True)
class Chart:
    """An SVG picture and the same numbers as a table."""

    key: str
    title: str
    svg: SafeString
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows


def nice_max(value, *, whole: bool = False) -> float:
    """The top of an axis with four round steps at or above `value`: steps of 1, 2, 2.5 or 5 × 10ⁿ, or for
    counts (`whole`) steps of 1, 2, 3, 4, 5, 6 or 8 × 10ⁿ, never below 1 so every tick is a whole number."""
    if value <= 0:
        return 4 if whole else 1
    quarter = float(value) / 4
    magnitude = 10 ** math.floor(math.log10(quarter))
    steps = (1, 2, 3, 4, 5, 6, 8, 10) if whole else (1, 2, 2.5, 5, 10)
    step = round(next(step * magnitude for step in steps if step * magnitude >= quarter), 10)
    return 4 * max(step, 1) if whole else 4 * step


def _whole(values) -> bool:
    return all(isinstance(value, int) for value in values)


def _fmt(value) -> str:
    """A number as the active language writes it (33,3 in Vietnamese), without trailing zeros."""
    if isinstance(value, float | Decimal):
        value = float(value)
        return formats.number_format(int(value) if value.is_integer() else value)
    return str(value)


def _open(key: str, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" class="chart" font-family="sans-serif" font-size="12">',
        f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(description)}</desc>',
    ]


def _axis(scale: float, suffix: str, top: float) -> list[str]:
    """Horizontal grid lines with values at 0, ¼, ½, ¾ and the top of the scale."""
    parts = []
    plot_height = HEIGHT - top - BOTTOM
    for i in range(5):
        y = HEIGHT - BOTTOM - plot_height * i / 4
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>')
        label = f"{_fmt(scale * i / 4)}{suffix}"
        parts.append(f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{label}</text>')
    return parts


def _wrap(label: str, width: int) -> list[str]:
    """At most two lines of about `width` characters, cut at spaces; the rest is elided."""
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines[:1] + [lines[1] + ("…" if len(lines) > 2 else "")] if len(lines) > 1 else lines


def _x_labels(labels: list[str], slot: float) -> list[str]:
    """Category labels under the bars: up to six wrapped on two lines, more slanted and shortened."""
    parts = []
    for i, label in enumerate(labels):
        x, y = LEFT + slot * (i + 0.5), HEIGHT - BOTTOM + 16
        if len(labels) > 6:
            text = escape(label if len(label) <= 16 else label[:15] + "…")
            parts.append(
                f'<text x="{x:.1f}" y="{y}" text-anchor="end" transform="rotate(-35 {x:.1f} {y})">{text}</text>'
            )
            continue
        lines = _wrap(label, max(int(slot / 7), 6))
        spans = "".join(
            f'<tspan x="{x:.1f}" dy="{0 if n == 0 else 14}">{escape(line)}</tspan>' for n, line in enumerate(lines)
        )
        parts.append(f'<text x="{x:.1f}" y="{y}" text-anchor="middle">{spans}</text>')
    return parts


def _legend(names: list[str]) -> tuple[list[str], float]:
    """Colour keys in rows across the top; returns them and the top margin they leave for the plot."""
    parts, x, y = [], LEFT, 12
    for i, name in enumerate(names):
        width = 24 + 7 * len(name)
        if x + width > WIDTH - RIGHT and x > LEFT:
            x, y = LEFT, y + 16
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}">{escape(name)}</text>')
        x += width
    return parts, y + 20


def _bar(x: float, y: float, width: float, height: float, colour: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 1):.1f}" height="{height:.1f}" fill="{colour}">'
        f"<title>{escape(tip)}</title></rect>"
    )


def bar_chart(*, key: str, title: str, labels: list[str], values: list, header: str, suffix: str = "") -> Chart:
    """One bar per label, its value written above it."""
    scale = nice_max(max(values, default=0), whole=_whole(values))
    slot = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    plot_height = HEIGHT - TOP - BOTTOM
    pairs = list(zip(labels, values, strict=True))
    parts = _open(key, title, ", ".join(f"{label}: {_fmt(v)}{suffix}" for label, v in pairs))
    parts += _axis(scale, suffix, TOP)
    for i, (label, value) in enumerate(pairs):
        height = plot_height * float(value) / scale
        x, y = LEFT + slot * i + slot * 0.15, HEIGHT - BOTTOM - height
        parts.append(_bar(x, y, slot * 0.7, height, PALETTE[0], f"{label}: {_fmt(value)}{suffix}"))
        parts.append(f'<text x="{x + slot * 0.35:.1f}" y="{y - 3:.1f}" text-anchor="middle">{_fmt(value)}</text>')
    parts += [*_x_labels(labels, slot), "</svg>"]
    rows = [[label, value] for label, value in pairs]
    return Chart(key, title, mark_safe("".join(parts)), ["", header], rows)  # every text inside is escaped


def stacked_bar_chart(*, key: str, title: str, labels: list[str], series: list[tuple[str, list]]) -> Chart:
    """One bar per label, split into the series stacked from the bottom; the table gives each part and the total."""
    totals = [sum(values[i] for _name, values in series) for i in range(len(labels))]
    scale = nice_max(max(totals, default=0), whole=_whole(totals))
    slot = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    parts = _open(key, title, ", ".join(f"{label}: {_fmt(total)}" for label, total in zip(labels, totals, strict=True)))
    legend, top = _legend([name for name, _values in series])
    parts += _axis(scale, "", top) + legend
    plot_height = HEIGHT - top - BOTTOM
    for i, label in enumerate(labels):
        base = HEIGHT - BOTTOM
        for s, (name, values) in enumerate(series):
            height = plot_height * float(values[i]) / scale
            base -= height
            tip = f"{label} — {name}: {_fmt(values[i])}"
            parts.append(_bar(LEFT + slot * i + slot * 0.15, base, slot * 0.7, height, PALETTE[s % len(PALETTE)], tip))
    parts += [*_x_labels(labels, slot), "</svg>"]
    headers = ["", *(name for name, _values in series), "Σ"]
    rows = [[label, *(values[i] for _n, values in series), totals[i]] for i, label in enumerate(labels)]
    return Chart(key, title, mark_safe("".join(parts)), headers, rows)  # every text inside is escaped


def histogram(*, key: str, title: str, bins: dict, width, header: str) -> Chart:
    """Bars for the bins [edge, edge + width) from the lowest edge given to the highest, empty bins included."""
    if not bins:
        return bar_chart(key=key, title=title, labels=[], values=[], header=header)
    low, high = min(bins), max(bins)
    edges = [low + width * i for i in range(int((high - low) / width) + 1)]
    labels = [f"{_fmt(edge)}–<{_fmt(edge + width)}" for edge in edges]
    return bar_chart(key=key, title=title, labels=labels, values=[bins.get(edge, 0) for edge in edges], header=header)
