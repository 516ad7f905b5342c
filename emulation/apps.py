from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from units.concepts import import_concept_modules

# Lowest first: a concept imports only the concepts before it (tests/test_layering.py holds it to that); a lower one
# that must react to a higher one listens to a signal.
CONCEPTS = [
    "titles",
    "movements",
    "schemes",
    "pledges",
    "assessments",
    "scoring",
    "rankings",
    "eligibility",
    "council",
    "decisions",
    "dossiers",
    "rewards",
    "notices",
    "statistics",
    "certificates",
]


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Thi đua, khen thưởng")

    def ready(self):
        import_concept_modules(self.name, CONCEPTS, "receivers", "tasks")
