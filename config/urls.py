from django.contrib import admin
from django.urls import include, path

from emulation.certificates import verify_views as views_verify
from units import views as unit_views

urlpatterns = [
    path("", unit_views.home, name="home"),
    path("healthz/", unit_views.health, name="health"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("units.urls")),
    path("inspections/", include("evaluations.urls")),
    path("emulation/", include("emulation.urls")),
    path("verify/signature/", views_verify.signature_check, name="signature_check"),
    path("verify/<str:token>/", views_verify.verify, name="verify"),
]
