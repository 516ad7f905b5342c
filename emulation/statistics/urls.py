"""URLs of the yearly statistics, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.statistics import views

urlpatterns = [path("statistics/", views.statistics_page, name="statistics")]
