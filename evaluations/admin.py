"""Django looks for `evaluations.admin` only: it registers each concept's admin pages."""

from evaluations.apps import CONCEPTS
from units.concepts import import_concept_modules

import_concept_modules("evaluations", CONCEPTS, "admin")
