"""URLs of scoring, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.scoring import views
from emulation.scoring.entries import urls as entries

urlpatterns = [
    path("scores/<int:period_pk>/units/<int:unit_pk>/", views.score_detail, name="score_detail"),
    path("scores/units/<int:unit_pk>/", views.unit_scores, name="unit_scores"),
    *entries.urlpatterns,
]
