from django.urls import path

from iljari.participation import training_views, views

app_name = "participation"

urlpatterns = [
    path("participation/", views.worksite_list, name="worksite_list"),
    path("participation/worksites.xlsx", views.worksite_export, name="worksite_export"),
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
    path("participation/training/", training_views.training_figures, name="training_figures"),
    path("participation/training/courses/<str:code>/", training_views.course_detail, name="training_course"),
    path(
        "participation/training/courses/<str:code>/attendance/",
        training_views.course_attendance,
        name="training_attendance",
    ),
    path(
        "participation/training/courses/<str:code>/attendance.xlsx",
        training_views.attendance_sheet,
        name="training_attendance_sheet",
    ),
    path(
        "participation/training/courses/<str:code>/attendance/upload/",
        training_views.attendance_upload,
        name="training_attendance_upload",
    ),
    path("participation/training/enrolments/<int:pk>/", training_views.enrolment_detail, name="training_enrolment"),
    path(
        "participation/training/enrolments/<int:pk>/deposit/", training_views.deposit_pay, name="training_deposit_pay"
    ),
    path(
        "participation/training/enrolments/<int:pk>/complete/",
        training_views.enrolment_complete,
        name="training_complete",
    ),
    path("participation/training/enrolments/<int:pk>/drop/", training_views.enrolment_drop, name="training_drop"),
    path("participation/training/calls/<str:code>/enrol/", training_views.call_enrol, name="training_call_enrol"),
    path("participation/training/<str:code>/", training_views.institute_detail, name="training_institute"),
    path("portal/placements/", views.portal_placements, name="portal_placements"),
]
