from django.urls import path

from iljari.web import receipts, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("participants/<int:pk>/", views.participant, name="participant"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("portal/applications/<int:pk>/receipt.pdf", receipts.application_receipt, name="application_receipt"),
    path(
        "portal/org/applications/<int:pk>/receipt.pdf",
        receipts.org_application_receipt,
        name="org_application_receipt",
    ),
    path("favicon.ico", views.favicon),
]
