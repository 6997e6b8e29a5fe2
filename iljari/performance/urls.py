from django.urls import path

from iljari.performance import views

app_name = "performance"

urlpatterns = [
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/record/", views.indicator_record, name="indicator_record"),
    path("indicators/export.xlsx", views.indicator_export, name="indicator_export"),
    path("indicators/import/", views.indicator_import, name="indicator_import"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path("jobs/", views.jobs, name="jobs"),
    path("jobs/record/", views.job_record, name="job_record"),
    path("jobs/export.xlsx", views.job_export, name="job_export"),
    path("jobs/import/", views.job_import, name="job_import"),
    path("validation/", views.validation, name="validation"),
    path("validation/run/", views.validation_run, name="validation_run"),
    path("validation/rules/<str:code>/", views.rule_edit, name="rule_edit"),
]
