"""URLs of certificates, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.certificates import views

urlpatterns = [
    path("decisions/<int:pk>/certificates/", views.certificate_batch, name="certificate_batch"),
    path("decisions/<int:pk>/certificates/panel/", views.certificate_panel, name="certificate_panel"),
    path("decisions/<int:pk>/certificates/issue/", views.certificate_issue, name="certificate_issue"),
    path(
        "decisions/<int:pk>/certificates/<str:kind>/",
        views.certificate_batch_file,
        name="certificate_batch_file",
    ),
    path("certificates/", views.certificate_register, name="certificate_register"),
    path("certificates/mine/", views.my_certificates, name="my_certificates"),
    path("certificates/<int:pk>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/designs/", views.certificate_designs, name="certificate_designs"),
    path(
        "certificates/designs/<int:authority_pk>/",
        views.certificate_design_edit,
        name="certificate_design_edit",
    ),
]
