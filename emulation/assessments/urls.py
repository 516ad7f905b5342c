"""URLs of self-assessment, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.assessments import views

urlpatterns = [
    path("pledges/<int:pk>/self-assessment/", views.self_assessment, name="self_assessment"),
    path(
        "pledges/<int:pk>/self-assessment/<int:criterion_pk>/",
        views.self_assessment_claim,
        name="self_assessment_claim",
    ),
    path("self-assessment/to-verify/", views.verification_queue, name="verification_queue"),
    path("self-assessment/<int:pk>/verify/", views.self_assessment_verify, name="self_assessment_verify"),
    path("self-assessment/<int:pk>/evidence/", views.self_assessment_evidence, name="self_assessment_evidence"),
]
