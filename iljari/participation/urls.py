from django.urls import path

from iljari.participation import views

app_name = "participation"

urlpatterns = [
    path("participation/", views.worksite_list, name="worksite_list"),
    path("participation/worksites/<str:code>/", views.worksite_detail, name="worksite_detail"),
    path("participation/worksites/<str:code>/records.xlsx", views.work_record_sheet, name="work_record_sheet"),
    path("participation/worksites/<str:code>/records/upload/", views.work_record_upload, name="work_record_upload"),
    path("participation/worksites/<str:code>/pay/", views.pay_compute, name="pay_compute"),
    path("participation/worksites/<str:code>/payroll.xlsx", views.payroll_sheet, name="payroll_sheet"),
    path("participation/placements/<int:pk>/", views.placement_detail, name="placement_detail"),
    path("participation/placements/<int:pk>/record/", views.placement_record, name="placement_record"),
    path("participation/placements/<int:pk>/end/", views.placement_end, name="placement_end"),
    path("participation/placements/<int:pk>/outcome/", views.placement_outcome, name="placement_outcome"),
    path("participation/calls/<str:code>/place/", views.call_place, name="call_place"),
    path("participation/employment/", views.employment_rates, name="employment_rates"),
    path("participation/tables/", views.tables, name="tables"),
    path("portal/placements/", views.portal_placements, name="portal_placements"),
]
