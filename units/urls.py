from django.urls import path

from units import views
from units.audit import views as audit_views
from units.imports import views as imports_views
from units.reorganisation import views as reorganisation_views

app_name = "units"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
    path("notifications/read-all/", views.notification_read_all, name="notification_read_all"),
    path("units/", views.unit_list, name="units"),
    path("units/new/", views.unit_edit, name="unit_create"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("reorganisations/", reorganisation_views.reorganisation_list, name="reorganisations"),
    path("reorganisations/new/", reorganisation_views.reorganisation_create, name="reorganisation_create"),
    path("reorganisations/<int:pk>/", reorganisation_views.reorganisation_detail, name="reorganisation_detail"),
    path(
        "reorganisations/<int:pk>/reverse/", reorganisation_views.reorganisation_reverse, name="reorganisation_reverse"
    ),
    path("people/", views.person_list, name="people"),
    path("people/new/", views.person_edit, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/invite/", views.person_invite, name="person_invite"),
    path("pick/units/", views.pick_units, name="pick_units"),
    path("pick/people/", views.pick_people, name="pick_people"),
    path("roles/", views.role_list, name="roles"),
    path("roles/new/", views.role_create, name="role_create"),
    path("roles/<int:pk>/delete/", views.role_delete, name="role_delete"),
    path("audit/", audit_views.audit_log, name="audit_log"),
    path("imports/<str:kind>/", imports_views.import_upload, name="import"),
    path("imports/<str:kind>/<str:token>/confirm/", imports_views.import_confirm, name="import_confirm"),
]
