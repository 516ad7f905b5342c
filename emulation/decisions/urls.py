"""URLs of decisions, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.decisions import views

urlpatterns = [
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/edit/", views.decision_edit, name="decision_edit"),
    path("decisions/<int:pk>/recipients/new/", views.decision_add_recipient, name="decision_add_recipient"),
    path("decisions/<int:pk>/nominations/", views.decision_add_nominations, name="decision_add_nominations"),
    path("decisions/<int:pk>/sign/", views.decision_sign, name="decision_sign"),
    path("decisions/<int:pk>/annul/", views.decision_annul, name="decision_annul"),
    path("awards/", views.award_list, name="awards"),
    path("awards/<int:pk>/", views.award_detail, name="award_detail"),
    path("awards/<int:pk>/remove/", views.award_remove, name="award_remove"),
    path("awards/<int:pk>/revoke/", views.award_revoke, name="award_revoke"),
]
