"""URLs of catalogue, included in `evaluations.urls` (namespace `evaluations`)."""

from django.urls import path

from evaluations.catalogue import views

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<str:kind>/new/", views.catalogue_edit, name="catalogue_add"),
    path("catalogue/<str:kind>/<int:pk>/", views.catalogue_edit, name="catalogue_edit"),
]
