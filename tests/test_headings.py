"""Column headings read in one case style, sentence case: "Trưởng đoàn", never "trưởng đoàn" beside "Ngày"."""

import importlib
import re
from pathlib import Path

import django_tables2 as tables

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_HEADING = re.compile(r'<th[^>]*>\s*{%\s*translate\s+"([^"]+)"')


def table_classes():
    for path in ROOT.glob("*/**/tables.py"):
        if ".venv" in path.parts:
            continue
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        yield from (v for v in vars(module).values() if isinstance(v, type) and issubclass(v, tables.Table))


def test_every_explicit_table_heading_starts_with_a_capital():
    headings = {
        f"{table.__name__}.{name}": str(column.verbose_name)
        for table in table_classes()
        for name, column in table.base_columns.items()
        if column.verbose_name
    }
    assert len(headings) > 30
    assert [f"{where}: {text}" for where, text in headings.items() if not text[0].isupper()] == []


def test_every_template_heading_starts_with_a_capital():
    headings = [
        (path.name, text)
        for path in (ROOT / "templates").rglob("*.html")
        for text in TEMPLATE_HEADING.findall(path.read_text(encoding="utf-8"))
    ]
    assert len(headings) > 50
    assert [h for h in headings if not h[1][0].isupper()] == []
