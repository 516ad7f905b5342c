"""URLs of eligibility, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.eligibility import views

urlpatterns = [
    path("eligibility/", views.eligibility_index, name="eligibility"),
    path("eligibility/<int:period_pk>/", views.eligibility_results, name="eligibility_results"),
    path("eligibility/<int:period_pk>/run/", views.eligibility_run, name="eligibility_run"),
    path("eligibility/results/<int:pk>/", views.eligibility_detail, name="eligibility_detail"),
]
