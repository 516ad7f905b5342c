"""URLs of records, included in `evaluations.urls` (namespace `evaluations`)."""

from django.urls import path

from evaluations.records import views

urlpatterns = [
    path("records/<str:kind>/", views.record_list, name="records"),
    path("records/<str:kind>/new/", views.record_edit, name="record_create"),
    path("records/<str:kind>/<int:pk>/", views.record_edit, name="record_edit"),
    path("records/<str:kind>/<int:pk>/delete/", views.record_delete, name="record_delete"),
    path("records/<str:kind>/import/", views.record_import, name="record_import"),
    path("records/<str:kind>/import/<str:token>/", views.record_import_confirm, name="record_import_confirm"),
]
