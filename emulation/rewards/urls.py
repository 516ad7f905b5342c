"""URLs of award money and the reward fund, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.rewards import views

urlpatterns = [
    path("decisions/<int:pk>/money/", views.decision_money_page, name="decision_money"),
    path("decisions/<int:pk>/pdf/", views.decision_pdf_download, name="decision_pdf"),
    path("awards/<int:pk>/decision.pdf", views.award_decision_pdf, name="award_decision_pdf"),
    path("funds/", views.fund_list, name="funds"),
    path("funds/<int:pk>/", views.fund_detail, name="fund_detail"),
]
