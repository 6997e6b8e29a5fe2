from django.urls import path

from iljari.org import views

app_name = "org"

urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("units/new/", views.unit_create, name="unit_create"),
    path("units/<str:code>/", views.unit_detail, name="unit_detail"),
    path("units/<str:code>/edit/", views.unit_edit, name="unit_edit"),
    path("districts/", views.district_list, name="district_list"),
    path("districts/<str:code>/", views.district_detail, name="district_detail"),
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/export.csv", views.partner_export, name="partner_export"),
    path("partners/new/", views.partner_create, name="partner_create"),
    path("partners/<str:code>/", views.partner_detail, name="partner_detail"),
    path("partners/<str:code>/edit/", views.partner_edit, name="partner_edit"),
]
