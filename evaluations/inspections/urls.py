"""URLs of inspections, included in `evaluations.urls` (namespace `evaluations`)."""

from django.urls import path

from evaluations.inspections import views, violation_views

urlpatterns = [
    path("", views.inspection_list, name="inspections"),
    path("new/", views.inspection_plan, name="inspection_create"),
    path("inspectors/", views.pick_inspectors, name="pick_inspectors"),
    path("<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("<int:pk>/edit/", views.inspection_plan, name="inspection_edit"),
    path("<int:pk>/conduct/", views.inspection_conduct, name="inspection_conduct"),
    path("<int:pk>/items/<int:item_pk>/", views.item_save, name="item_save"),
    path("<int:pk>/people/", violation_views.person_search, name="person_search"),
    path("<int:pk>/violations/new/", violation_views.violation_create, name="violation_create"),
    path("violations/", violation_views.violation_list, name="violations"),
    path("violations/<int:pk>/", violation_views.violation_detail, name="violation_detail"),
    path("violations/<int:pk>/photos/", violation_views.violation_add_photos, name="violation_add_photos"),
    path("evidence/<int:pk>/", violation_views.evidence_file, name="evidence_file"),
    path("evidence/<int:pk>/thumbnail/", violation_views.evidence_thumbnail, name="evidence_thumbnail"),
]
