"""The app's URLs: each concept's own, under one namespace."""

from emulation.assessments import urls as assessments
from emulation.certificates import urls as certificates
from emulation.council import urls as council
from emulation.decisions import urls as decisions
from emulation.dossiers import urls as dossiers
from emulation.eligibility import urls as eligibility
from emulation.movements import urls as movements
from emulation.notices import urls as notices
from emulation.pledges import urls as pledges
from emulation.rankings import urls as rankings
from emulation.rewards import urls as rewards
from emulation.schemes import urls as schemes
from emulation.scoring import urls as scoring
from emulation.statistics import urls as statistics
from emulation.titles import urls as titles

app_name = "emulation"

urlpatterns = [
    *movements.urlpatterns,
    *schemes.urlpatterns,
    *pledges.urlpatterns,
    *assessments.urlpatterns,
    *rankings.urlpatterns,
    *scoring.urlpatterns,
    *eligibility.urlpatterns,
    *council.urlpatterns,
    *dossiers.urlpatterns,
    *titles.urlpatterns,
    *decisions.urlpatterns,
    *rewards.urlpatterns,
    *notices.urlpatterns,
    *statistics.urlpatterns,
    *certificates.urlpatterns,
]
