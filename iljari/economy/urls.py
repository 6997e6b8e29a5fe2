from django.urls import path

from iljari.economy import views

app_name = "economy"

urlpatterns = [
    path("", views.home, name="home"),
    path("gsef/", views.members, name="members"),
    path("gsef/export.xlsx", views.members_export, name="members_export"),
    path("gsef/new/", views.member_create, name="member_create"),
    path("gsef/<int:pk>/", views.member_detail, name="member_detail"),
    path("gsef/<int:pk>/edit/", views.member_edit, name="member_edit"),
    path("gsef/dialogues/", views.dialogues, name="dialogues"),
    path("gsef/dialogues/export.xlsx", views.dialogues_export, name="dialogues_export"),
    path("fair-trade/", views.fair_trade, name="fair_trade"),
    path("fair-trade/evidence/<int:pk>/document/", views.evidence_document, name="evidence_document"),
    path("spaces/", views.spaces, name="spaces"),
    path("spaces/export.xlsx", views.spaces_export, name="spaces_export"),
    path("spaces/new/", views.space_create, name="space_create"),
    path("spaces/<int:pk>/", views.space_detail, name="space_detail"),
    path("spaces/<int:pk>/edit/", views.space_edit, name="space_edit"),
    path("spaces/<int:pk>/uses/", views.space_use, name="space_use"),
    path("spaces/<int:pk>/tenancies/", views.space_tenancy, name="space_tenancy"),
    path("spaces/<int:pk>/tenancies/<int:tenancy>/end/", views.space_tenancy_end, name="space_tenancy_end"),
    path("spaces/<int:pk>/programmes/", views.space_programme, name="space_programme"),
    path("markets/", views.markets, name="markets"),
    path("markets/export.xlsx", views.sales_export, name="sales_export"),
    path("markets/upload/", views.sales_upload, name="sales_upload"),
    path("markets/template.xlsx", views.sales_template, name="sales_template"),
]
