"""URLs of pledges, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.pledges import views

urlpatterns = [
    path("pledges/", views.pledge_list, name="pledges"),
    path("pledges/new/", views.pledge_start, name="pledge_start"),
    path("pledges/mine/", views.my_registrations, name="my_registrations"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
    path("pledges/<int:pk>/registrations/", views.pledge_registrations, name="pledge_registrations"),
    path("pledges/<int:pk>/submit/", views.pledge_submit, name="pledge_submit"),
    path("pledges/<int:pk>/accept/", views.pledge_accept, name="pledge_accept"),
    path("pledges/<int:pk>/return/", views.pledge_return, name="pledge_return"),
    path("pledges/<int:pk>/sheet.pdf", views.pledge_pdf, name="pledge_pdf"),
]
