from django.urls import path

from iljari.intake.views import calls, documents, paper, portal, public, review, selection

app_name = "intake"

urlpatterns = [
    path("intake/", calls.call_list, name="call_list"),
    path("intake/calls/new/", calls.call_create, name="call_create"),
    path("intake/calls/<str:code>/", calls.call_detail, name="call_detail"),
    path("intake/calls/<str:code>/applications.xlsx", calls.call_applications_export, name="call_applications_export"),
    path("intake/calls/<str:code>/edit/", calls.call_edit, name="call_edit"),
    path("intake/calls/<str:code>/confirm/", selection.call_confirm, name="call_confirm"),
    path("intake/calls/<str:code>/promote/", selection.call_promote, name="call_promote"),
    path("intake/calls/<str:code>/eligibility/", calls.call_eligibility, name="call_eligibility"),
    path("intake/calls/<str:code>/select/", selection.call_select, name="call_select"),
    path("intake/calls/<str:code>/paper/", paper.call_paper, name="call_paper"),
    path("intake/calls/<str:code>/import/", paper.call_import, name="call_import"),
    path("intake/calls/<str:code>/import/template.xlsx", paper.call_import_template, name="call_import_template"),
    path("intake/applications/<int:pk>/score/", review.application_score, name="application_score"),
    path("intake/applications/<int:pk>/decline/", selection.application_decline, name="application_decline"),
    path("intake/calls/<str:code>/screen/", review.call_screen, name="call_screen"),
    path("intake/applications/<int:pk>/review/", review.application_review, name="application_review"),
    path("intake/applications/<int:pk>/conflict/", review.application_conflict, name="application_conflict"),
    path("portal/org/calls/", public.org_portal_calls, name="org_portal_calls"),
    path("portal/org/calls/<str:code>/", portal.org_portal_call, name="org_portal_call"),
    path("portal/org/applications/", portal.org_portal_applications, name="org_portal_applications"),
    path("portal/org/applications/<int:pk>/", portal.org_portal_application, name="org_portal_application"),
    path("portal/org/applications/<int:pk>/withdraw/", portal.org_portal_withdraw, name="org_portal_withdraw"),
    path("portal/org/applications/<int:pk>/delete/", portal.org_portal_draft_delete, name="org_portal_draft_delete"),
    path("intake/documents/<int:pk>/", documents.document_download, name="document_download"),
    path("portal/calls/", public.portal_calls, name="portal_calls"),
    path("portal/calls/<str:code>/info/", public.public_call, name="public_call"),
    path("portal/calls/<str:code>/", portal.portal_call, name="portal_call"),
    path("portal/applications/", portal.portal_applications, name="portal_applications"),
    path("portal/applications/<int:pk>/", portal.portal_application, name="portal_application"),
    path("portal/applications/<int:pk>/withdraw/", portal.portal_withdraw, name="portal_withdraw"),
    path("portal/applications/<int:pk>/delete/", portal.portal_draft_delete, name="portal_draft_delete"),
    path("portal/applications/<int:pk>/decline/", portal.portal_decline, name="portal_decline"),
]
