"""URLs of appeals, included in `evaluations.urls` (namespace `evaluations`)."""

from django.urls import path

from evaluations.appeals import corrective_views, views

urlpatterns = [
    path("violations/<int:pk>/contest/", views.appeal_create, name="appeal_create"),
    path("violations/<int:pk>/panel/", views.violation_panel, name="violation_panel"),
    path("violations/<int:pk>/corrective/new/", corrective_views.corrective_create, name="corrective_create"),
    path("violations/standalone/new/", corrective_views.standalone_create, name="standalone_create"),
    path("violations/mine/", views.my_violations, name="my_violations"),
    path("appeals/", views.appeal_list, name="appeals"),
    path("appeals/<int:pk>/", views.appeal_detail, name="appeal_detail"),
    path("appeals/<int:pk>/decide/", views.appeal_decide, name="appeal_decide"),
    path("corrective/", corrective_views.corrective_list, name="corrective_list"),
    path("corrective/<int:pk>/", corrective_views.corrective_detail, name="corrective_detail"),
    path("corrective/<int:pk>/done/", corrective_views.corrective_done, name="corrective_done"),
    path("corrective/<int:pk>/confirm/", corrective_views.corrective_confirm, name="corrective_confirm"),
    path("corrective/<int:pk>/reopen/", corrective_views.corrective_reopen, name="corrective_reopen"),
    path("attachments/<int:pk>/", views.attachment_file, name="attachment_file"),
    path("attachments/<int:pk>/thumbnail/", views.attachment_thumbnail, name="attachment_thumbnail"),
]
