"""URLs of the administrators' council pages, included in `emulation.council.urls`."""

from django.urls import path

from emulation.council.admin_pages import views

urlpatterns = [
    path("manage/councils/", views.council_manage_list, name="council_manage_list"),
    path("manage/councils/new/", views.council_manage_create, name="council_manage_create"),
    path("manage/councils/<int:pk>/", views.council_manage_edit, name="council_manage_edit"),
    path("manage/councils/<int:pk>/members/new/", views.council_seat_edit, name="council_seat_add"),
    path("manage/councils/<int:pk>/members/<int:seat_pk>/", views.council_seat_edit, name="council_seat_edit"),
    path(
        "manage/councils/<int:pk>/members/<int:seat_pk>/remove/",
        views.council_seat_remove,
        name="council_seat_remove",
    ),
]
