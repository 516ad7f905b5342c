"""Django looks for `emulation.admin` only: it registers each concept's admin pages."""

from emulation.apps import CONCEPTS
from units.concepts import import_concept_modules

import_concept_modules("emulation", CONCEPTS, "admin")
