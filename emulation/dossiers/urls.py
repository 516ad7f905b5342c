"""URLs of dossier documents, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.dossiers import views

urlpatterns = [
    path("nominations/<int:pk>/documents/<slug:slug>.<str:fmt>", views.dossier_document, name="dossier_document"),
]
