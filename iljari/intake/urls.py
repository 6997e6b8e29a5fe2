from django.urls import path

from iljari.intake import views

app_name = "intake"

urlpatterns = [
    path("intake/", views.call_list, name="call_list"),
    path("intake/calls/new/", views.call_create, name="call_create"),
    path("intake/calls/<str:code>/", views.call_detail, name="call_detail"),
    path("intake/calls/<str:code>/edit/", views.call_edit, name="call_edit"),
    path("intake/calls/<str:code>/confirm/", views.call_confirm, name="call_confirm"),
    path("intake/calls/<str:code>/promote/", views.call_promote, name="call_promote"),
    path("intake/calls/<str:code>/eligibility/", views.call_eligibility, name="call_eligibility"),
    path("intake/calls/<str:code>/select/", views.call_select, name="call_select"),
    path("intake/calls/<str:code>/paper/", views.call_paper, name="call_paper"),
    path("intake/calls/<str:code>/import/", views.call_import, name="call_import"),
    path("intake/calls/<str:code>/import/template.xlsx", views.call_import_template, name="call_import_template"),
    path("intake/applications/<int:pk>/score/", views.application_score, name="application_score"),
    path("intake/applications/<int:pk>/decline/", views.application_decline, name="application_decline"),
    path("intake/calls/<str:code>/screen/", views.call_screen, name="call_screen"),
    path("intake/applications/<int:pk>/review/", views.application_review, name="application_review"),
    path("intake/applications/<int:pk>/conflict/", views.application_conflict, name="application_conflict"),
    path("portal/org/calls/", views.org_portal_calls, name="org_portal_calls"),
    path("portal/org/calls/<str:code>/", views.org_portal_call, name="org_portal_call"),
    path("portal/org/applications/", views.org_portal_applications, name="org_portal_applications"),
    path("intake/documents/<int:pk>/", views.document_download, name="document_download"),
    path("portal/calls/", views.portal_calls, name="portal_calls"),
    path("portal/calls/<str:code>/", views.portal_call, name="portal_call"),
    path("portal/applications/", views.portal_applications, name="portal_applications"),
    path("portal/applications/<int:pk>/withdraw/", views.portal_withdraw, name="portal_withdraw"),
    path("portal/applications/<int:pk>/decline/", views.portal_decline, name="portal_decline"),
]
