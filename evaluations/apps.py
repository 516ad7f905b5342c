from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from units.concepts import import_concept_modules

# Lowest first: a concept imports only the concepts before it (tests/test_layering.py holds it to that).
CONCEPTS = ["catalogue", "kpi", "records", "inspections", "appeals"]


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Kiểm tra, vi phạm")

    def ready(self):
        import_concept_modules(self.name, CONCEPTS, "receivers", "tasks")
