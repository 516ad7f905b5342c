"""An app laid out as concept subpackages: Django and Celery look for one `admin`, `receivers` or `tasks` module per
app, so the app imports each concept's own, lowest concept first."""

import importlib
import importlib.util


def import_concept_modules(app: str, concepts: list[str], *kinds: str) -> None:
    """Import `<app>.<concept>.<kind>` for every concept that has one (registers admin pages, receivers, tasks)."""
    for concept in concepts:
        for kind in kinds:
            name = f"{app}.{concept}.{kind}"
            if importlib.util.find_spec(name):
                importlib.import_module(name)
