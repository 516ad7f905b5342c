"""URLs of rankings, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.rankings import views

urlpatterns = [
    path("rankings/", views.ranking, name="ranking"),
    path("rankings/print.pdf", views.ranking_pdf, name="ranking_pdf"),
    path("rankings/prints/<int:pk>/", views.ranking_print, name="ranking_print"),
    path("rankings/prints/<int:pk>/file.pdf", views.ranking_print_file, name="ranking_print_file"),
    path("dashboard/", views.province_dashboard, name="dashboard"),
]
