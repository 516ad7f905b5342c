"""URLs of KPI readings, appeals, corrective actions, standalone violations and the staff's own violations;
appended to `evaluations.urls` (namespace `evaluations`)."""

from django.urls import path

from evaluations import views_appeals, views_corrective, views_kpi

urlpatterns = [
    path("kpi/", views_kpi.kpi_list, name="kpi_list"),
    path("kpi/new/", views_kpi.kpi_entry, name="kpi_entry"),
    path("kpi/import/", views_kpi.kpi_import, name="kpi_import"),
    path("kpi/import/<str:token>/confirm/", views_kpi.kpi_import_confirm, name="kpi_import_confirm"),
    path("kpi/<int:pk>/edit/", views_kpi.kpi_edit, name="kpi_edit"),
    path("kpi/<int:pk>/delete/", views_kpi.kpi_delete, name="kpi_delete"),
    path("kpi/units/<int:pk>/", views_kpi.kpi_unit, name="kpi_unit"),
    path("violations/<int:pk>/contest/", views_appeals.appeal_create, name="appeal_create"),
    path("violations/<int:pk>/panel/", views_appeals.violation_panel, name="violation_panel"),
    path("violations/<int:pk>/corrective/new/", views_corrective.corrective_create, name="corrective_create"),
    path("violations/standalone/new/", views_corrective.standalone_create, name="standalone_create"),
    path("violations/mine/", views_appeals.my_violations, name="my_violations"),
    path("appeals/", views_appeals.appeal_list, name="appeals"),
    path("appeals/<int:pk>/", views_appeals.appeal_detail, name="appeal_detail"),
    path("appeals/<int:pk>/decide/", views_appeals.appeal_decide, name="appeal_decide"),
    path("corrective/", views_corrective.corrective_list, name="corrective_list"),
    path("corrective/<int:pk>/", views_corrective.corrective_detail, name="corrective_detail"),
    path("corrective/<int:pk>/done/", views_corrective.corrective_done, name="corrective_done"),
    path("corrective/<int:pk>/confirm/", views_corrective.corrective_confirm, name="corrective_confirm"),
    path("corrective/<int:pk>/reopen/", views_corrective.corrective_reopen, name="corrective_reopen"),
    path("attachments/<int:pk>/", views_appeals.attachment_file, name="attachment_file"),
    path("attachments/<int:pk>/thumbnail/", views_appeals.attachment_thumbnail, name="attachment_thumbnail"),
]
