"""URLs of schemes, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.schemes import edit_views, views

urlpatterns = [
    path("periods/<int:pk>/scheme/", views.scheme_detail, name="scheme_detail"),
    path("periods/<int:pk>/scheme/copy/", views.scheme_copy, name="scheme_copy"),
    path("schemes/", edit_views.scheme_list, name="scheme_list"),
    path("schemes/new/", edit_views.scheme_create, name="scheme_create"),
    path("schemes/<int:pk>/", edit_views.scheme_edit, name="scheme_edit"),
    path("schemes/<int:pk>/groups/<int:group_pk>/", edit_views.scheme_group_edit, name="scheme_group_edit"),
    path("schemes/<int:pk>/copy/", edit_views.scheme_copy_to, name="scheme_copy_to"),
]
