"""URLs of movements, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.movements import views

urlpatterns = [
    path("movements/", views.movement_list, name="movements"),
    path("movements/new/", views.movement_edit, name="movement_create"),
    path("movements/<int:pk>/", views.movement_detail, name="movement_detail"),
    path("movements/<int:pk>/edit/", views.movement_edit, name="movement_edit"),
    path("movements/<int:movement_pk>/items/new/", views.commitment_item_edit, name="commitment_item_create"),
    path("movements/<int:movement_pk>/items/<int:pk>/", views.commitment_item_edit, name="commitment_item_edit"),
    path("periods/<int:period_pk>/blocs/new/", views.bloc_edit, name="bloc_create"),
    path("periods/<int:period_pk>/blocs/<int:pk>/", views.bloc_edit, name="bloc_edit"),
    path("periods/new/", views.period_edit, name="period_create"),
    path("periods/<int:pk>/", views.period_detail, name="period_detail"),
    path("periods/<int:pk>/edit/", views.period_edit, name="period_edit"),
    path("periods/<int:pk>/advance/", views.period_advance, name="period_advance"),
    path("periods/<int:pk>/reopen/", views.period_reopen, name="period_reopen"),
]
