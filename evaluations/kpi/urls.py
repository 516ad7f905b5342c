"""URLs of kpi, included in `evaluations.urls` (namespace `evaluations`)."""

from django.urls import path

from evaluations.kpi import views

urlpatterns = [
    path("kpi/", views.kpi_list, name="kpi_list"),
    path("kpi/new/", views.kpi_entry, name="kpi_entry"),
    path("kpi/import/", views.kpi_import, name="kpi_import"),
    path("kpi/import/<str:token>/confirm/", views.kpi_import_confirm, name="kpi_import_confirm"),
    path("kpi/<int:pk>/edit/", views.kpi_edit, name="kpi_edit"),
    path("kpi/<int:pk>/delete/", views.kpi_delete, name="kpi_delete"),
    path("kpi/units/<int:pk>/", views.kpi_unit, name="kpi_unit"),
]
