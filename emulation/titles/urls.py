"""URLs of titles, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.titles import views

urlpatterns = [
    path("titles/", views.title_catalogue, name="title_catalogue"),
    path("titles/history/", views.title_history, name="title_history"),
    path("titles/<str:kind>/new/", views.title_catalogue_edit, name="title_catalogue_add"),
    path("titles/<str:kind>/<int:pk>/", views.title_catalogue_edit, name="title_catalogue_edit"),
    path("titles/rule-sets/<int:pk>/copy/", views.rule_set_copy, name="rule_set_copy"),
]
