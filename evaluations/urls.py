"""The app's URLs: each concept's own, under one namespace."""

from evaluations.appeals import urls as appeals
from evaluations.catalogue import urls as catalogue
from evaluations.inspections import urls as inspections
from evaluations.kpi import urls as kpi
from evaluations.records import urls as records

app_name = "evaluations"

urlpatterns = [
    *inspections.urlpatterns,
    *catalogue.urlpatterns,
    *records.urlpatterns,
    *kpi.urlpatterns,
    *appeals.urlpatterns,
]
