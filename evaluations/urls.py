from django.urls import path

from evaluations import views, views_catalogue, views_records, views_violations
from evaluations.urls_appeals import urlpatterns as appeal_urlpatterns

app_name = "evaluations"
urlpatterns = [
    path("", views.inspection_list, name="inspections"),
    path("new/", views.inspection_plan, name="inspection_create"),
    path("<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("<int:pk>/edit/", views.inspection_plan, name="inspection_edit"),
    path("<int:pk>/conduct/", views.inspection_conduct, name="inspection_conduct"),
    path("<int:pk>/items/<int:item_pk>/", views.item_save, name="item_save"),
    path("<int:pk>/people/", views_violations.person_search, name="person_search"),
    path("<int:pk>/violations/new/", views_violations.violation_create, name="violation_create"),
    path("violations/", views_violations.violation_list, name="violations"),
    path("violations/<int:pk>/", views_violations.violation_detail, name="violation_detail"),
    path("violations/<int:pk>/photos/", views_violations.violation_add_photos, name="violation_add_photos"),
    path("evidence/<int:pk>/", views_violations.evidence_file, name="evidence_file"),
    path("evidence/<int:pk>/thumbnail/", views_violations.evidence_thumbnail, name="evidence_thumbnail"),
    path("catalogue/", views_catalogue.catalogue, name="catalogue"),
    path("catalogue/<str:kind>/new/", views_catalogue.catalogue_edit, name="catalogue_add"),
    path("catalogue/<str:kind>/<int:pk>/", views_catalogue.catalogue_edit, name="catalogue_edit"),
]
urlpatterns += appeal_urlpatterns
urlpatterns += [
    path("records/<str:kind>/", views_records.record_list, name="records"),
    path("records/<str:kind>/new/", views_records.record_edit, name="record_create"),
    path("records/<str:kind>/<int:pk>/", views_records.record_edit, name="record_edit"),
    path("records/<str:kind>/<int:pk>/delete/", views_records.record_delete, name="record_delete"),
    path("records/<str:kind>/import/", views_records.record_import, name="record_import"),
    path("records/<str:kind>/import/<str:token>/", views_records.record_import_confirm, name="record_import_confirm"),
]
