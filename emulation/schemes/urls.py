"""URLs of schemes, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.schemes import views

urlpatterns = [
    path("periods/<int:pk>/scheme/", views.scheme_detail, name="scheme_detail"),
    path("periods/<int:pk>/scheme/copy/", views.scheme_copy, name="scheme_copy"),
]
