"""The code's layout as a test: units ← evaluations ← emulation, and inside each app its concepts in the order of
`<app>.apps.CONCEPTS`. A module may import its own concept, a lower concept, the app's shared modules (named after
what they are: permissions, pdfs, photos, signals, history) and the lower apps — never upwards."""

import ast
from pathlib import Path

import pytest

from emulation.apps import CONCEPTS as EMULATION_CONCEPTS
from evaluations.apps import CONCEPTS as EVALUATIONS_CONCEPTS

ROOT = Path(__file__).resolve().parent.parent
APPS = ["units", "evaluations", "emulation"]
CONCEPTS = {"emulation": EMULATION_CONCEPTS, "evaluations": EVALUATIONS_CONCEPTS, "units": []}
# Modules that put the concepts together for Django (URLs, admin discovery, model registry, demo command) may
# import any concept of their app.
ASSEMBLY = {"urls", "admin", "apps", "models", "management", "catalogue_seed", "council_seed"}


def imported_modules(source: str, module: str) -> list[tuple[int, str]]:
    """Every absolute module a source imports, with the line (relative imports resolved against `module`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(module.split(".")[: -node.level] + ([base] if base else []))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def rank(module: str) -> tuple[int, int | None]:
    """(app rank, concept rank): None for an app's shared modules, which sit below all its concepts."""
    parts = module.split(".")
    app = parts[0]
    concepts = CONCEPTS[app]
    concept = parts[1] if len(parts) > 1 and parts[1] in concepts else None
    return APPS.index(app), (concepts.index(concept) if concept else None)


def violation(importer: str, imported: str) -> str | None:
    """Why `importer` may not import `imported`, or None when the import runs downwards."""
    if imported.split(".")[0] not in APPS:
        return None
    (app_a, concept_a), (app_b, concept_b) = rank(importer), rank(imported)
    if app_b > app_a:
        return f"{importer.split('.')[0]} is below {imported.split('.')[0]}"
    if app_b < app_a or importer.split(".")[1] in ASSEMBLY:
        return None
    if concept_b is None:
        if concept_a is not None and imported.split(".")[1] == "models":
            return f"{importer} imports the app's model registry: import the concept's own models module"
        return None
    if concept_a is None:
        return f"the shared module {importer} imports the concept {imported.split('.')[1]}"
    if concept_b > concept_a:
        return f"{importer.split('.')[1]} is below {imported.split('.')[1]}"
    return None


def source_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                relative = path.relative_to(ROOT).with_suffix("")
                yield path, ".".join(relative.parts).removesuffix(".__init__")


def layering_violations(modules) -> list[str]:
    problems = []
    for path, module in modules:
        for line, imported in imported_modules(path.read_text(), module):
            reason = violation(module, imported)
            if reason:
                problems.append(f"{module}:{line} imports {imported}: {reason}")
    return problems


def test_no_module_imports_a_higher_layer():
    assert layering_violations(source_modules()) == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("units.models", "from evaluations.models import Violation\n"),
        ("evaluations.inspections.services", "from emulation.scoring.engine import recompute_unit\n"),
        ("emulation.movements.periods", "from emulation.scoring import engine\n"),
        ("emulation.titles.catalogue", "import emulation.council.ballots.voting\n"),
        ("emulation.pdfs", "from emulation.certificates.models import Certificate\n"),
        ("emulation.movements.views", "from emulation.models import Pledge\n"),
    ],
)
def test_a_planted_upward_import_is_caught(tmp_path, module, source):
    planted = tmp_path / "planted.py"
    planted.write_text(source)
    assert len(layering_violations([(planted, module)])) == 1


def test_a_downward_import_passes(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("from emulation.movements.models import Period\nfrom evaluations.models import Violation\n")
    assert layering_violations([(planted, "emulation.scoring.engine")]) == []
